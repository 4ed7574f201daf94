// More cases bounded-goroutines reports without a fix: contexts cancelled only after the loop.
export const cancelWithoutFix = `- the function calls, after the loop and before it waits for the goroutines, the cancel function
  of a context made per item inside the loop and handed to the goroutine (itself or in the item
  holding it), kept in a variable, a slice or map of cancel functions, or a field of the items the
  loop collects (\`cctx, cancel := context.WithCancel(…)\`, \`rs := &rollbackState{…: cctx, …:
  cancel}\`, \`states = append(states, rs)\`, then \`for _, rs := range states {
  rs.cancelLockGrabCtxCancel() }\`; \`wg.Wait()\`): the goroutines may wait on their context until
  then (vault's rollbacks, waiting for a lock their caller holds, deadlocked bounded); a loop that
  only logs before its \`Wait()\`, or cancels after it, is still bounded;
`;
