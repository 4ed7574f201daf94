// More cases goroutine-recover reports without a fix (the end of its "Reported without a fix" list).
export const moreWithoutFix = `A send, a \`close(…)\` or a \`wg.Done()\` on a channel or group from outside the goroutine, in a
function literal it hands to a call (\`fyne.Do(func() { res <- result{uri, err} })\`, the caller
waiting on \`<-res\`), counts as the goroutine's own when none is in its own statements: a panic in
the work before it, recovered, would skip it and leave the waiter waiting forever (a variant of
fyne's flatpak file dialog). One on a channel the goroutine makes for itself is fixed; one it also
closes in a defer (a stream of values a callback sends) is left to the reason for streams.
So too a context's cancel made outside the goroutine, in a literal it hands to a call or runs in place
(\`wait.PollImmediate(d, 0, func() (bool, error) { …; cleanupCancel(); return true, nil })\`: rancher's orphaned-user cleanup).
A goroutine whose work, its first call, is a function its caller hands in from out of the package's
sight (\`err := f()\`, \`f\` a parameter of an exported launcher such as taproot-assets'
\`ContextGuard.Goroutine(f func() error, errHandler func(error))\`, or one the package hands a
function by name; or an exported field of func type its users set), when the goroutine is counted
for its owner's Stop (\`defer g.Wg.Done()\`), tells a hook of the launcher's when it ends (\`if l.after !=
nil { defer l.after() }\`: kueue's routine wrapper), or hands the work's failure on: the package cannot see
whether it is a loop meant to run for the process's life (the custodian's main event loop), and
recovered, a panic would end it for good with no error reported (\`errHandler(err)\` skipped), the
process up without it. An unexported launcher handed only literals is read through them; a bare
\`go func() { f() }()\` is fixed.
A goroutine ending, after its work and outside a defer, with a call of a function or method of the
package that brings down an atomic count the package reads elsewhere (\`p.decrWaits()\`, running
\`atomic.AddInt32(&p.waits, -1)\`, \`p.wrCounter.Add(decrLo)\` or \`n.Add(-1)\`, with
\`atomic.LoadInt32(&p.waits)\` polled by a Close): after a recovered panic the count would stay up and
its waiters wait for good (a variant of valkey-go's abandoned Do, a user hook run before the
decrement, hung Close).
A goroutine ending, after its work and outside a defer, with a \`Store\`, \`LoadOrStore\` or \`Swap\` on a
\`sync.Map\` (a field the package reads with \`.Load(\` or \`.Range(\`, or a captured local or parameter
the function declaring it reads so: \`r.segments.Store(name, true)\`, polled by \`WaitSegment\` with
\`Load(name)\`), or with an atomic store to a field named \`state\` or \`status\` the package loads
atomically (\`atomic.StoreInt32(&j.state, 2)\`): recovered, a panic in the work would skip the mark and
its readers would take the work for still running (a variant of livego's recorder, whose segment
waiter polled for good). A sync.Map the package never loads from is fixed.
A goroutine ranging over a channel a call gives, from any package (a subscription: \`id, ch :=
c.recorder.SubscribeToStateChanges()\`, then \`for range ch { listener.OnStateChanged() }\`; \`ch :=
x.Events()\`, \`updates := w.Watch(…)\`), the local named for a channel or the call for a subscription
or watch, when nothing else in the function reads it: recovered, a panic in one callback would leave
the subscription open with nothing taking from it, later changes never delivered (a variant of
netbird's Android state listener, its UI stuck on stale state). So too a subscription the goroutine
takes itself, by calls named for one (\`w := s.Watch(…)\` in its body, or \`var w clientv3.WatchChan\`
set from \`Watch\` in each branch there: koanf's etcd provider, its later changes lost after one
panicking callback). One the function also reads itself, or a slice a call gives, is fixed.
A goroutine whose whole work, a statement of its own body, is a range over the channel a method of
a watch gives (\`for range watch.C() { watcher.SetRuntimeOptions(watch.Get().(Options)) }\`, or
\`x.Events()\`, \`x.Updates()\`, no arguments), \`watch\` a parameter or local of another package's type,
of a type whose such method the package declares a channel, or given by a call: recovered, a panic
in one update would end the loop for good while the process lives on, every later update lost
silently (m3's runtime options manager and KV watches). One the function also reads after starting
the goroutine, or a goroutine taking one value only, is fixed.
A goroutine doing the program's own work (its body calls out, not only logging), started by \`main()\`
of package main that does not wait for its end, or by a function that then blocks for good without
it: a \`select {}\`, a receive from the \`Done()\` of a context it makes from \`context.Background()\` or
\`context.TODO()\` and never cancels (its cancel only deferred), or one from a channel only
\`signal.Notify\` fills (\`go func() { if err := p.OpenInbound(ctx); err != nil { log.Printf(…) } }()\`,
then \`<-ctx.Done()\`: cloudevents' samples): recovered, a panic would leave the process up, waiting
forever with that work gone, where the crash used to end it and get it restarted by its supervisor.
One whose end the starter waits for (\`wg.Wait()\`, \`<-done\`) is left to the other rules; one that
only logs, or started with the caller's context, is fixed.

A goroutine started in a loop that accepts a connection (\`conn, err := l.Accept()\`, \`AcceptTCP\`),
handed it or capturing it, when neither its literal nor the package's function it hands the
connection to closes it in a defer (\`log.Println("connection closed:", handleConn(ctx, conn))\`,
\`handleConn\` echoing with \`io.Copy(conn, conn)\`: ngrok-go's tcp example): recovered, a panic would
leave the connection open for good and its client waiting, where the crash used to close it. One
that closes it in a defer is fixed.

A goroutine that ends by calling a method of the package, whatever its name, whose body sets a field
of its receiver (\`c.fill(loadKernelSpec())\`, with \`c.kernelTypes = s\` in it), when a \`for\` loop
of the package waits for that field: reads it in a method of the type, or through a method of the
type reading it (\`c.kernel()\`), and sleeps (\`time.Sleep\`), or waits on a cond with the field in
its condition (\`for c.spec == nil { c.cond.Wait() }\`): that field is its outcome, and recovered, a
panic would leave it unset and the poller waiting forever where the crash used to make the failure
seen (a cilium/ebpf-shaped kernel-spec cache). One whose field no loop waits for is fixed.

A goroutine, or a function of the package it reaches, that calls a method of another package of
the same module on a field of its receiver or a parameter declared of that package's type
(\`r.cache.Store(…)\`, \`ms.log.Noticef(…)\`), when that method, or what it calls of that package
(by name, four calls deep: a method of its receiver, of any type for a call on another value, or
a function), takes a lock without a deferred unlock: the package's source is in the module, so goconc
reads it (through an interface, any method of the name there). Recovered, a panic under that lock
would leave it held and every later call hanging, where the crash used to restart the process
(go-gost's resolver cache, nats-streaming's logger; VictoriaMetrics' forced merge, three calls down
to a partition's parts lock held while a BUG check panics). Packages of other modules are not read.

A goroutine that calls, outside a defer, each of a list or map of function values in turn
(\`for i := range hooks { hooks[i](p) }\`, \`for _, h := range byName { h() }\`, \`s.closers[i](s)\`),
the list a variable, parameter or field written as \`[]func…\` or \`map[…]func…\`: those are other
parties' hooks, not the goroutine's own work, and recovered, a panic in one would skip every one
after it (netpoll's hang-up handlers, each closing its connection), the process up with those
connections never closed where the crash used to restart it. One function value called alone is
fixed.

A slot given back after the work in a function or method of the package the goroutine calls, as a
statement of its own, rather than in its own statements (\`q.running.done()\`, with \`func (s slots)
done() { <-s }\` on a channel type): gws' task queue, whose slot a recovered panic kept for good until
every later task waited. Only the callee's own statements are read, and none named for waiting
(\`wait\`, \`block\`, \`until\`).

A goroutine calling a function of another package of the same module that runs until it is stopped
(\`file.WatchFile(ctx, path, onChange)\`, looping \`for { select { … } }\`): the package's source is
in the module, so goconc reads it as it reads the package's own; recovered, a panic in the callback
would end the watch for good with the process up (argo's file signal handler, its stop signals
never forwarded again). So too a method of such a package's type held in a field of the receiver,
and a function of the module that either calls (\`vm.network.PushGossip(ctx)\`, which calls
\`gossip.Every(…)\`, a ticker loop: avalanchego's X-chain gossip, recovered, would have stopped for good),
and a method called on a local or parameter of such a type, typed so, made as one, or returned by a
function of that package (\`certManager := diskcertmanager.New(…)\`, then \`certManager.WatchFileChanges(ctx)\`:
spire's OIDC provider, whose certificate would never have been reloaded again). The same for a
release or an exit there, outside a defer, in the function called or one it calls in its package,
reached from the goroutine or from the package's own functions it calls (\`osutil.Exit(1)\`, whose
\`os.Exit\` ends the process: vcluster's control-plane components, recovered, would have left it up
with no scheduler; \`internal.FulfillOutput(out, v)\`, calling \`s.Fulfill\`, which runs
\`s.join.Done()\`: pulumi's outputs, whose waiters would have hung for good).

A goroutine handed the read end of an \`io.Pipe\` that a function of the package makes and returns,
its write end kept elsewhere (\`rc, prc := NewDualReadCloser(resp.Body)\`, then \`go func(prc
io.ReadCloser) { cache(prc) }(prc)\`, the writer teeing the response the client reads): recovered,
a panic would leave the pipe unread and open, and each write to it blocked for good (openyurt's
response cache, the client's response hung with the process up).

A goroutine that hands the address of a field named for a lock (\`&vm.ctx.Lock\`, \`&s.mu\`), whatever
package types it, to code this package does not show: it may lock it without a deferred unlock
(avalanchego's block reindexing commits under the chain's lock; recovered, a panic there would have
left the lock held and every later Lock hanging).

A deferred close of a field the package receives from counts when a method of the package does it
(\`defer asyncResp.SendComplete()\`, whose body is \`close(a.respChan)\`): recovered, a panic would
still close the channel, and its reader take the failure for all results in (tempo's async sharder,
its frontend answering with an empty result and no error).`;
