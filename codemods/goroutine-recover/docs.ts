import { moreWithoutFix } from './docs-more-without-fix.js';
export const docs = `# goroutine-recover (opt-in)

A panic in any goroutine ends the whole process; a server loses every request in flight
because one handler goroutine dereferenced nil. goconc can start each \`go func() {…}()\` with a
deferred recover that logs the panic and its stack — never swallowing it silently.

## Before

\`\`\`go
func (s *Server) Start() {
	go func() {
		s.warmCache()
	}()
}
\`\`\`

## After

\`\`\`go
func (s *Server) Start() {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("goroutine started in Start panicked: %v\\n%s", r, debug.Stack())
			}
		}()
		s.warmCache()
	}()
}
\`\`\`

Recovering keeps the process alive, but the goroutine's work is lost and shared state may be
half-updated: that is a decision for the code's owners, which is why this codemod is opt-in
(\`--only goroutine-recover\`, or \`codemods: {goroutine-recover: true}\`). The message names the
function that started the goroutine, so logs say where it came from. The recovered value is
\`r\`, or \`rec\` where the code around already uses \`r\` (a receiver), so nothing is shadowed.

The panic goes to the logger the function starting the goroutine is handed, if it is one of the
standard library's (\`lo *log.Logger\`, \`logger *slog.Logger\`, a parameter of it or of a function
around it: listmonk's, whose lines feed its admin log page); else to the logger the file already
imports, through its package-level functions:
\`slog.Error\` (log/slog), \`Errorf\` of logrus, \`log.L.Errorf\` of containerd's \`log\`, \`Errorf\` of
klog or glog, \`log.Error().Msgf\` of zerolog's \`log\` package, in that order when a file imports several; otherwise the standard \`log\`. Each
is called under the name the file gives it (\`stdlog "log"\`, logrus imported as \`log\`), and so
is \`runtime/debug\`. zap is not among them: its global logger drops everything until the
program replaces it.

## Left alone
Goroutines whose body already calls \`recover()\`, or defers a helper named for it
(\`defer slogutil.RecoverAndLog(ctx, l)\`, or one handling panics, \`defer common.LogOnPanic()\`: status-go's logs and panics again, which a recover above it would swallow), or one goconc reads recovering, in the package or another package of the module, called in place or through the function it returns (\`defer crash.Notify("Core")()\`: rudder-server's crash policy), and \`go f(x)\` calls (wrap \`f\` itself).

## Reported without a fix
A goroutine in a package that defers \`HandleCrash\` elsewhere (\`defer utilruntime.HandleCrash()\`
in its controllers' \`Run\`, which logs a panic and lets it crash the process): that is the
package's policy for panics, and a recover would go against it (longhorn's manager).
A body written on one line; the names of the logger and of \`runtime/debug\` taken by the
package when the fix would import them (\`var log = logging.Logger("bootstrap")\`), or by a variable
of the function; a body that
releases or reports outside a defer (\`wg.Done()\`, \`mu.Unlock()\`, \`close(ch)\`, \`w.Close()\`,
\`pw.CloseWithError(err)\` (trivy's image export pipe), a send, a
cancel (\`cancel()\`, or a field named for one, \`hwe.hooksCancelFunc()\`: velero's post-restore hooks; or, whatever its name,
the second result of \`context.WithCancel\`, \`WithTimeout\`, \`WithDeadline\` or their \`…Cause\` forms, given to a variable of the functions around
or a field of the package: \`delayedCancel()\`, earthly's solver monitor, recovered, left its loop waiting on \`delayedCtx\` for good), a deadline set after its work to unblock the other side: \`right.SetReadDeadline(…)\`,
glider's relay, recovered, left the copy back waiting on an idle peer), or ends the process (\`os.Exit(0)\` after a CLI run in a goroutine while \`main\` waits for a
signal: croc, recovered, hung instead of exiting; or from a defer after other work, \`defer func() { logger.Info(…); os.Exit(code) }()\`:
caddy's exitProcess, whose servers were already stopped): after a recovered panic it would be skipped, and whoever waits for it would wait
forever where the process used to crash (defer the release first). Such a call in any position
(\`err := cl.Close()\`, \`_ = conn.Close()\`, sish's and sshpiper's clients), or named for telling
that the work ended, whatever package declares it (\`Close…\`, \`Done\`, \`Finish\`, \`Release\`,
\`Shutdown\` (and client-go's \`ShutDown\`: purelb's controller hung on SIGTERM), \`Stop\` (a scheduler or
ticker stopped after a flush would run on), \`GracefulStop\`, \`Cancel\`, \`Terminate\`, \`Kill\`, \`Abort\`,
\`Disconnect\`, \`Drain\`, \`Ack\`, \`Nack\`, \`Flush\`, and \`Trigger…\` forms of them that set the end going
without waiting (\`i.out.TriggerCloseNow()\` after the pipeline's \`WaitForClose\`: benthos' outputs,
recovered, were never told to close and their \`WaitForClose\` blocked for good),
the package's own \`stop…\` and \`close…\` (\`<-ctx.Done(); s.stopKubelet(); s.stopEtcd()\`: rke2's
cluster reset, recovered, left etcd running and exited 0; tink's gRPC server never stopped), \`Signal\`, \`Broadcast\`, \`sc.SendCloseSignal(err)\`: mosdns' servers, recovered,
left \`WaitClosed\` waiting with the port dead), or for giving back what was taken for the work
(\`fwk.RunReservePluginsUnreserve(…)\`, \`q.Requeue(item)\`, \`tx.Rollback()\`: clusternet's binding
goroutine, recovered, kept the subscription reserved and never queued it again), or for removing,
after the work, an entry from a map it shares (\`delete(h.ports, key)\`: devspace's port forwards,
a dead one handed out for its pod from then on) or clearing a mark its starter set just before
(\`jm.names.LoadOrStore(name, …)\` … \`jm.names.Delete(name)\`; \`atomic.CompareAndSwapInt32(&r.running,
0, 1)\` … \`atomic.StoreInt32(&r.running, 0)\`: certmagic's and casbin's shapes; a flag a method
of the package swaps, \`if c.updates.maybeBegin() {\` … \`l.state.CompareAndSwap(running, idle)\`
in \`maybeFinish\`: franz-go's metadata updates, never run again), also in a
closure of the function around that the goroutine calls by name (\`doCancel()\`, whose
\`close(cancel)\`, recovered, never reached zgrab2's waiting request; or one calling an end by
its name, \`shutdownServer := func() { if err := srv.Shutdown(…); … }\`); any logger's \`Fatal\` ends the process as
\`os.Exit\` does (sish's certificate watchers). The same in a function of the package the body
calls, not deferred (followed six calls deep, by name; a method called on a value whose type
its declaration tells, \`socket := NewSocket()\`, a parameter, the receiver or a field of it, to that
type's method only, and to none for another package's type, \`*time.Timer\` or what \`bufio.NewWriter(…)\`
makes; a call chain from a standard package,
\`time.Now().Add(d)\`, is the standard library's, not a method \`Add\` of the package): a \`close(…)\`, a \`wg.Done()\`, an unlock or a
\`Close()\` as a statement (go-carbon's reads, recovered, kept a file and its shared flock, and the
persister waiting for the exclusive lock hung), a send, an \`os.Exit\` or a \`Fatal\` (AdGuard's \`fatalOnError\`, sish's \`CleanUp\`,
ali's \`Attack\` sending each result), or an action scheduled for later (\`b.timer =
time.AfterFunc(d, b.enable)\`: blocky's pause of blocking, recovered half-way through telling its
listeners, would never have been lifted), or its own timer re-armed (\`r.timer.Reset(next)\`, the timer made by
time.AfterFunc or NewTimer: smallstep's certificate renewal would have stopped for good). A channel handed to a call in the body
(\`attacker.Attack(ctx, url, resultCh)\`; a stop channel only to a call named for sending, \`TrySend(stoppedCh, v)\`): the callee may send on it or close it out of sight. A release
handed on as a value (\`f(s.wg.Done, stop)\`: the callee calls it when done, maybe not in a
defer). A flag set just before the goroutine starts that the package clears once the work is
done (\`l.flushPending = true\`, up to six statements before it: m3's in-process node sets
\`d.started\`, checks its options and makes its channels first): recovered, it would stay set and
the work never start again (AdGuard's query log); or a ready flag cleared just before that the goroutine sets at its end (\`conf.StoragesLoaded = false\`: alist refused every request until then). A goroutine that ends in a loop (\`for { err := l.Start(); …; time.Sleep(d) }\`, labeled too (\`poll: for { … break poll }\`: koanf's AppConfig poller),
left only on its stop if at all, \`for range t.C\`, \`for range tick\` over \`tick := time.Tick(d)\`, \`for range ticker.Context(ctx, d)\` (a call named for ticks: rancher's connectivity checks),
\`for handle(ctx, q) {}\`: orchestrator's metrics loop), that reaches a function
of the package looping so, or over a stream for as long as it lasts (\`for scanner.Scan() {\` on a \`tail -f\`) (itself, not in a goroutine it starts: photoprism's hub setup) or serving (\`ListenAndServe(…)\`, \`.Serve(…)\`: sealos' pprof server), or that runs a server or a loop (\`srv.Serve(l)\`,
\`http.ListenAndServe(…)\`, \`s.runLoop()\`, a method \`Start\` or \`Run\` given at most a context or a stop channel, and a period (\`cache.Start(stopChan)\`: the VPC CNI's informer cache; \`routeManager.Run(stopChan, 2*time.Minute)\`: ovn-kubernetes' route manager), any call given a stop
channel and a period (\`s.silences.Maintenance(interval, snap, s.stopc, gc)\`: signoz's silence
maintenance, in alertmanager's package) or nothing but a context and one (\`gc.CollectEvery(ctx, time.Minute)\`), a
periodic runner: \`wait.Until(f, period, stopCh)\`, \`wait.Forever\`, \`ticker.Tick(f, period, done)\`,
\`wait.PollUntilContextCancel(…)\` (rke2's kubelet supervisor, recovered, never restarted it again), \`wait.PollImmediate(d, 0, cond)\` (no timeout),
rocketmq's stats task, recovered in the goroutine that starts it after a first run, never started),
or that calls a function parameter the package's callers hand such a server (\`err := handler()\`,
given \`func() error { return srv.Serve(l) }\`: etcd's client and peer servers),
or that runs a server of another package, a method named \`Listen\`, \`Serve\`, \`Start\` or \`Run\` (no more
to its name), or ending in \`Serve\` (\`ActivateAndServe\`, miekg/dns' servers in moby's resolver),
that no code of the package declares, its result dropped or only an error, given at most
a context, a stop channel, a period or an address (\`ul.Listen()\`: statsd_exporter's unixgram
listener, in pkg/listener, recovered, left the process up and its health checks passing with
nothing read; \`e.Start(addr)\`), meant to run for the life of the process: one recovered panic would end it for good where the
crash restarted the process (routedns' listeners, kine's TTL worker, goreplay's flusher,
ingress-nginx's scrape loop, Dragonfly's servers). So too one that reaches a function of the
package ranging over a channel named so (\`for stat := range s.metaUpdateChan\`), or a field the package declares a
channel (\`for r := range ws.results\`): its senders would wait forever (apm-server's bulk handlers, calico's watcher caches). So too a worker per item that a \`Start\` or
\`Run\` function starts for each of a collection, running a method of the item the package does not
declare (\`for _, p := range s.partitions { go func(p Partition) { … p.Read() … }(p) }\`, \`Read\`
an interface's): its loop is out of sight (nuclio's partition readers, recovered, left the
partition unread with the processor up). So too one that waits for its stop after its
setup (\`bore(name); <-ctx.Done()\`, or in a function it reaches: boringproxy's tunnels), or never
ends on purpose (\`store.Switchboard(); <-make(chan struct{})\`, \`select {}\`: mox's serve), keeping
what it set up alive until then; a hook that waits first (\`<-ctx.Done(); f()\`) is fixed. Calls
started on goroutines of their own (\`go handleConnection(c)\`) are not followed. A slot given back after the work (\`<-sem\`
as a statement, goproxy's request limiter: recovered, the slots ran out and every request
waited; or what the starting function took just before, given back by name, \`multi.Take(size)\`
then \`multi.Give(size)\`: syncthing's request limiter; or an in-flight count it raised,
\`atomic.AddInt32(opCount, 1)\`, lowered after the work, \`atomic.AddInt32(lopCount, -1)\`: vault's
standby leader refresh would never have run again; or a handler, listener or callback told last (not each time round a loop),
\`if len(modes) == 0 { c.handler.Disconnected(…) }\`, perhaps its user's only word that the work
ended: sing-box's clash mode stream, whose handler a platform implements), and a read loop over a connection (\`for { msg, err := c.Read(ctx) … }\`), as the
drained readers above. So too a call, after the work and outside a defer, of a function value
(a field, a parameter or a local of a function type) named for telling that the work ended
(\`t.onClose()\`, \`onDone(err)\`, \`onExit\`, \`doneFn\`, \`closedCallback\`), or a last atomic store to a
flag others read named \`closed\`, \`done\`, \`stopped\`, \`finished\` or \`running\`, or for a
result made ready (\`loaded\`, \`ready\`, \`started\`, \`initialized\`, \`completed\`: a key loader's
\`c.loaded.Store(true)\`, which callers poll until their deadline)
(\`atomic.StoreUint32(&t.closed, 1)\`): recovered, a panic in the work would skip them, and
whoever waits to hear of the end would wait forever (benthos' stream: its \`Run\` and the CLI wait
on \`onClose\`, its /ready check on \`closed\`); so is a last atomic add to such a flag (\`task.isdone.Add(1)\`, \`atomic.AddInt32(&t.finished, 1)\`: ooni's oonimkall task, whose app polls \`IsDone()\`, recovered, polled forever), not one to a count named otherwise (\`t.measured.Add(1)\`). So too, after some work (a call, not a wait: \`<-ctx.Done(); f()\` runs a hook, and is fixed) and outside a defer, a call of a \`func()\` the goroutine was handed, a parameter of the function starting it or a local of the functions around holding one, whatever its name (\`interruptStep()\` after re-evaluating a step on the job's cancellation: act's step monitor, its cancel renamed in a variant, recovered, never interrupted the step); the handed function as the goroutine's first call is its work, and is fixed. Likewise a callback an event loop hands out and waits for (\`callback := vu.RegisterCallback()\`, \`resolve\` of \`promises.New(vu)\`), called after the work or around it (\`resolve(f.Stat())\`): k6's modules, recovered, left the script's iteration waiting for good; and a function value a call handed back, called with no arguments after the work (\`release := l.Acquire()\`, then \`release()\`: a slot never given back). A callback per item (\`t.onRecord(n)\`) is fixed. A
function literal made in the body (a callback run on the goroutine) that locks without a
deferred unlock (sshpiper's kubectl bridge). A body that calls a function
of the package (followed six calls deep) that takes a lock without a deferred unlock (on a name,
an indexed value or a call's result: \`c.locks[seg].Lock()\`, freecache's segments): a panic
under the lock would leave it held, and every later \`Lock\` would hang.
A body that hands a mutex (\`&controllerMu\`, a \`sync.Mutex\` or \`RWMutex\`) to a function the
package does not declare: it may lock it out of sight without a deferred unlock (openebs' node
plugin, whose controllers' \`Start\` does).
A body that runs a one-time set-up (\`once.Do(…)\`), or reaches one in a function of the package:
a panic inside it, recovered, leaves the Once done with its set-up unfinished, and every later call
uses what it never set (gorush's push client, made in a \`once.Do\` that panics when its token
fetch fails, stayed nil until a manual restart).
A send that cannot block (\`select { case errCh <- f(): default: }\`) counts when the function
that starts the goroutine receives from that channel after it (ziti's agent commands, recovered,
reported a timeout instead of the panic).
A goroutine the function that starts it waits for (\`defer wg.Done()\`, then \`wg.Wait()\` after the
\`go\` statement): the function goes on with what the goroutines did, and recovered, a panic would
leave one's part undone while the function returns as if all had succeeded (CasaOS's search
fan-out returned a missing engine's results with no error); so too one marking done a group the
function is handed (\`wg *sync.WaitGroup\`), which its caller waits for (rke2's start-up hook,
recovered half-way, let k3s stage a chart the user had disabled), or goroutines started in a loop
that each send on a channel in a defer (\`defer func() { done <- struct{}{} }()\`), made by the
function, which counts them back in a loop after (\`for range stmts { <-done }\`, \`for i := 0; i < n;
i++ { <-done }\`: a sqlc-shaped compile, recovered, skipped a query whose parse panicked and
succeeded without it), or goroutines that each lower an in-flight count in a defer
(\`defer t.running.Add(-1)\`, \`defer atomic.AddInt64(&n, -1)\`) that the function reads after
starting them (\`for t.running.Load() > 0 { … }\`: a lint fan-out, recovered, reported every file
clean; a count nothing reads, a gauge, does not count), or a group kept in a field that
a function of the package not named for stopping waits for (\`defer r.uploadWait.Done()\`, then
\`r.uploadWait.Wait()\` in \`Run\`: woodpecker's detached steps, recovered, left a workflow reported
finished with its step never traced; a wait in \`Stop\` or \`Close\` only lets shutdown finish, unless
the function hands back what the goroutines made: \`func (im *importer) Wait() []string\`); so too one closing in a defer a
channel its function makes and then receives from (\`defer close(done); fn()\`, then \`case <-done:
return nil\`: act's runner took a panicking clean-up for a finished one and exited 0; also when the
goroutine starts in a literal the function hands on, \`p.actions <- func() { go … }()\` then \`<-c\`:
weaveworks mesh's ReadFrom took a recovered panic for an empty read), or returns
to its caller (\`return done\`: river's cancellable sleep, whose retry loop would have taken a
panicking sleep for one over and spun; etcd's watch stream's wait for its substreams loses its fix
too), or keeps in a
field the package receives from (\`cr.attachDone = done\`: the job log lost its tail, and the step
passed), or hands to a call (\`mc.runningTimers.add(ch)\`: gVisor's fake clock, whose tests wait
on its running timers and ran on past a panicking callback); or a field's channel closed in a defer (\`defer close(j.done)\`) that the package receives
from or that a method hands out (\`func (j *saveJob) Done() <-chan struct{} { return j.done }\`: a
SAVE waiting on it answered OK with half a snapshot). So too a deferred send of a bare signal on a field, its channel handed in by whoever waits, or
on one the package receives from (\`if c.done != nil { defer func() { c.done <- struct{}{} }() }\`:
m3's async downsampler and cluster client, recovered, told their waiters they were ready and then
answered "not yet initialized" for good). A release deferred only after other
statements (\`name := e.Name; defer wg.Done()\`; an unlock counts the statements after its lock):
a panic before it, recovered, leaves it never called; so too a deferred literal that signals
(\`defer func() { numCompleted++; mu.Unlock() }()\` after the wait: flyctl's deploy polled that
count for good). So too a release its waiter counts on deferred in a function the goroutine calls,
a closure or one of the package, given an argument that runs code first (\`doneFunc(func() error {
… client.Apply(ctx, m) … }())\`, \`doneFunc\` deferring \`wg.Done()\`; \`s.record(&wg, …,
s.client.Apply(ctx, l))\`): the defer is set only after that argument has run, and a panic there,
recovered, would leave \`wg.Wait()\` waiting for good (trillian's AddSequencedLeaves). A goroutine that receives from the channel its starter hands to
\`signal.Notify\` (or to a function standing in for it, \`gs.SignalNotify(sigC, …)\`, or makes as a \`chan os.Signal\`): it is what handles those signals, and recovered, later ones would go unhandled
(flyctl's Ctrl+C hook: the program no longer stopped; k6's second Ctrl+C no longer exited). A function of the package the body reaches
that panics on purpose (\`mustLoad(path)\`, or through a logger, \`logger.Panicf(…)\`: flyte's metrics servers kept the process up without them). A goroutine started right after a status is set
(\`settingRepo.Update("SystemStatus", "Upgrading")\`) that it sets again when its work ends: recovered,
the status stays for good (1Panel's panel refused every request as still upgrading, where the
restart's start-up hook had reset it). A goroutine that ends what a call just before it began (\`record :=
repo.StartRecords(id)\`, then \`repo.EndRecords(record, …)\` in the goroutine): recovered, it stays
begun (1Panel's cron job runs stayed \`Waiting\`, with no failure alert). A goroutine that ends by publishing its outcome (\`SetClusterHealth(ok)\`, a last \`Set…\`,
\`Update…\`, \`Publish…\` or \`Report…\` call, or a metric's update,
\`histObservations.WithLabelValues(…).Observe(d)\`: boulder's prober, recovered, recorded no failed
probe; logging after it aside), or by handing on what its work gave (\`exitCode := h.agent.start()\`
… \`indicator.agentStopped(exitCode)\`, \`respond(st)\`): recovered, the hand-off would be skipped (the
ECS agent's Windows service read exit code 0, a clean stop, and was not restarted; a ttrpc request
would never be answered); so too one whose work is a function parameter (\`fn()\`) that the
package's callers hand a literal ending so, or releasing something outside a defer (\`reply, err :=
h.OnRPC(…); cb(reply, err)\`: centrifugo's clients would never have had an answer), or calling a
function value whose code the package does not show (\`q.processFunc(key)\`, a field of a function
type: cert-manager's scheduled renewals, dropped for good), or one a function or method of the package returns
(\`action := a.GetAction(); action()\`, directly or in a closure it calls: gloo's leader start-up action), or handing what its work gave, as its
last statement, to a function parameter of its starter named for a continuation (\`cb\`,
\`callback\`, \`done\`, \`reply\`, \`onFinish\`…) that no code of the package hands a literal (\`go func() {
cb(w.hooks.BeforeCommit()) }()\` in a method another module's interface asks for: gocb's
transaction hooks, whose commit went on only in cb, would have hung): recovered, the last value would stand (goldpinger's
health gauge kept reading healthy; prysm's peer, its state set before and after a handler, stayed
disconnecting and was never pruned). A goroutine that closes the write end of an \`io.Pipe\` in a defer (\`defer pw.Close()\`,
\`defer func() { _ = w.CloseWithError(err) }()\`): recovered half-way, the reader would take the
cut-off data as complete (opencost's S3 Select rows, oathkeeper's request body to an authorizer),
or start over (kubesphere's file download, its writer a field set by \`t.reader, t.outStream =
io.Pipe()\`, reconnected for good); a field, a parameter or the literal's own argument counts
when the package declares it a \`*io.PipeWriter\` or sets it from \`io.Pipe()\`. So too a channel of values
declared outside the goroutine that it closes in a defer (\`defer close(results)\`, not a \`chan
struct{}\`): recovered, its reader would take the values sent so far for the whole stream (LocalAI's
vllm backend, its token callback panicking, would have answered a cut-off completion as a
success). A goroutine that alone writes to
one end of a pipe its function makes (\`in, out := net.Pipe()\`, \`io.Pipe()\`, \`os.Pipe()\`), the other
end left to a reader: recovered, the reader would wait for good, with no end of file and no error
(gravity's operation logs, streamed from a tail in another package). So too a stream's send side ended in a
defer (\`defer stream.CloseSend()\`, or in a deferred literal): recovered, the peer would take the
messages sent so far for the whole request (pachyderm's streaming call reported success). A goroutine that waits (\`s.ready.Wait()\`, \`<-done\`) and then calls a function parameter of the
function starting it (\`readyFunc()\`): a notification its caller asked for, which a recovered panic
would leave unsent (inbucket's readiness). A goroutine started by a function that never returns after it, with no \`return\` after the go statement: its
last statement a \`panic(…)\`, a \`select {}\` or a \`for {\` with no break, return or goto (\`go func() {
f(theApp) }(); C.runApp(); panic("unexpected return from app.runApp")\`: fyne's iOS driver), or the
statement right after it ending the process (\`log.Fatal(http.ListenAndServe(…))\`): the goroutine
is the program's work for its whole life, and recovered, a panic would leave the process up with
that work gone (a UI loop running, no event handled). An \`os.Exit\` after more work is no such sign.
A goroutine that marks its work and clears the mark after it, outside a defer (\`tasks.Store(h,
t); t.Exec(ctx); tasks.Delete(h)\`): recovered, the mark would stay (a variant of flagger's load
tester skipped its task for good). A call named \`Restart\` counts as a signal of the end, as
\`Shutdown\` does (mattermost's server restart, recovered half-way, left a process serving nothing).
A body that panics on purpose (\`panic("recv loop returned nil")\` in its own statements): the
panic is meant to stop the process, and recovered it would not. So too a call there, not deferred, of a function of any
package named for asserting by panicking (\`Must\`, \`Must…\`, \`Should\`, \`Assert…\`, \`…Panic…\`: \`utils.Should(err)\`, stackrox's token exchangers, which panic in dev and CI builds).
A goroutine that is a loop receiving from a channel made outside it (\`for { select { case e :=
<-l.entries: l.write(e) … } }\`, \`for job := range jobs\`): it is that channel's consumer, and
after a recovered panic its senders would wait forever (or their values be lost) where the
process used to crash. Done channels, a context's \`Done()\` and timers do not count; a channel
from a call counts when named for one (\`_, winCh, isPty := s.Pty()\`, sshportal's resize reader), or when
the package declares the function so (\`for range ds.IsConfigChanged()\`, declared \`IsConfigChanged()
<-chan struct{}\`: jupiter's config reload, recovered, kept a bad config for good); so does a range
with one variable, not named for an index, over what another package's function gives or a field
of another package's type (\`msgs, err := nramqp.Consume(…)\`, then \`for d := range msgs\`;
\`for line := range p.cmd.Stdout\`: go-agent's amqp consumer and okteto's supervisor, whose child
blocked writing once its reader was gone), outside the standard library; so does a range over a
name the package declares a channel anywhere, a field in another file (\`Events chan Event\`, then
\`for evt := range client.Events\`), or over a field of what another package's function gives
(\`client := socketmode.New(api)\`, then \`for evt := range client.Events\`: slack-go's socket-mode
bots, recovered, stayed up deaf, \`Run\` blocked sending for good), or over a local alias of a package-level channel that
a function of the package sends on with a plain send (\`queue := Queue\`, \`func SendMail(m) { Queue <- m }\`: vikunja's mail
daemon; recovered, every later SendMail blocked once the buffer filled), or over a local alias, made outside it, of a field the package declares a channel (\`t := p.tasks\`, then \`for f := range t { f() }\`: erigon's peer worker, recovered, left the peer registered with every later task queued and never run). Likewise a goroutine that drains a reader (\`for sc.Scan()\` over a child's \`StderrPipe()\`, \`io.Copy\`): after a recovered panic the writer on the other end would block forever.
A goroutine in a \`_test.go\` file, or in a directory of tests (\`tests/\`, \`test/\`, \`e2e/\`, \`testutil/\`:
dapr's certification flows passed with a panicking step): a panic there fails the test run, and recovered it would only
be logged while the test could pass, or hang waiting for what the goroutine never did.
So too a goroutine in a function given \`*testing.T\` (or B, F, \`testing.TB\`, gocheck's \`*check.C\`: gravity's app suites;
an interface standing for it, \`testutil.TestingTB\`, \`require.TestingT\`: consul-k8s' acceptance helpers) in an ordinary
file, a test suite other packages run (buf's storage suite passed a bucket whose \`Put\`
panicked). A goroutine that hands its outcome back in an error variable it shares (\`password,
err = prompt()\`, a slot of a slice of errors, \`errs[i] = compact(s)\`: pogreb's shape, or a field
named for one, \`p.exitErr = err\`: lxd's process monitor, whose \`Wait\` read exit code 0 and no error,
or a holder it is stored through, \`h.err.Store(err)\`: temporal's goroutine handles) and signals its end with a deferred \`close(ch)\` or \`wg.Done()\`: recovered, the
signal would still come and its waiter read the nil error as a success (buf curl sent an empty
password as typed).
So too any other value it hands back so (\`c.n, c.body = load()\` before a deferred \`close(c.done)\`):
the waiter would take its zero value as the result (a variant of outline-ss-server's copy read 0
bytes), and a slot it fills (\`res[i].Data = …\`) before giving a semaphore slot back in a defer
(\`defer func() { <-limitCh }()\`, or with the Done in the same literal: juicefs' slice iterator) to a function that takes every slot to wait for all: dapr's
BulkGet read the empty slot as a key not found. So too a signal its starter waits for, given in a defer: a send
on a channel the starting function receives from after starting it (\`defer func() { started <-
struct{}{} }()\`, then \`<-started; if startErr != nil {\`: a variant of immudb's auditor, recovered,
took a panicking monitoring server's start for a success), or the unlock of a mutex the
goroutine never locks, which the starting function locks before starting it and again after,
to wait (\`mu.Lock(); go func() { defer mu.Unlock(); srv = start() }(); mu.Lock()\`). So too the
deferred cancel of a context the starting function makes and then waits on (\`readCtx, cancel :=
context.WithCancel(ctx)\`, \`defer cancel()\` in the goroutine, then \`<-readCtx.Done()\` or a select
case on it; \`defer cancel(nil)\` for WithCancelCause): recovered, a panic would still cancel it, and
the function go on with the work half done (a variant of upspin's audit took half-read directory
lists for whole ones, live blocks for garbage). A cancel nobody after the go statement waits on is fixed. A loop \`for ctx.Err() == nil {\` in a function
the goroutine reaches runs for good as \`for {\` does (dapr's Solace subscription). So too a loop the goroutine's own body ends in with only logging after it
(\`for ctx.Err() == nil { … }\`, then \`logger.Println("terminate …")\`: gloo's certificate watcher). A goroutine that undoes, after its work and outside a defer, a count or registration made
just before it starts or earlier in it, on the same receiver and name (\`metrics.AddNATEntry()\`,
then \`metrics.RemoveNATEntry()\`; \`g.Inc()\`, then \`g.Dec()\`; \`atomic.AddInt64(&n, 1)\`, then
\`-1\`): recovered, the count would stay raised for good (a variant of outline-ss-server's NAT
gauge). A goroutine whose work runs through a function of the package that recovers panics
itself (\`err := try2(fn); if err != nil { rec(err) }\`): what it leaves outside, a failure handler
that may escalate on purpose, is left to crash by design (jupiter's \`SafeGo\`).
A mark the starting function sets on a field before the goroutine (a map entry, \`h.running[id] =
true\`; a flag swapped, \`b.busy.CompareAndSwap(false, true)\`; a count raised, \`t.inflight.Add(1)\`;
a status, \`t.status[id] = "running"\`) that a function of the package the goroutine calls undoes
after some work, outside a defer, one or more calls deep (\`h.finishRefresh(userID)\`, deleting
from \`h.running\`, at the end of \`refreshUserFeeds\`): recovered, a panic before it would leave the
mark for good, every later start refused as already running (a miniflux variant's per-user
refresh guard answered 429 with nothing running). One undone in a defer, in the goroutine or in
the function, still runs and is fixed.
A goroutine that defers a function literal settling its outcome from variables it declares
unset and its work assigns after that defer (\`var v any; var err error; defer func() { if err !=
nil { reject(err); return }; resolve(v) }(); v, err = fn()\`): the recover, deferred at the top,
would run after it, so a panic in the work, recovered, would run it with them unset, a nil error
taken as a success (a variant of xk6-browser's promise, fulfilled with nil). A deferred literal
that only logs them, or hands on a parameter (which starts with what it was handed), is fixed.
A goroutine whose work is a function parameter (\`f()\`) that the package's callers hand a literal
signalling its end in a defer (\`c.txn.spawn(func() { defer c.cleanWg.Done(); c.rollback(keys) })\`,
a \`defer close(done)\` or a deferred send), with a waiter for that signal in the package
(\`c.cleanWg.Wait()\`): a panic in the literal, recovered by the goroutine, would still give the
signal as it unwinds, and the waiter go on as if the work were done (tikv's client-go reported a
clean-up finished with its locks left).
A goroutine that sets a field of its receiver or of a value it captures back to its zero value
after its work, outside a defer, under a lock or not (\`err := ia.im.impl.Run(rc)\` … \`ia.current =
nil\`): that clean-up runs only when the work returns, and recovered, a panic would leave the state
as if the work were still going (perkeep's importer: a run marked current for good, Stop and Start
ignored, the importer never run again, where the crash used to restart the process).
A goroutine whose wrap-up is a deferred call of a function or method the package declares that
reads a field the goroutine sets from its work after that defer (\`defer cmd.finish(ctx)\`, then
\`cmd.runErr = fn(ctx)\`, \`finish\` testing \`c.runErr\` and sending on \`c.finished\`): the recover,
deferred first, would run after it, so after a recovered panic it would report the field unset (a
nil error: a success) and signal the end (a variant of hystrix-go's GoC counted a success, and DoC
waited forever). A deferred call that reads nothing the work sets is fixed.
${moreWithoutFix}

## Limits
goconc reads one package at a time, and of the module's other packages only the functions named
above: a release, a signal, a lock or a one-time set-up deeper in them, or in another module, is not
seen. Review each fix for what the calls it makes into other packages leave half done.
`;
