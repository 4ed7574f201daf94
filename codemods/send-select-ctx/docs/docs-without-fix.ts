// The cases send-select-ctx reports without a fix, each with why, for `goconc explain`.
import { receiversWithoutFix } from './docs-without-fix-receivers.js';
import { returnsWithoutFix } from './docs-without-fix-returns.js';

export const withoutFix = `## Reported without a fix
- the send is in a goroutine started inside a function literal handed to a shared sync.Once's Do
  (\`relayOnce.Do(func() { …; go func() { for { r.ch <- chunk } }() })\`), and the source comes from
  outside that literal: the goroutine runs once for every caller, and the context is only the first
  caller's; a select on it would end the shared work when that caller is cancelled (benthos' stdin
  relay, which later consumers found silent);
- the send is in a method or function of the package called in a loop that does not stop on the
  done field it would select on (\`for { msg := <-o.queue; o.sendRequest(client, msg) }\`): the
  return leaves the helper only, and the loop goes on working past the stop with the value
  dropped (goreplay's binary output replayed requests after \`Close\`);
- the send is in a goroutine of an errgroup made with its own context (\`eg, egCtx :=
  errgroup.WithContext(ctx)\`, then \`eg.Go(func() error { … rowChan <- row … })\`): a sibling's
  failure ends only \`egCtx\`, so a select on the outer context would go on waiting (go-mysql-server's
  aggregation). goconc does not take a group's context as a source; where it is the only one in scope, the reason names it;
- no cancellation source in scope — goconc never invents a context. An unexported done-channel
  field the package never makes or sets (\`a.shutdownCh = …\`, \`shutdownCh:\` in a literal), though
  it builds the type, is no source: it is nil, and a case on it would never fire (dkron's agent).
  Nor is one the package only makes and receives from (\`p.stop = make(…)\`, \`<-p.stop\`), never
  closing it, sending on it or handing it on: nothing ever signals on it (hmq's worker pool); nor
  another package's \`Context\` (trufflehog's \`pkg/context\`, \`*gin.Context\`), which the reason names;
- the only source is a context parameter or field that may be nil: the function hands it to a
  call that makes its own context of it (\`ctx := opts.buildContext(o.parent)\`), or the package
  builds the type without the field (\`&Observable{items: items}\`, \`new(Client)\`) and the function building it
  does not set it (a \`Subscribe\` that sets it later may not have run yet), or its tests do (velero's micro services), or it
  tests it against nil (\`if client.Context != nil\`: gophercloud's client panicked); a select on \`o.parent.Done()\` would panic there;
- the channel is a field that a loop of the package drains (\`for { m := <-p.retries … }\`, \`for m :=
  range p.retries\`, or a loop that polls it and waits for it in its select's default branch; a
  loop that only polls does not drain it; or a field the package closes and, in a loop, hands to a
  call that reads it until it is closed: \`lo.BufferWithTimeout(rt.responseQ, n, wait)\`; or a field
  handed to a goroutine the package starts, whose function receives from it in a loop or cannot be
  read: \`go s.handler.Run(ctx, s.requestCh)\`, stopped by what it was given, not by the sender's
  done channel, as jocko's broker served queued requests after a select on shutdownCh had given
  up and closed their connection; or a field a loop of the package receives through a getter
  returning it, \`case ev := <-s.roaManager.ReceiveROA():\`, gobgp's server loop, whose clean-up
  closed the connection an event carried, or in a function the getter's result is handed to,
  \`t.run(rbm.updates())\`: knative's throttler), or a package-level channel a loop of the package receives
  from (\`var writeLoginAttempt = make(chan loginAttempt, 100)\`, drained by a writer goroutine for the
  process's life: mox's login attempts, dropped in a burst once a caller's context was done), or a channel parameter the package drains under the same name (\`updates
  chan<- job\` handed down from where \`updater(updates <-chan job)\` ranges over it until it is
  closed, or from the function that makes it under that name and starts workers ranging over it:
  \`copyChan := make(…)\`, \`go func() { f.copierRoutine(ctx, copyChan) }()\`, or started with
  \`copyWg.Go(func() {…})\` as syncthing's pulls do, or through a goroutine launcher's method
  (\`s.GoRoutines.RunWithRestart(ctx, name, func(ctx context.Context) { for op := range ops {…} })\`:
  cds' repository workers, which lost an operation taken off the queue), or from a function of the
  package that made it under another name, gave it to such workers and returned it
  (\`workersStartChan := startWorkerStarters(ctx, h)\`, \`return jobs\`: cds' hatchery dropped a job
  request its starters would have spawned); a \`break\` out of an
  inner loop does not leave theirs, nor a \`return\` of a function literal inside (\`walkMeta(func(k,
  v string) error { …; return nil })\`: benthos' parallel http processor, its feeder given a select,
  left its batch waiting for results of indexes never handed out); a \`for {\` loop reading \`v, ok := <-ch\` that leaves only under
  \`if !ok\` drains as a range does), or a local channel that goroutines the function starts range over with no way out of
  their loop (\`go func() { for batch := range ch { … } }()\`, also through a function of the
  package they call: \`go func() { errc <- deleteFiles(n, delChan) }()\`, whose workers range over
  it), or that the function itself ranges over that way right after starting the goroutines (no
  return and no wait on the way; or reads \`v, ok := <-ch\` until it is closed: karmada's custom
  metrics summed fewer clusters than they had), or hands to a function of the package that does (\`return
  writeChatResponse(ch)\`, ranging \`for rr := range ch\`: it reads until the senders close it; made as \`make(chan T, n)\` or of a named channel type, \`make(fs.ObjectsChan, n)\`), or each channel of a field the
  package fills itself and hands to its own receiving loop (\`for _, ch := range q.eventChannels {
  ch <- m }\`, with \`q.eventChannels = append(q.eventChannels, eventChan)\` and
  \`q.consume(eventChan)\`): an internal pipeline whose values must still flow during a shutdown,
  which a select on the done channel would drop;
- the channel is named for a signal that code has started or finished (\`done\`, \`doneCh\`,
  \`errDone\`, \`ready\`, \`s.exited\`…): whoever waits for it may still be waiting when the source
  ends (a shutdown waiting for its loops to report), and a select would then drop it at random;
- the send reports why a server stopped (\`errChan <- s.Serve(lis)\`, or \`err := srv.ListenAndServe()\`
  sent later) and the function stops that server itself (\`<-ctx.Done(); s.GracefulStop()\`): the
  server returns because the source is done, so the report always comes after it (tink's servers,
  whose caller waited for both reports on shutdown, hung with a channel short of room);
- the send reports the failure of a call given the context, or a context made from it
  (\`workerCtx, cancel := context.WithCancel(ctx)\`) (\`if err := lim.Take(ctx, n); err != nil
  { out <- failed(err) }\`, or \`err != nil && !errors.Is(err, errNotFound)\`, or an \`err\` set by
  such a call anywhere before the test, \`res, err = s.generate(ctx, p)\` in a block above it, or anywhere in the function for a literal it defers (\`defer func() { if err != nil { pr <- …} }()\`, \`err = s.resetDBs(ctx)\`: tiflow's syncer), or
  \`out, err := cmd.CombinedOutput()\` with a clean-up and a log call between (lima's WSL2 boot); also through a chain: \`rdb.Set(ctx, k, v).Err()\`, or a method of a value made with it:
  \`cmd.Run()\` with \`cmd := exec.CommandContext(ctx, …)\`, cluster-api's tilt-prepare reporting an
  interrupted run as a success, or of a field set so before, \`c.cmd.Wait()\` after \`c.cmd =
  exec.CommandContext(ctx, …)\`: litefs' exit status; or of a call given a closure that hands ctx
  on, \`safe.Call(func() { s.download(ctx, req) })\`, whose error is the download's recovered
  panic: Dragonfly's export; or of a method of a value made so and handed to the goroutine's
  literal, \`stream := open(ctx)\`, then \`go func(stream S) { … stream.Recv() … }(stream)\`:
  tetragon's multiplexer dropped the error ending a stream; or of a method of a value wrapping
  one made so, \`r := bufio.NewReader(body)\` after \`body, err := req.Stream(ctx)\`, and then the
  values the same loop sends before that report on the same channel: emissary's pod logs dropped
  lines and the closing event its reader waited for; or the error an item of a stream opened with it
  carries, \`if p.Err != nil\` in \`for p := range pinning.RecursiveKeys(ctx, false)\`: kubo's pin
  verify), or sends what such a call returns (\`errCh <- r.ListAndWatch(ctx)\`, or in a struct just
  after it, error checks between aside: \`r, err := fetch(ctx, in)\`, then \`or <- orderResult{err: err, r: r}\`: eigenda's
  encoder dropped blobs it had encoded and never asked for them again; or the values a loop
  receives from a stream opened with it, \`resp, e := metricStream.Recv()\` after
  \`metricStream, err := c.client.StreamRawMetrics(ctx, …)\`, then \`metricsChan <- m\` for each:
  keda's raw metrics, the loop ending with the stream; unless the function that made the channel only
  receives it in selects that also wait on ctx): once the context is done that call ends, and a
  select, on that source or another, would drop the report at random;
- the send hands on the value the call just before it (checks of its outcome between aside) was
  handed and delivered with the context: given it (\`post(ctx, p)\`) or a method of the receiver
  whose body uses its context field (\`err := d.unconditionalSend(payload)\`, then \`output <-
  payload\`): the work is done, and a select would drop the delivered value once the context is
  done (datadog-agent's log destinations: the auditor never committed offsets, logs sent twice);
- the send follows, in its block after the last branch that skips the item, a record of it as
  handled in state that outlives the call (a package-level variable or a field: \`.Add(\`, \`.Set(\`,
  \`.Store(\`, \`.Put(\`, \`.Insert(\`, \`m[k] = …\`), keyed by what the sent value is built from
  (\`reportedFtraceHooks.Add(symbol, args)\`, then \`out <- NewPipelineEvent(symbol)\`): later passes
  skip what is recorded, and a send dropped once the context is done would lose it for good (tracee's
  ftrace hooks, under a per-scan deadline); a map of the call itself, or a count, still gets the fix;
- the send hands on what a call of the package returns, and that call closes the done-channel field
  selected on, itself or through a call it makes (\`results <- a.hit(tr)\`, where \`hit\` calls
  \`a.Stop()\` once the targets run out, and \`Stop\` closes \`a.stopch\`): the value reports why
  the work stops, and a select on that channel, closed by then, would drop it (not so a close of another type's field of that name);
- the function's work goes on once the context is done: before the send it takes
  \`context.WithoutCancel(ctx)\` itself, or hands the context to a function of the package that does
  (\`job, err := withRetries(ctx, …)\`, which records a job's final state on an uncancelled
  context): the work is meant to finish and be reported even when the context ends first, and a
  select would drop that report at random;
- the channel is a reply channel that came in on another channel (\`case ch := <-b.snapshot: ch <-
  snap\`, \`case req := <-reqs: req.err <- err\`, \`for t := range tasks { t.dstMatch <- dst }\`, a
  variable only receives set: \`var finishChan chan error\` … \`case finishChan = <-s.start:\`; a
  parameter every caller hands such a channel: \`case c := <-p.get: p.getPayload(c)\`; one looked up in a
  map of calls waiting for their answers: \`rchan, ok := c.pending[msg.id]\`, cue's JSON-RPC
  connection; one a function that came in that way gives: \`case fn := <-e.syncCh: ack := fn();
  ack <- struct{}{}\`, xk6-browser's event emitter, whose requester waits on it), or one of a local
  slice such channels were collected
  in (\`errchs = append(errchs, req.errch)\`, then a range over it or \`errchs[0] <- err\`), or a field of a request taken off
  a queue (\`req, ok := s.queue.Pop()\` … \`req.result <- res\`), or a field named for the answer
  (\`Res\`, \`RespCh\`, \`replyC\`, \`resultChan\`, \`ack\`; mediamtx's path left a source waiting on
  \`req.Res\`) of a request handed in as a parameter
  (\`func (l *lock) handleAcquire(event *Acquire) { … event.RespCh <- claim }\`), or taken from a
  call (\`request := c.removeRequest(id)\`, then \`request.responseChan <- resp\`), or of one of a batch of
  requests (\`for _, msg := range batch { msg.respCh <- r }\`, \`batch[i].respCh <- r\`); or any
  field the package fills, where it builds the request, with a channel the builder made and then
  waits on with a plain receive (\`w.msgs <- &completeMsg{err: errChan}\`, then \`return
  <-completeChan, <-errChan\`; \`switch msg := q.(type) { case peerCountMsg: msg.reply <- n }\`, the
  builder of that type): its requester waits for the answer, and a send
  giving up once the source is done could leave it waiting forever;
- the function already has its own case for the source being done that releases something,
  stops something not its own local (\`p.pp.Stop()\`, \`s.conn.Close()\`, \`c.shutdown()\`,
  \`params.done()\`: bettercap's zeroconf browser closed its subscriber's channel there) or reports before it
  stops (\`case <-ctx.Done(): wg.Done(); return\`): a select that only returns
  would skip that, and a \`wg.Wait()\` would never return; or whose case does not return but goes
  on to code after its select or loop (\`case <-shutdownCh: shutdown = true\`, \`break loop\`,
  \`goto FLUSH\`, then a flush of held events), or whose loop goes on (no return, goto or labeled
  break: lima's vz driver stops the VM there and then reports the stop the loop sees next): a
  select that returns would skip that code (for any source the fix could select on: signoz's
  alert batcher, whose \`case <-b.stopC:\` sends what is queued and closes its output, beside a
  \`ctx\` parameter); the
  case may be for a context the source is made from (\`wctx, cancel := context.WithCancel(ctx)\`
  in a retry loop, and \`case <-ctx.Done():\` closes the client and the channel: flannel's subnet
  watch), or receive from a copy of the channel (\`ctxCh := ctx.Done()\` … \`case <-ctxCh:\`); or
  the send is in such a case itself (\`case <-ctx.Done(): st.err = ctx.Err(); resCh <- st\`): it
  reports that end, and a select on any context it derives from would be as ready then and drop
  the report at random;
${receiversWithoutFix}
- the send runs where its only source is known to be done (after a call of a method of the
  package that cancels a receiver's context field, \`srv.BeginGracefulStop()\` calling
  \`srv.shutdownCancel(…)\`, for that field: dagger's GracefulStop returned nil for a failed final
  sync, and another source in scope, the caller's \`ctx\`, is selected on instead; or that closes a
  done-channel field, called by the function's callers before they call it: \`s.doStop();
  s.handlePanic(err)\`, cubefs' raft never reported its panic as fatal; in a function deferred by one that
  returns in its \`case <-ctx.Done():\`, a drain handing on what is still queued: minio's log
  targets lost entries when reconfigured; in a \`case <-stop:\`, after a
  \`<-ctx.Done()\` statement (or \`<-done\`, a local \`done := ctx.Done()\` never assigned again: pulumi's policy proxy) or after a select whose \`case <-ctx.Done():\` goes on to it, after a
  call of the package's that returns nil only in its loop's \`case <-b.stopCh:\` (\`if err :=
  b.batchLoop(); err != nil { return }\`: gocb's batcher dropped its final flush's error), after
  \`cancel()\` (the context's own cancel function, not deferred) or \`close(stop)\`, or after an \`if\`
  whose branch runs it and goes on (\`if err != nil { cancel() }\`: perkeep's sync dropped the
  enumeration error its caller waited for), after a call
  given a callback that may run \`cancel()\` (\`r.Completion(ctx, p, func(…) { … cancel() … })\`:
  ollama's chat restarts a generation that way, and its later error went unreported), under \`if ctx.Err() != nil\` (or \`if err := ctx.Err(); err != nil\`: a variant of coder/websocket's
  xsync.Go dropped the cancelled context's error its caller waits for), sending \`ctx.Err()\`, or in a closure
  (\`flush := func() {…}\`) or a method of the package (\`s.halt()\`, the source a field of its
  receiver) called there, or called by one called there (\`close(r.shutdownCh)\`, then
  \`r.setState(Shutdown)\` tells the observers): the last flush or stop of a shutdown), or in a
  function literal written there (\`cancel()\`, then \`once.Do(func() { errC <- err })\`), or under
  \`if parserErr != nil\` for a variable set only beside \`cancel()\` (another source in scope, the
  request's own context, is then the one to select on): a select
  on it would skip the send at random, and whoever waits for it would wait forever;
- the code that provides the source ends it, or waits for it to end (\`<-ctx.Done()\` while a
  callback that ends it reports), and then waits for the value: \`cancel()\` (or
  \`close(stop)\`, or \`<-ctx.Done()\`) and later a receive from the channel in the same function (\`cancel(); select {
  case <-signal: … }\`, a test checking that a loop ends on cancel), or in its \`case <-ctx.Done():\`,
  or by handing the channel to a function of the package that receives from it (\`case
  <-ctx.Done(): e.handleShutdown(server, errChan)\`, which stops the server and then waits for
  \`<-errChan\`, Serve's result): a send giving up once the source is done would fail that wait at
  random;
- the send runs as the code winds down: after the function's main loop (a \`for {\` it breaks out
  of) has ended, or in a function called there (\`for workerCount > 0 { p.workerQueue <- nil }\`
  stopping a pool's workers after its dispatch loop), or once its input is closed (\`n, ok :=
  <-notes\` … \`if !ok { replies <- final; return }\`), or in a method named for undoing work
  (\`CleanUp\`, \`Close\`, \`Stop\`, \`Shutdown\`, \`Teardown\`, \`Release\`) whose source is its own
  context parameter, the work's, often done by the time a deferred cleanup runs: a stop ends that loop or closes that input, so the source is likely done by
  then, and a select on it would skip the send at random;
- the send puts back what the function took from the same channel earlier (\`case <-txn.opsFlow:\`
  … \`txn.opsFlow <- true\`), or a function around the closure that gives it back (\`case
  <-g.syncerSema:\`, then \`returnSema := func() { g.syncerSema <- struct{}{} }\`): a token, or work
  requeued, that others wait for; a select would lose it at random (lnd's gossip syncers lost
  their shared slots one by one as peers left);
- the channel and the value sent on it came out of one call together (\`l, lockChan, err =
  locker.AsyncLockWithCtx(ctx)\`, then, often in a deferred function, \`lockChan <- l\`): the send
  hands back what that call lent, a lock its giver holds until the token comes back; a select
  giving up once a deadline has passed would keep the lock for good;
- the send is in a function literal that is returned or stored in a field or composite literal
  (\`return wait, func(os.Signal) { c.simulatedCtrlC <- true }\`), or given to a call whose result
  is, directly or through a local (\`sched := newBatchScheduler(func(res) {…})\`, then
  \`t.schedulers[id] = sched\`: hatchet's scheduler results): it runs whenever its holder calls it,
  often once the context is done (kopia's in-process commands were interrupted from a test's
  cleanup, after the test's context ended, and the select skipped the interrupt at random);
- the only source is a done-channel field that a method of its type makes anew on the receiver
  (\`r.stop = make(chan struct{})\` in \`StartTicker\`), not a constructor: the switch of one start,
  nil before it, and a send selecting on it would give up whenever that start is stopped while
  other callers still wait (tyk's reload machinery dropped manual ticks after StopTicker);
- other code of the package closes the channel as soon as a context is done (\`<-ctx.Done()\`,
  then \`close(claim.msgs)\`): a send still waiting then panics, whatever else it selects on, and
  where a select picked the context first the value would be dropped without a word (goka's mock
  consumer group counted such a message delivered and waited for it for good);
- the send is in a function literal run there and then: called in place (\`func() { out <- v }()\`),
  handed to a \`Do\` (\`once.Do\`, singleflight), or handed to a call whose result the function
  takes (\`if err := PanicToError(func() { readCh <- m }); err != nil\`), unless the package
  declares that function and it does not call the literal itself (it keeps it for later), or kept
  in a local that the function calls, with work after the send (\`writeFn := func() { q.sendCh <-
  req; qObjs = qObjs[:0] }\`: rqlite's queue would go on with its batch neither sent nor cleared),
  or whose call the function follows with work (\`emit(m); m.Ack()\`: the shape of oathkeeper's
  watcher, which would acknowledge every later message undelivered) or makes in a loop with no end
  of its own (it would spin); not
  for a literal that gives back an error (its return hands the caller \`ctx.Err()\`): a return
  would leave only the literal, and the code after that call would go on as if the value had been
  sent (frp's reader acknowledged every message it dropped, and never stopped); and for one that
  gives back an error its caller sends on the same channel with a send that cannot give up itself
  (\`if err := watchForEvents(); err != nil { eventCh <- &Event{Err: err}; watcher.Close() }\`):
  the error would wait there as long, and the goroutine stay stuck (pachyderm's etcd watch);
- the send opens the arm of a select's \`case c <- res:\` on the same channel (\`case c <- res: c <-
  err\`): the select already chose the receiver over cancellation, and the receiver, having taken
  the first value, waits for the second with a plain receive (conduit's plugin sandbox: its caller
  hung, or read another call's value from the pooled channel);
- the send is in a test, benchmark or test helper itself (a function given \`t *testing.T\`, a
  subtest's function literal included): a return there ends the test as passed and skips its
  checks after the send (a goroutine the test starts may return: the test's checks go on);
- the send hands the context itself to the reader inside the value (\`msgChan <-
  Notification{ctx, containerID, syscall}\`): the context is data carried for whoever handles the
  value, here a request's context that ends long before the loop does (cri-o's seccomp notifier
  runs until its descriptor closes, and a select on that context stopped answering syscalls);
- the send is anywhere in test code (a \`_test.go\` file: a helper, a fake, a goroutine a test
  starts): tests end contexts on purpose (a timeout or a cancellation under test) while they still
  wait for the values, and a select would drop them at random (knative's throttler test read
  both tries' results after its 100 ms deadline; mimir's streaming test hung on a mock's
  \`Recv\`);
- the function returns no \`error\` (nothing can report the cancellation), or only a done channel
  is in scope while an error must be returned;
- a result's zero value cannot be known (a type from another package, a type parameter);
- the function checks the context itself after the send (\`err := ctx.Err()\`, then reporting it):
  it sends whatever happens and handles the end of the context there (dolt's async push hook
  queues the push of a head already committed), and a select returning first would skip both;
${returnsWithoutFix}
- the send is in gRPC's stats callback (\`HandleRPC(ctx, s stats.RPCStats)\`, \`HandleConn\`), given the
  RPC's context: gRPC reports the End after cancelling it, and a select would drop the stats of
  finished RPCs whenever the buffer is full (gubernator's request metrics under load);
- the send is on a Prometheus collector's metric channel typed both ways (\`ch chan
  prometheus.Metric\`, given to the collectors \`Collect\` calls): the registry reads every metric until \`Collect\`
  returns, and a select would drop metrics once a collection timeout passed
  (postgres_exporter lost a scrape's metrics, its success metric included);
- the send hands on a connection the function accepted, as the value or a field of it (\`conns <-
  conn\` after \`conn, err := l.Accept(ctx)\`): its receiver serves and closes it, and a send
  giving up would drop it unclosed, its client left hanging (zrepl's data connections and its
  transport demultiplexer);
- the only source is a context made in the loop around the send, one per item (\`ctx, cancel :=
  context.WithCancel(s.ctx)\` for each new session): it ends with its item, and a return on it would
  end the loop for every item after (trojan-go's UDP dispatch loop). With a source that lives as
  long as the loop in scope (\`s.ctx\`), the select waits on that one instead;
- the only source is a context the function made from an empty one with a cancel it only defers
  (\`reporterCtx, cancel := context.WithCancel(context.Background())\`, \`defer cancel()\`), and the
  send is in the function's own code: it never ends while the send waits, and the select would
  add a branch that never runs (m3's server). A goroutine's send, which may outlive the function,
  still selects on it;
- the channel is a variable of the package (\`var argFuncCh = make(chan …)\`) every receive of which
  waits with a plain \`<-argFuncCh\`, in no select: its readers wait for each value whatever the
  sender's context, and one dropped would leave them waiting for good (kanister's test hooks);
- the file sends on the same channel even in a case for a context being done (\`case <-ctx.Done():
  ede.Queue <- ede\`): every value is meant to reach its reader (amass' dispatcher counts the events
  handed back to know a session is over, and would have waited for good);
- the send is all a goroutine does, started in the \`default\` of a select that already gives up
  on the context and tries the same send (\`case <-ctx.Done(): return\`, \`case q.ch <- m:\`,
  \`default: go func() { q.ch <- m }()\`): the author handed the value to a goroutine meant to
  outlive the function and its context (a request's); a select would drop it (drone's usage
  metrics, lost once the request ended, and the queue's wait group never done); likewise in a literal handed to a call named for running it on its own (\`run.Go(ctx, func(_ context.Context) { … src <- point … })\`, \`Spawn\`, \`Submit\`), the function not waiting for it (banyandb's TopN feed lost the points still pending as a write stream ended);
- the send is in a goroutine a function starts and returns without waiting for (no wait, receive, loop or select
  after the \`go\`), the only source is that function's own context parameter (a request's, likely done by the time
  the goroutine sends, which does not watch it; a timeout it makes from it, \`hctx, cancel := context.WithTimeout(ctx,
  d)\`, is no source), and the channel is a package-level variable, a field, or captured from a function around (hertz's
  OnRun hook): a select would drop the value whenever the channel is full (gvisor's shim exit events never reaching containerd);
- the channel is a stream the function makes, returns (also in a struct it returns: \`return
  logQueues{ordered: orderedLogCh, …}\`, mongo's log partitions, or in a struct kept in a local it
  returns: \`s = &stream{ch: ch}\` or \`s := …\`, then \`return s, nil\`, atlas' command output, read by
  Next() until closed; or hands, after the send, to a call that reads it: \`n := report(dup)\`,
  opa's test command) and closes once it has sent everything
  (\`ch := make(chan *Result)\`, \`defer close(ch)\` in its goroutine, \`return ch, nil\`): its readers
  take the close as the end, so a send giving up on the source would end the stream early, read
  as complete (\`for t := range generatePutTasks(…)\` returning nil with files missing, a cancelled
  test run reporting fewer results and no error), unless another stage of the function already
  gives a value up on a done context (\`select { case mid <- v: case <-ctx.Done(): return }\`):
  ending early on cancellation is then the pipeline's design. So too a stream handed in as a
  parameter (\`out chan<- LogEntry\`) that a caller in the package closes once the function returns
  (\`defer close(c)\` around \`Poll(ctx, c, …)\`: flyctl's log polling, cancelled at the hand-over to
  a live stream, dropped the rest of a batch its printer was still reading), or that the function
  closes itself once it has sent everything (\`defer close(out)\`) where every caller in the package
  that hands it a channel ranges over it to the close and then does not ask its context (\`go
  streamQueries(ctx, r, ch)\`, \`for q := range ch { parsed = append(parsed, parse(q)) }\`: an sqlc
  variant's ParseAll, cancelled, returned the file's queries with the last one missing);
- the function closes the error channel it sends on as it returns (\`defer close(ch.errCh)\`), or any
  channel it sends one value on so (in no loop, once on any path: \`aborted <- abort\` under \`defer
  close(aborted)\`): a send skipped on the source would leave its reader the close, and \`err :=
  <-promise.errCh\` takes nil, a success (a failed manifest generation returned as a nil response
  with no error), \`<-abortedCh\` false (weaviate's cache prefill took a cut-short run as whole);
  also from a closure the function keeps in a local and calls (\`handleError := func(err error) {
  errChan <- err }\`: conduit's acker lost why its stream stopped) or defers (\`defer func() { if e :=
  recover(); e != nil { errCh <- … } }()\`: kuma's resilient component, unbuffered, would have
  reported a crash at shutdown as a clean stop), and from a goroutine of a
  function that closes the channel once its goroutines are done (\`go func() { wg.Wait();
  close(v.clientErrs[c]) }()\`: mongo's log validators would have reported a mismatch as success);
- the send is followed on its path by a statement waiting for the source to end (\`addrCh <- s.Addr\`,
  then \`<-ctx.Done()\`, or a select of that one case; not a send in a loop): the function serves
  until then, so the send reports that it has started, whatever the channel's name, and its reader
  waits for it; a select would drop it during a shutdown at start-up and leave that reader waiting
  (an imgproxy StartServer variant, its start channel named \`addrCh\`);
- a \`struct{}{}\` sent on a channel named as a stop signal (\`quit\`, \`stop\`, \`shutdown\`): it tells
  other code to stop, and skipped, that code would run on (a backup's progress reporter);
- the channel comes out of a type assertion (\`wi.Properties[key].(chan bool) <- true\`, or a local
  taken that way): who made it, with how much room, and who waits on it are not known;
- the function has its own stop signal, a select case on another channel that only returns
  (\`case <-cancelCh: return\`, timers aside): its owner stops it that way, and a return on the
  source would end it where the owner does not expect (a deferred close read as a last result);
- the send runs in a goroutine of a function handed the channel by its caller, and the source is
  a context that function makes and cancels itself (\`defer broadcastCancel()\`), or one made from
  it: the context ends when that function returns, not when the caller stops reading, and a select
  would drop values the caller still waits for (a submit waiting on every orderer's answer until
  its own deadline). A function that waits for the sending goroutine (\`wg.Wait()\`, or \`<-done\`
  where that goroutine sends on or closes \`done\`) keeps the fix: its cancel runs once it is done;
  waiting for another goroutine does not count (mc's perf tests wait for their display to quit,
  and the caller, reading the result after they return, hung once it was dropped);
- the send is in a branch taken only when the context has no deadline (\`deadline, hasDeadline :=
  ctx.Deadline()\`, then \`case !hasDeadline && err == nil: c.ch <- struct{}{}\`, \`if !ok {\`, or past
  \`if ok { …; return }\`): the function waits there on purpose, whatever the context, and a select
  on its Done() would give up where it means to wait (neo4j's TryLock, documented to block until it
  has the lock when no deadline is set, returned false for a cancelled context);
- the send takes a lock: \`m.ch <- struct{}{}\` on a field that a method of the package named like a
  release (\`unlock\`, \`Release\`, \`done\`) receives from on its own receiver (\`select { case
  <-m.ch: default: }\`), a channel mutex (coder/websocket's \`forceLock\`): a send giving up once the
  source is done would return without the lock, and the caller's deferred unlock would take the
  token of the goroutine that holds it (mutual exclusion lost);
- the send shares its line with other statements or is not a plain statement.`;
