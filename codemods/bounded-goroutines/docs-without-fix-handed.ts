// More cases bounded-goroutines reports without a fix: work handed to the goroutine by others.
export const handedWithoutFix = `- a goroutine hands the package's function or method as a value to a call
  (\`execute(jobCtx, job, p.handleWorkerDone)\`), which calls it back, and that function sends on
  a channel the goroutine did not make (\`p.jobResultCh <- job\`), as a call of it would: the
  receiver may be the event loop that starts the goroutines (river's producer, bounded, waited
  for a slot while its jobs waited for the cancel it no longer took);
`;
