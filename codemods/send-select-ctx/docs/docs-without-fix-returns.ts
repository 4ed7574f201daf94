// Cases send-select-ctx reports without a fix because the return the select adds would skip or
// leave something the function does on its way out: a clean-up, a close, a cancel.
export const returnsWithoutFix = `- a return in place of the send would run a deferred \`close(publicChan)\` while a goroutine the
  function started (not in another branch of the same \`if\`) may still send on that channel: that
  send would panic (rook's network discovery crashed the operator);
- an early return would skip a call after the send that hands the channel to a function of the
  package closing it (\`m.registry.watchSubnet(ctx, cursor, sn, receiver)\`, whose
  \`close(receiver)\` ends its reader's range: flannel's lease watch);
- the statement that makes the value sent also moves on a local the function records in a defer
  (\`ev, st = a.collectEvent(st)\`, then \`ch <- ev\`, under \`defer func() { a.SaveEventState(st) }()\`):
  a return in place of the send would record the state as moved past a value never delivered, and a
  run starting again from that record would never send it (lima's guest agent: ports opened while
  the host agent reconnected were never forwarded);
- the source is a context the function made with a cancel it has not deferred by the send
  (\`ctx, cancelDial := context.WithCancel(…)\`, cancelled later in a cleanup closure): the new return
  would leave the cancel uncalled, which \`go vet\` reports (sliver's port forward);
- an early return would skip a \`wg.Done()\`, \`Unlock()\`, \`close()\`, a \`Close\` (\`resp.Body.Close()\`,
  \`SafeClose(respHandler)\`: minio's stream results ranged for good), a semaphore's \`<-sem\` or a
  context's \`cancel()\` that follows the send, a send on a channel the function closes in a defer
  (\`aborted <- abort\` under \`defer close(aborted)\`: its reader would take the close's \`false\`
  for a run not cut short, as weaviate's cache prefill did), the work a slot was taken for in a
  function with no error to return (\`p.semC <- struct{}{}\`, then \`go func(…) { defer func() {
  <-semC }() … }(…)\`: k9s' worker pool dropped jobs and returned tables half decoded), or a statement handing that cancel on (\`return
  &closer{cancel: cancel}\`: the context would never be cancelled, and go vet says lostcancel),
  or work the function does after the loop the send is in (\`p.active.Add(-1)\`, \`p.onDone()\`;
  logging aside, whatever its arguments compute: \`d.logger.Tracef("…", d.state.Len())\`), or a
  completion callback handed in and called after the send (\`cb(err)\`,
  \`done()\`, \`onDone()\`, \`onSent()\`: it may count the work done for a \`Wait\`), or a hold
  given back (\`heldUnlock.release()\`, \`lease.Release()\`: a variant of btcwallet's unlock hold
  left the wallet's Lock waiting for good), or a count or set kept in a field brought down after
  the send (\`d.compacting--\`, \`delete(d.inProgress, c)\`, \`n.Add(-1)\`,
  \`atomic.AddInt32(&s.inflight, -1)\`: a Close waiting for the count to reach zero would wait
  for good), or a goroutine started after it that acts once a context
  ends (\`go func() { <-req.ctx.Done(); released <- req }()\`: it gives back what the function took),
  or a \`close()\` the function runs before a return on another of its ways out, not after the send
  (\`if err == errListenerClosed { close(ln.ch); return }\` in the loop sending on \`ln.ch\`: a
  variant of go-pg's listener left its reader's range over the channel waiting for good), or a
  call on such a way out, to a closure of the function or a function or method of the package
  whose body closes the channel sent on, in a \`once.Do\` literal too (\`_ = failPermanent(err);
  return …\`, \`failPermanent\` running \`close(s.stateChanges)\`: a variant of ngrok-go's
  reconnecting session, whose consumer ranges over its state changes);
- the function is an HTTP handler (\`w http.ResponseWriter\`, no results) that writes its answer
  after the send (\`http.Error(w, …)\` once the reply comes, \`w.WriteHeader(…)\`): a bare return
  added at the send would write nothing, and net/http answers 200 OK for a handler that returns
  so, the request reported as done (storetheindex's and prometheus' config reload: a client
  told "reloaded" while the daemon shut down);
- the function closes on its way out (\`defer close(errs)\`) a channel whose close its reader takes
  for the answer (one it sends its failure on, \`errs <- err\`): a return at any other send of it
  (\`streams <- s\`) would run that close, and the reader, given no error, would take the values cut
  short for all there was (containers/image's GetBlobAt splitter ended with one chunk of three);
- the send reports a failure in the branch of \`if err != nil\`, its value the error or built from
  it (\`"ERROR: scan: " + err.Error()\`, \`fmt.Errorf("…: %w", err)\`, \`result{err: err}\`), on a
  channel the function closes on its way out (\`defer close(c)\`): skipped, it would leave the
  reader only the close, read as a clean end (kratos' jsonnet worker: truncated output passed for
  success);
- the return added at the send would skip a later send on the same path (same block or one around
  it, before the loop iteration ends) that keeps its blocking send as a signal someone waits for
  (\`sendNowDone <- 1\` after the event sends: kratos' file watcher, whose \`DispatchNow\` caller hung);
- the send follows a count of values in flight raised for it in its block (\`p.pending.Add(1); p.queue <-
  job\`, nothing between them starting a goroutine or using the value) that the package brings down
  elsewhere once the value is handled (\`Done()\`, \`Add(-1)\`, never in this function) and waits on
  (\`p.pending.Wait()\`, a test of \`Load()\`): a return at the send would leave it counted and
  that wait waiting for good (a variant of miniflux's worker pool, whose Drain hung); the
  function-style atomics alike (\`atomic.AddInt64(&q.pending, 1)\` before the send, \`AddInt64(&q.pending,
  -1)\` elsewhere, a loop or zero test on \`atomic.LoadInt64(&q.pending)\`: a variant of dd-trace-go's
  trace queue, whose Flush hung);
- the function's own \`case <-ctx.Done():\` returns what a call gives (\`return cleanup()\`, a closure
  that waits for its readers, reaps the child process and gives nil for a cancel; not an error
  maker such as \`fmt.Errorf(…, ctx.Err())\`): a return of \`ctx.Err()\` at the send would skip that
  call, leave the child unreaped and report an error where the function reports none (crowdsec's
  journalctl source);
- the \`if\` right after the send has a branch ending in a return or a break with a clean-up in it
  (a \`Close\`, \`Unlock()\`, \`wg.Done()\`, a cancel…, as above), made as a statement or for its
  result (\`if socks.Close { err = conn.Close(); connections.Delete(id); return }\`): a return at
  the send would skip it, and the connection would stay open with its entry kept (a variant of
  merlin's SOCKS client reader);
- the function opened a resource before the send (\`ln, err := net.Listen(…)\`, a Dial, os.Open or
  Create, sql.Open, an exec.Cmd's Start), neither closed before the send nor by a defer registered
  before it, and the code after the send takes care of it (closes it, or passes it, or the field it
  was stored in, to a call: \`s.ln = ln; signal <- nil; return serve(ctx, s)\`): a return at the
  send would leave it open, the address bound for good (a variant of redcon's
  ListenServeAndSignal);
- the source is the function's own context parameter, and a caller of the package hands it in from
  an endless loop (\`for { pollOnce(ctx, client, req, cfg, ch) }\`: no range or clause, no condition
  naming it) that neither checks it (no \`ctx.Err()\`, \`ctx.Done()\` or select on it, not set
  anew there) nor stops on the function's result: the return would leave the helper only, and once
  the context is done the loop would call it again at once, a parked send turned into a busy loop
  (a variant of fabio's custom route poller sent 50,754 requests in half a second);
- the send is a fan-out, on each channel of a slice or map in turn (\`for _, out := range outs { out
  <- result }\`, or \`outs[i] <- result\`), and a \`continue\` (see "A fan-out goes on to the next
  channel") would not skip only the channel that waits: something follows the send in that
  iteration (\`out <- result; sent++\`), a loop of its own lies between it and the loop over the
  channels (a bare \`continue\` would go on with that inner loop), the function has results (what
  it returns after the loop, \`return nil\`, would tell its caller every channel had the value), or
  it closes those channels after the loop, on its way out or in a loop around it (\`for _, out :=
  range outs { close(out) }\`: a listener skipped would take the close, a zero value, for the
  result). A
  \`return\` is no fix there either: it would leave the loop at the first receiver that waits, and
  every channel after it, those with room that could not block too, would never get the value
  (go-systemd's jobComplete: later listeners of a job lost its result). Not a fan-out when every
  channel of a local collection is made there with room and stored in it (\`chans[i] = make(chan
  T, 1)\`): its sends cannot wait, and the usual \`return\` is kept;
- the channel's reader is handed the cancel of the context in scope too (\`errgroup.Wait(groupCancel,
  errChan)\`): it may cancel once it has enough answers and go on counting one from every
  goroutine, and a send giving up then would leave it waiting for good; or the context is made
  and ended (\`defer cancel()\`) by the function that starts this one with the channel its own
  caller reads (\`go checkReady(ctx, targetCh)\`): it is done when that function returns, not when
  the reader stops; or the send goes through a pointer to the channel (\`*statusCh <- s\`), whose
  reader goconc does not follow;
- the channel is a stream the function closes once it has sent everything and hands, before the
  send or after, to a function of the package that ranges over it to the close
  (\`stageOut := stage(stageIn, process)\`): a log pipeline's stop that drains what it took would
  lose the line in hand;`;
