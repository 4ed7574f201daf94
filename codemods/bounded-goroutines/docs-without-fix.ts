// The cases bounded-goroutines reports without a fix, each with why, for `goconc explain`.
export const withoutFix = `## Reported without a fix
Every codemod: a fix needing an import whose name the file already gives another package (the
bound's \`runtime.GOMAXPROCS(0)\` in a file importing azcore's \`runtime\`) would not compile, so
it is dropped and the finding says so.

A bound makes the loop wait until a running goroutine ends, so it is added only when nothing in
sight says the goroutines might not end on their own. Looked at: the goroutine's function literal
(or the one a local it calls was given, \`serve := func(…) {…}\`, or the one a wrapper is given,
\`g.Go(crash.NotifyWarehouse(func() error {…}))\`: rudder-server's slave workers, bounded, left its
maintenance unstarted), and the package's functions
(methods of any receiver for \`x.m()\`, of x's type only where its declaration tells) of the names it calls, and those they call in turn, up to
six calls deep (\`go p.retry(id)\` → \`p.handleNewPeer(id)\` → a send only the spawner receives); a
function passed in or another package's function is not seen. No fix when:
- each goroutine waits for a value from the channel its item is (\`for _, errc := range errs {
  g.Go(func() error { return <-errc }) }\`): the stages sending on them run elsewhere, one waiter
  each, all meant to wait at once; bounded, a stage whose waiter had not started would block on
  its send, and the stages waiting on it (or on the group's cancel) with it: wal-g's oplog push
  hung on one CPU instead of reporting a failed upload;
- the loop lies in the branch a test of a concurrency setting picks for an unbounded run (\`if
  nWorkers < 0 {\`, \`if limit <= 0 {\`, the \`else\` of \`if n > 0 {\`, \`case 0:\` of \`switch n\`) while
  elsewhere the function bounds the work by it (\`for range nWorkers { go w.work() }\`, \`make(chan
  struct{}, limit)\`, \`SetLimit(n)\`): the caller's explicit choice, whose items may wait on each
  other (perkeep's pk-put: directories depend on directories); bounded, it deadlocked;
- the loop accepts connections or streams (\`l.Accept()\`, \`conn.AcceptStream(ctx)\`,
  \`AcceptUniStream\`, or the method taken as a value, \`accept := l.Accept\`): each goroutine serves its connection or stream as long as it stays open,
  and a bound would stop the loop accepting (limit connections on purpose instead, e.g.
  \`netutil.LimitListener\`);
- the loop takes connections, sessions or streams accepted elsewhere from a channel (\`for conn :=
  range a.GetConnChan()\`, \`for s := range sessions\`: the channel or its value is named so): each
  goroutine serves its player's session while it lasts, and bounded, pitaya served as many players
  as it had CPUs, the next ones' handshakes never answered;
- the loop reads the next message of a connection or stream (in the select case that starts the goroutine, if it is in one) (\`conn.ReadMessage()\`, \`stream.Recv()\`,
  \`r.Read(buf)\`, \`ReadFromUDP\`, \`WaitReadPacket()\`, a QUIC connection's \`ReceiveDatagram()\`, a FUSE
  connection's \`c.ReadOp()\` (cubefs' mount hung once blocked ops held the slots, the interrupts
  that end them never read), \`ReadRequest\`, \`ReadFrame\`, an
  event stream's \`stream.Next()\` in a \`for {\` loop: hysteria's realm events) and hands each to a goroutine: waiting for a slot would stop it
  reading, and with it the peer's pings, read deadlines and replies a handler may itself wait for;
- nothing waits for the goroutines and they send on a channel the function returns after the
  loop (\`return answers\`): its caller reads the answers as they come, the first good one
  winning, and bounded, the function would return only once all but the last few were done;
- nothing waits for the goroutines and each calls its item's method, of an interface the package
  declares for its callers (\`for _, listener := range listeners { go listener.OnUpdate(instance) }\`):
  listeners notified side by side by contract; kube-router's Broadcaster, bounded, made Notify
  wait for slow listeners, and hang under a lock its caller held that they take too;
- nothing waits for the goroutines and each runs the callback its item was registered with, a
  function-typed field of the items' struct (\`for _, subscriber := range e.subscribers { go
  subscriber.callBack() }\`): code the package does not show, which may block (a subscriber not
  reading); unbounded it only keeps its own goroutine, bounded it holds its slot and the loop stops
  for good (kratos' eureka registry stopped refreshing its instances);
- the function waits for the goroutines only in a goroutine of its own that hands the outcome on
  a channel it returns (\`go func() { done <- g.Wait() }()\`, then \`return done\`): it is meant to
  start them all and return at once, its caller selecting on the outcome and its own stop
  (woodpecker's stage of parallel steps, whose services must run beside the steps using them);
  bounded, it would return only once all but the last few had ended;
- nothing waits for the goroutines (or the loop ranges over a channel) and a goroutine calls a
  function the package does not declare whose name says it runs until stopped (\`go
  link.stubs[i].Run(toxic)\`, \`d.Run(ctx, ch)\`, \`s.readLoop()\`: words run, start, serve, listen,
  loop, watch, poll, pump, pipe, worker, daemon, forever, until (\`wait.Until(w, 0, stop)\`), receive,
  recv (\`comp.Receive()\`, a receive loop until its stream closes: kuma's delta clients; a listen, receive or recv call giving more than an error, \`ln, err := net.Listen(…)\`, returns once it has it, and does not count; a goroutine's own endless \`for {\` is named first); the package's own function of that name counts
  only when it is not the loop's function itself: \`func (m *Manager) Run() { for _, mgr := range
  m.mgrs { go mgr.Run() } }\` starts managers of another type): a pipeline stage or a discoverer
  would hold its slot for good. A loop joined by a \`Wait()\` may block until its workers are
  stopped on purpose (\`WatchWildcards\` "blocks until ctx is cancelled"): there only the words
  that say so beyond doubt count (serve, listen, loop, watch, pump, daemon, forever, until:
  \`w.Watch(ctx)\`, \`wait.UntilWithContext(ctx, reap, interval)\`), not run or start, which a task
  run once may be named;
- nothing waits for the goroutines and each runs \`go x.M(ctx)\`, a method the package does not
  declare, or \`go r(ctx)\`, a function value, given nothing but a context or a stop channel
  (\`go inf.Run(ctx.Done())\`, \`go inf(stop)\`: informers; or a literal making only that call,
  \`wg.Go(func() { u.Run(ctx) })\`, also when the function waits for them: kube-vip's DNS
  updaters, bounded, kept later VIPs from coming up) (remark42's per-site
  \`backup.Do(ctx)\`, a ticker loop; prometheus-operator's certificate reloaders, bounded, kept its
  web server from starting): work that takes only a way to stop usually runs until it is stopped;
- with the default bound, a goroutine hands a context to code the package does not show (an
  interface's method, another package's function, a function value: \`provider.GetLogoURL(ctx, …)\`,
  \`stop(gctx, c)\`, or hidden behind a local factory: \`eg.Go(wrap(fn))\`, pomerium's leaser), also in
  the package's functions it runs (\`runJob(…)\`, whose
  \`jobs.Create(context.Background(), …)\` waits on the API server: openyurt's servant jobs; or
  \`g.runner.RunOnce(ctx)\` on a receiver's field of another package's type, whatever methods of that
  name the package has: infrastructure-agent's integration groups, bounded, ran their subprocesses
  in turns),
  logging, tracing and context plumbing aside: work given a context usually
  waits (on the network, a subprocess, another service), and the number of CPUs says nothing of
  how many may wait at once (drone's lifecycle commands, kwok's container stops, pomerium's logo
  lookups and maestro's room deletes ran in turns); set max-concurrency to bound them on purpose;
- with the default bound, a goroutine calls a method goconc cannot read, given a context or not:
  one the package does not declare, on a value whose type is not the standard library's (an
  interface's method, another module's type, a function kept in a field: \`w.mailer.Queue(msg)\`,
  \`go client.WriteEnvelope(e)\`, \`c.routine()\`, \`sem.Acquire(ctx, 1)\`, or one taken from a field:
  \`for _, f := range a.readyFn { eg.Go(f) }\`, gotenberg's readiness waits, each polling under a
  timeout of its own, ran in turns), logging and metric
  updates aside, also in the package's functions it runs. Such a call may wait on a peer, a
  subprocess or a reply, and the number of CPUs suits work that computes: gophish's campaign
  deadlocked on a mailer that hands off to a reader started after the loop, getty's sessions and
  sliver's envelopes were written in turns, a TarsGo shutdown behind servants' \`Destroy()\`
  outlived its grace timeout, and moby's restores, held by a semaphore of their own, would have
  run by the CPU count instead. A function value passed in (\`action(name)\`) is read through the
  function literals the package's callers hand it (lxc's \`runBatch(names, func(name string) error
  { … })\`, whose instances, bounded, were stopped in rounds), a parameter of a function type the
  package declares included (\`transitionFunc containerTransitionFunc\`: the ECS agent's container
  transitions, each reporting on a channel its task read only after the loop, deadlocked once
  bounded); one no caller in the package shows
  (\`process(item)\`) and other packages' functions (\`aws.ToString(s)\`) are read as the loop's
  work, but for those named for
  waiting (\`backoff.Retry(…)\`, \`wait.Poll…\`: m3's health waits, each with a minute of its own,
  added up) and those of another package of the same module, the module's own work goconc reads one
  package at a time, unless named for computing a value (\`strutil.SanitizeLabelName(…)\`):
  orchestrator's \`go orcraft.PublishCommand(…)\`, raft applies batched together, ran in turns, and
  its seeded agents' \`go inst.ReadTopologyInstance(key)\`, bounded, left seeds waiting to hand
  over their agents while MySQL reads hung; set max-concurrency to bound them on purpose, once none
  of them waits on the code that starts them (wish's chat, sending to each program's event loop
  from inside one, froze at the bound);
- each pass also hands a value on a channel made outside the loop, as a statement of its body
  (\`ret <- migr\`, then \`go migr.Buffer()\`): a reader downstream paces the loop already, and the
  goroutines' work may wait on it (migrate's prefetch wrote each body to a pipe that reader
  drains; bounded, its own test hung, and a prefetch of ten remote sources ran ten times slower);
- a goroutine hands an unbuffered channel the function made before the loop to a call
  (\`d.Run(ctx, ch)\`, \`ch\` read only after the loop; also when the goroutine is that call, a
  function value's: \`go fn(ctx, addr, req, resultsCh)\`, gravity's ping-pong checks, which
  deadlocked once bounded): the call may send on it with no receiver
  until the loop is done;
- nothing waits for the goroutines and right after the loop the function waits for its own stop
  signal (\`<-c.stopCh\`, \`<-ctx.Done()\` as a statement): services started side by side, meant to
  run until then (dolt's sql-server services past the bound never started);
- the loop is in a benchmark (\`func BenchmarkX(b *testing.B)\`, or a helper given the \`*testing.B\`): how many goroutines run at once
  is what it measures;
- the loop runs in a goroutine of the function, which reads the answers as they come and returns
  once it has enough (\`for ok := range done { … if valid >= quorum { return … } }\`): bounded,
  the answers it needs would wait behind slow ones holding the slots (minio's metadata reads
  waited on stalled drives although the others gave read quorum);
- each goroutine calls its item, itself of a function type the package declares for its callers
  to provide, with no parameters to tell it to stop (\`type Cmd func() Msg\`, ranging over
  \`[]Cmd\` or a \`BatchMsg\` declared so: \`for _, cmd := range batch { go func() { send(cmd()) }()
  }\`, or \`go hook()\`): work of its callers' choosing, which may run for good or wait on another
  item (bubbletea's batch commands run side by side by contract, and a listener with its waiter
  past the bound left a program with no events); for a loop nothing waits for, any function type
  the package declares, over a slice or a map (\`go handler(event)\` for each registered
  \`EventHandler\`: incus' event loggers stopped getting events behind one stuck logger); and for
  a joined loop too, once the other checks pass, callbacks with parameters (\`go func(callback
  FuncNotify) { callback(event) }(callback)\` for each subscriber, also over a local made from a
  literal of the slice type: inspektor-gadget's \`Publish\`, whose subscribers run side by side by
  contract and may wait on each other);
- each goroutine of a joined loop calls the task its item carries, a function-typed field of the
  items' struct (\`Check func(ctx context.Context) error\`, or \`Check CheckFunc\` with a function
  type the package declares) or a method of the items' interface (\`d.Detect(ctx)\` over \`[]Detector\`:
  opentelemetry's autodetect lost the quick detectors behind metadata probes), with a context (\`for i, check := range checks { go func() { results[i] =
  runCheck(ctx, check) }() }\`, runCheck calling \`check.Check(ctx)\`): different work run at once
  under the caller's deadline (a health probe's), which later tasks would miss once bounded;
- each goroutine gives its work a timeout of its own (\`fedCtx, cancel := context.WithTimeout(ctx,
  timeout)\` in the literal, or a timer made as it starts: \`go func(timeoutCh <-chan time.Time, m
  string) {…}(time.After(5*time.Second), m)\`): waits meant to run out side by side, the caller
  waiting one timeout at most; bounded, it would wait one per round of slots (dendrite's key claims,
  against each server; 1Panel's disk usage per mount, where a network mount may hang);
- a goroutine waits for an event of its own item as a statement (\`<-t.GotInfo()\`, \`res :=
  <-req.reply\`, the channel from the range variable, a value the loop made for the item, or the
  literal's argument), calls a function named for waiting given the item (\`aso.waitForAck(p)\`), or asks the item's own worker and waits for its answer (\`c.requests <- finished\`, then \`<-finished\`, in a method of the item too):
  its producer signals it when it sees fit, perhaps never, and bounded, items still waiting would hold the slots (torrent's
  magnet-metainfo never wrote the resolved magnets listed after unresolvable ones; fabric's gossip acks, expected until a timeout set before the loop, were dropped for the peers sent to late; cadvisor's on-demand housekeeping, one worker per container, took turns);
- a goroutine waits for a context to end with \`<-ctx.Done()\` as a statement of its own (a stop
  waiter: \`eg.Go(func() error { <-ctx.Done(); return srv.Stop(…) })\` per server): it holds its slot
  until then, whatever the spawner waits for;
- the goroutine is handed one end of something whose other end the loop closes only as the
  function returns (\`outR, outW := io.Pipe()\`, \`defer outW.Close()\`, \`go copyOutput(outR)\`): each
  goroutine lives until then, and bounded, the loop would stop;
- the loop is in a function named for running its work at once (\`func Parallel(fs ...func()
  error)\`, \`TestConcurrentPush\`), or whose doc comment's first clause says so (\`// AggregateErrors runs fns
  concurrently, …\`: gloo's; not one saying it is safe to call concurrently): callers may count on every goroutine running together;
- the loop is in test code (a \`_test.go\` file, a file under a directory of tests, \`test/\`,
  \`tests/\`, \`e2e/\`, \`testutil/\`: ovn-kubernetes' e2e pings, bounded, ran in rounds past their
  gateways' capture window; or a helper of a test harness package: the
  function the loop is in, or the package's function the goroutine runs, is given a
  \`*testing.T\`, as lnd's \`go acceptChannel(h.T, true, acceptor)\`): a test's goroutines are what it exercises,
  often meant to run together or to wait on each other (nodes that must bootstrap together to
  join a cluster, a count of calls in flight), and a bound could change what it tests or stall it;
- a comment just above the loop, or in it before the \`go\`, says the goroutines start together on
  purpose or that a limit was left out (\`all at once\`, \`at the same time\`, \`simultaneously\`,
  \`limit max concurrency\`, \`unbounded\`, \`no limit\`, or keeping slow ones from blocking the
  others: ntfy's \`we don't want individual slow subscribers to be able to block others\`): calls sharing one deadline,
  which those queued behind a limit would miss (cadence's rate-limit update: "just blast out all
  at once … we don't need to reserve room for queued calls");
- a goroutine announces its end by closing a done channel of the value it works on and first waits
  for another channel (\`defer close(info.DoneCh)\`, then \`case ok := <-depsCh:\`; or its element
  of a map of them, \`defer close(done[c.ID])\`, then \`<-done[dep]\`: podman-style start order): the vertices of a
  dependency graph, waiting for each other's ends; bounded, the slots could all go to vertices
  waiting for ones that cannot start (a graph walk deadlocked); the same when the goroutine waits
  on a channel field of another value (\`<-dep.analysisDoneCh\`) that the goroutines close
  themselves, in a function they call (\`defer close(act.analysisDoneCh)\` in \`analyzeSafe\`:
  golangci-lint's analysis actions hung on every run);
- a goroutine waits in a loop on shared state the others (or the code after the loop) change (\`for
  ready.Load() < n {…}\`, a start line): those holding the slots would wait for ones that cannot start;
- the loop waits for each goroutine in turn, receiving what it sends, or waiting for a channel it
  closes, after the \`go\` statement (\`go func() { ch <- check(h) }()\`, then \`select { case err
  := <-ch: …; case <-timer.C: … }\`; \`close(done)\`, then \`case <-done:\`):
  no more than one runs at a time except those it gave up on, and a bound would let those hold
  their slots until the loop stops for good;
- the goroutines cancel the context they all run with (\`workersCtx, cancelWorkers :=
  context.WithCancelCause(ctx)\` before the loop, \`cancelWorkers(err)\` in the goroutine): the
  others may wait on it until one fails, and the one that fails might never get a slot. The same
  for a group made with \`errgroup.WithContext\`, which cancels its context on the first error,
  when each goroutine hands that context to the task its item carries, code the package does not
  show (\`eg.Go(func() error { _, err := batch.driver.Store(egCtx, …); return err })\`, \`fn(ctx)\`
  for each shutdown hook);
- the function ends the goroutines' context after the loop, before it waits for them (\`for _, t
  := range tasks { go func() { defer wg.Done(); t(ctx) }() }\`, then \`<-stop; cancel();
  wg.Wait()\`): they are meant to run until then (the services or jobs of a run group), and once
  the slots are taken the loop would wait for one that frees only after it;
- after the loop, the function takes what the goroutines send in a select that can give up
  (\`case id := <-done: … case <-timer.C:\`, a stop with a timeout for hung services), or waits with
  a timeout for a channel closed once they are all done (\`go func() { wg.Wait(); close(done) }()\`,
  then \`select { case <-done: case <-time.After(timeout): }\`), or takes one
  value only with no \`Wait()\` before it (\`err := <-errs\`, then interrupting the others; also
  from goroutines started through a local closure, \`go sleep(s)\` with \`sleep := func(s Sleeper) {
  done <- s(ctx) }\`: rod's RaceSleepers never started a fast sleeper listed late): some
  goroutines run until that code gives up on them or stops them, and a bound would hold the loop
  before it gets there;
- every goroutine calls a method the package does not declare, named like handing over a message
  (\`Send…\`, \`Produce…\`, \`Publish…\`, \`Enqueue…\`, \`Submit…\`), on one value they share
  (\`p.SendMessage(m)\`, p declared before the loop): a producer that flushes every N messages
  holds each call until the batch is full, and fewer than N at once would wait for each other;
- the loop takes each value from a channel and the goroutine calls a handler the loop looked up
  (\`hd := e.Value.(*route).callback\`, \`h := r.handlers[topic]\`, or a field handed to the
  spawned function, which calls it: \`go h.handleMessage(msg, h.handlerFunc)\`, or what the receiver
  was given to call back: \`go s.notifee.HandlePeerFound(info)\`, notifee of an interface type,
  or a function-typed field): registered code the package does not show, which may wait for what a later value brings (publish, then wait for the ack the
  same stream delivers); a handler given as a parameter is not seen, as any other unseen function;
- each goroutine runs a handler registered in a slice or map field (\`for _, h := range s.handlers {
  go h(s, m) }\`, or over a local copy, \`handlers := s.handlers\`; an interface's method or a
  function-typed field of the items; or one looked up in such a field, \`if handler, ok :=
  r.actionHandlers[id]; ok { go handler(evt) }\`, slack-go's socket-mode dispatcher), and the package calls the function, itself or up to three
  calls up, from a loop taking the next event (\`for m := range events { s.handleEvent(m) }\`, a \`for {\`
  receiving from a channel or reading a stream): a handler may wait for a later event (a prompt
  waiting for the next message) only that loop delivers, and bounded, discordgo's read loop
  deadlocked; an event bus whose \`Publish\` no such loop calls keeps its fix;
- the \`go\` statement is in a select case of the loop (\`case <-ticker.C: go check()\`, a tick among its events, checked before any read elsewhere in the loop): an event
  loop, which waiting for a slot would keep from its other cases, its stop signal included; or an endless loop that receives with its ok and answers the close (\`i, more := <-f.indexChan; if !more { f.doneChan <- true; return }\`: knative's filter optimiser, whose Cleanup waited on it); or
  the loop waits for a tick itself (\`go round()\`, then \`select { case <-ticker.C: case
  <-stop: return }\`, a \`<-time.After(d)\` statement, or a sleep: \`time.Sleep(every)\`,
  \`utils.SleepWithJitter(heartbeat)\`), or ranges over a ticker (\`for range ticker.C\`: gh-ost's status
  reports, whose rates count one pass as one second): one goroutine per tick (or per item of a loop inside the paced one), paced already;
- the loop runs with a mutex held (locked before it, unlocked by a \`defer\` or after it), or
  holds one where it starts each goroutine (\`r.mu.RLock()\` in its body, then a \`go\` per
  matching route before the \`RUnlock()\`), locked directly or through a method of the receiver's
  type whose body locks it (\`s.acquireProbesMutex(0)\` with \`s.probesMutex.Lock()\` in it: a probe
  expiry, bounded, deadlocked once the goroutines deactivating probes waited for that lock);
- the loop's function runs with its caller's lock held: named so (\`pingAllLocked\`), or called
  in the package after a \`Lock()\` not yet undone (\`p.mu.Lock(); p.fill()\`), directly or through up
  to two more direct calls (\`m.cond.L.Lock()\`, then \`m.tryReserve(n)\`, which calls the loop's function; not a call in a literal started on a goroutine, \`go func() { … }()\` or \`wg.Go(…)\`, which runs without the lock),
  an element of a slice of locks too (\`tw.locks[tw.currentPos].Lock()\`: polaris' time wheel
  deadlocked once callbacks re-adding tasks to the current slot filled the slots):
  goroutines taking that lock could never free a slot;
- the loop runs in a transaction, a parameter of its function or of one around it typed so (\`tx
  *bolt.Tx\`, \`tx dataservices.DataStoreTx\` in a callback handed to \`UpdateTx\`): it holds the store's
  lock until it is done, and goroutines writing to the store could never free a slot (portainer's
  pending actions, with \`max-concurrency\` set, deadlocked its endpoint-group update);
- the goroutine loops with no end condition (\`for {\`, \`for range ticker.C\`) or while its context
  lives (\`for ctx.Err() == nil { subscribe; redial }\`), ranges over a channel (a local, one it
  captures, a parameter, a field of its receiver or of a value of a type the package declares:
  \`range unit.src\`, a chain of stages; an element of a local slice of channels, \`range
  chs[i]\`), or what a package
  function returning a channel gives (\`range c.Errors()\`, or a local given it: \`sigBuffer :=
  catchSignals(sigs...)\`, podman's signal proxy), or a call named for a channel whose
  code the package does not show (\`range a.GetConnChan()\`, an interface of another package:
  pitaya's acceptor takers, bounded, kept a server with more acceptors than CPUs from starting), or
  one of a named channel type: \`type
  ObjectsChan chan string\` in the package, another package's \`fs.ObjectsChan\` or
  \`clientv3.WatchChan\` by its name), blocks in
  \`select {}\`, serves (\`s.Serve(lis)\`, \`ListenAndServe\`) or copies a stream until it ends (\`go
  io.Copy(io.Discard, sub.stream)\`: mediamtx's subscriptions, open for the session, stopped the
  loop past the bound): a long-lived worker. The same
  holds of a closure the function declares and the goroutine calls (\`updater := func(ctx …) { for
  { … } }\`, then \`go func() { defer wg.Done(); updater(ctx, name) }()\`), and of a function
  value a package function makes (\`runner, err := l.runnerForCheck(c)\`, then \`go func() { …;
  runner() }()\`, where the returned literal, up to three calls down, is an endless loop left only
  on a stop signal, \`case _, ok := <-l.stop\`: datadog-agent's check runners, bounded, blocked Run
  and left the checks past the bound unstarted);
- it sends on a channel it did not make, unless every send finds room in the buffer: the channel
  was made before the loop with room for every item (\`make(chan T, len(items))\`), or in the loop
  body for this goroutine alone with room for all it sends on any path (\`errc := make(chan error,
  1)\` and one send before it returns; none in a loop; a send in a select with a \`default\`, which
  never waits, does not count); or it receives from one (\`ctx.Done()\`,
  timers and tickers aside), or calls \`Wait()\` on something it did not declare, or \`Done()\`
  on one with more work after it (\`started.Done()\`, then \`return srv.Start(ctx)\`: a start signal
  the spawner may wait for from all of them), or hands one, with more work after, to a function of
  the package calling \`Done()\` on it (\`c.subscribe(nc, ch, startwg)\` ending in
  \`startwg.Done()\`: a nats bench's subscribers then wait for what is published after the loop),
  or one whose \`Done()\` has more work after it (go-systemd's \`l.await(job, &registered)\`): it
  may be waiting for the spawner, which the bound keeps waiting for it;
- the loop runs in a timer's callback (\`time.AfterFunc(in, func() { for … { go job.run() } })\`): it
  starts the work due at this tick, a cron's jobs, and bounded, a long job would hold back the jobs
  behind it past their time (ergo's cron);
- the goroutine starts with a delay (\`time.Sleep(d)\` or \`<-time.After(d)\` first) or waits
  \`time.Until\` a time: work scheduled for a time, which goroutines sleeping in the slots would
  make run late; or it pauses once, outside a loop, itself or in a function of the package it
  calls (\`time.Sleep(shutdownDelay)\` while load balancers move away from each server): a delay
  meant to be waited out together, which a bound would add up;
- with the default bound, the goroutine waits on the network, itself or in a function of the
  package it calls: an HTTP request (\`http.Get\`, \`cl.RoundTrip(req)\`, \`client.Do(req)\`, \`b.client.Do(req.WithContext(ctx))\`: cortex's query-tee sent its backend requests in turns), a round trip measured to a peer (\`proxy.URLTest(ctx, url)\`, \`db.PingContext\`, \`ProbeX\`), a
  dial (\`net.Dial\`, \`DialContext\`, any method named \`dial…\`), a gRPC connection, a DNS lookup
  (\`net.LookupIP\`, \`r.LookupHost\`, a helper named for one: casdoor's \`util.ResolveDomainToIp\`,
  bounded, made each site change wait on every site's lookup), a command to a
  Redis client by its name (\`redisCluster.RemoveSortedSetRange(…)\`, \`r.rdb.Get\`: tyk's token
  purge, bounded, outlived the lock it held), a database query (\`db.QueryContext\`, \`tx.Exec\`), an
  object store's request (\`d.client.PutObject\`, \`GetObject\`: temporal's S3 driver), any request
  of a client or admin client given a context (\`m.dstAdm.CommitOffsets(ctx, …)\`: redpanda's
  migrator, also through a local closure that calls such a method of the package), an
  HTTP or API client's request (\`httpClient.Get\`, \`client.GraphQL\`) or a client handed to a call
  (\`prShared.UpdateIssue(httpClient, …)\`: gh's edits of several issues ran a few at a time), or a goroutine literal handed a pool, client, connection or peer of its own (\`go func(node int, pool redis.Pool) {…}(node, pool)\`: redsync's lock asked every node under one deadline, and bounded, asked the live ones only once the hung ones timed out, too late for a quorum); or
  waits on I/O or an event, by a call named so on another value or package and given a context
  (\`file.WaitForCreate(gctx, p)\`, \`Download…\`, \`Fetch…\`, \`Pull…\`, \`Load…(ctx, …)\`: argo's
  artifact downloads ran in turns, and a watch that failed to start behind the bound was noticed
  only once the earlier containers ended). The number of CPUs says nothing of how
  many may wait on peers at once, and goroutines meant to run side by side (a probe of each
  server, requests sent before a handshake ends, soak tests) would run in turns. A bound set with
  \`max-concurrency\` applies;
- the goroutines use a context with a timeout or deadline the function made before the loop
  (\`ctx, cancel := context.WithTimeout(…, 5*time.Second)\`, then \`e.ModTime(ctx)\` in each): one
  deadline for all, and bounded, the later ones would start late against it and run out of time;
  likewise a point in time made before the loop and given to their calls (\`deadline :=
  time.Now().Add(MaxRTT)\`, or \`….Deadline()\`, then \`udpPing(node.Address, deadline)\`): a probe
  round's pings, bounded, would start with less of it or none, live nodes reported down;
- the goroutine detaches from its context (\`ctx := context.WithoutCancel(ctx)\`): it means to
  outlive cancellation and runs until its own input ends (a WebAssembly instance serving its
  stdin), a long-lived worker;
- the goroutine waits for other code to finish (\`case <-claim.Context.Done():\`) or for a reply
  (\`case latency := <-responseCh:\`) until a timer it made fires (\`case <-timer.C:\`, or \`case
  <-time.After(timeout):\`, cilium's cache-sync waits, made by a factory called in place): a grace
  period or a timeout all of them are meant to run at once, which a bound would add up (a health
  prober's cycle taking many timeouts, its later probes cut off by the caller's deadline);
- the goroutine shuts a server down or stops a worker (\`srv.Shutdown(ctx)\`, \`s.GracefulStop()\`,
  \`w.stop()\` with no argument, not a timer's or ticker's: gocraft/work's pool kept taking jobs
  while its workers were stopped in turns; a shutdown hook of a list, \`engine.OnShutdown[i](ctx)\`:
  hertz's later hooks had not run when its shutdown stopped waiting; a stop given a context,
  \`cli.ContainerStop(ctx, name, timeout)\`: woodpecker left containers behind when the later
  stops waited their turn under the shutdown's deadline; a node drained,
  \`d.UpdateDrainOpts(id, opts, nil)\`: nomad-autoscaler's later nodes, still eligible, took the
  work moved off the first ones), itself or in a
  function of the package it calls, or closes the loop's item as its first statement (\`go
  func(c io.Closer) { c.Close(); wg.Done() }(closer)\`: deepflow's shutdown, bounded, closed its
  ingesters in rounds and stopped its receiver last): servers stopped side by side each wait for their clients,
  and bounded, one still draining would hold its slot while the others keep accepting, and a
  deadline they share would cut the later ones short;
- the loop ranges over a channel the function hands to code the package does not show
  (\`c.AddEventListener(events)\`, \`signal.Notify(ch, …)\`): that code sends on it and may drop what
  comes while the loop is not taking, and a wait for a free slot would lose events (logspout's
  container starts and deaths, dropped by docker's event listener during a burst);
- a \`go f(x)\` whose function or arguments are calls or other expressions, or change in the loop;
- a goroutine whose body is written on one line;
- a \`go\` statement that is not a plain statement of a block.
`;
