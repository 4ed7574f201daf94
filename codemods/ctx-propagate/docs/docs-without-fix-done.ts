// The cases ctx-propagate reports without a fix because the call runs where the context in scope
// is, or is likely, done.
export const doneWithoutFix = `- the function called (of the package, or of another package of the module: \`retry.Until(…)\`,
  \`(&retry.Retryer{…}).Until(…)\`), its last result an error, returns nil for it once its
  context is done (\`case <-ctx.Done(): return false, nil, nil\`, or under \`if ctx.Err() != nil\`),
  and the call keeps a result beside the error (\`_, path, err := …\`): given the context in scope,
  a cancel would hand back an empty result as a success (with \`--aggressive\`, pulumi's plugin
  download took its nil path for a string and panicked on an interrupt, where it failed cleanly);
- it runs where the context is done: after its \`cancel()\` (for a receiver's \`s.ctx\`, after
  \`s.cancel()\`, or another field the file types \`context.CancelFunc\`, \`a.stop()\`: a \`Close\`
  flushing last, go-dqlite's hand-over) or a \`<-ctx.Done()\` statement, in a
  \`case <-ctx.Done():\`, under \`if ctx.Err() != nil\` (alone or with others joined by \`&&\`:
  skaffold's last look at a job after a timeout), under a test of an error for a cancellation (\`if
  err == ErrorCanceled\`, \`errors.Is(err, context.Canceled)\`: with \`--aggressive\`, velero's data
  path handed its cancel callback a context already done, and the result was dropped), after a
  select whose done case goes on, after a loop whose every way out tests the context (its condition
  \`for ctx.Err() == nil\` or \`for !isDone(ctx)\`, a flag set only in \`case <-ctx.Done():\`
  such as \`for !stopped\`, breaks taken there or under \`if ctx.Err() != nil\`, a \`break\` after a
  select whose other cases all \`continue\` or return: a logger writing what is still pending as it
  stops would have lost those lines), or past a label jumped to only from \`case <-ctx.Done():\`
  (\`goto out\`) and not gone on to otherwise. A loop that can also end with the context alive
  (\`i < n && ctx.Err() == nil\`, a flag set by a receive too, a break on another condition) is
  fixed;
- it runs after a shutdown signal received in its own function body (a \`<-w.tomb.Dying()\`
  statement, or in a \`case <-w.stopCh:\` holding it: a \`Dying\`, \`Done\`, \`Closing\`, \`Stopped\`,
  \`Quit\`… call, or a channel named \`stop\`, \`quit\`, \`done\`, \`shutdown\`, \`exit\`…): the context
  in scope is likely made from what is shutting down and done by then, and given it the call would
  fail (juju's watcher Stop, never sent to the server once the watcher died, leaking it there).
  After \`<-tctx.Done()\` of a context made from it (\`tctx, cancel := context.WithTimeout(ctx, d)\`)
  the reason says that tctx is done, and the context in scope may be alive or done;
`;
