// The cases ctx-propagate reports without a fix where the work would outlive the call, or reports
// how work given the context ended.
export const outlivesWithoutFix = `- it is in a function literal handed to a call named for running it on its own (\`Go\`, \`Spawn\`,
  \`Submit\`, \`Enqueue\`, \`Schedule\`, \`Dispatch\`, \`Launch\`, \`Offer\`, \`Background\`, \`…Async\`),
  in the function whose context parameter or local is in scope, when nothing after it waits
  (\`g.Wait()\`, \`<-ctx.Done()\`) and the literal does not stop with that context itself: it runs
  on after the function returns (gotosocial's MediaPrune, whose media cleanup, handed to
  \`p.workers.Spawn\`, would have stopped as the admin request ended);
- the function called, declared in the package, hands the context it is given to
  \`exec.CommandContext\` and starts that command with \`.Start()\`, not waiting for it (no \`Wait\`,
  \`Run\`, \`Output\`, \`CombinedOutput\` after): the process runs on after it returns, and given the
  context in scope it would be killed as that ends (with \`--aggressive\`, livego's
  \`Transcoder.Launch\`, whose ffmpeg died with the request that launched it);
- it reports the outcome of work given the context through an expression of that work's error
  (\`FinishUpload(context.TODO(), fdef, err == nil, size)\`, \`err != nil\`, \`errors.Is(err, …)\`,
  \`err.Error()\`): that outcome is often the context's end, and given it the report would fail just
  then (tinode's upload, cancelled, left recorded as still in progress);
`;
