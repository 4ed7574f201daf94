export const docs = `# loop-ctx-check (opt-in)

A goroutine running \`for { … }\` with no way out — no return, no break, no look at its context —
runs until the process ends, even after the work it was started for was cancelled. When a
context is in scope, goconc adds a non-blocking check at the top of each iteration.

## Before

\`\`\`go
go func() {
	for {
		item := next()
		process(item)
	}
}()
\`\`\`

## After

\`\`\`go
go func() {
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
		item := next()
		process(item)
	}
}()
\`\`\`

The exit fits the goroutine's function (\`return\`, or zero values and \`ctx.Err()\`). A check only
between iterations cannot interrupt a call that blocks inside one (a blocking \`next()\`): that
is why this codemod is opt-in (\`--only loop-ctx-check\`, or \`codemods: {loop-ctx-check: true}\`).

## Left alone
Loops with a condition or a range clause, loops that return, break out, panic or already wait
on a \`Done()\` channel, loops outside goroutines, and goroutines with no context in scope.

## Reported without a fix
A loop whose own code waits on a channel outside a select (\`pollChan <- struct{}{}\`, \`v :=
<-in\`): once the context is done and the other side gone, it waits there for good, and a check
at the top would never be reached (boringproxy's poller kept leaking). Select on \`ctx.Done()\`
at that send or receive instead; send-select-ctx rewrites a blocking send. So too a loop calling
a function or method of the package that waits so (\`r.push(b)\`, whose body is \`r.refill <- b\`:
gocryptfs' random prefetcher, whose reader then hung holding its lock).

A goroutine started once for the object or the process: under \`if !d.running { d.running = true;
go … }\` (or \`d.worker == nil\`, set in the branch), after \`if d.running { return }\` and \`d.running =
true\`, inside a shared sync.Once's Do literal, or once per key of a cache (\`if v, ok := cache[key]; ok {
return v }\`, then \`cache[key] = v\` before the \`go\`: a timestamp refresher per interval). It serves every later call, and the context is
only the first call's: a check would end it with the first request, and the guard would never
start it again (gocryptfs' dir cache, whose entries then never expired).

A loop calling the context's own cancel (\`ctx, cancel := context.WithCancel(…)\`, then \`cancel()\`
in the loop, or a name bound to it) and going on: a check would end it on its own first pass
(atlas' signal handler cancels on the first ^C and forces the stop on the second, which would be
ignored).

A loop using a value the starting function set up with the context before the goroutine
(\`conn, err := d.DialContext(ctx, …)\`, \`Connect…\`, \`Listen…\`, \`Open…\`): the context bounds
only the setup (once connected, a dialer's context no longer touches the connection), and the
loop serves the value for its life; a check would end it with the value still open, every later
packet lost. So too a context the starting function uses only before the go statement, which the
goroutine never names (\`load(ctx, path)\`, then \`go func() { for { …; save(c) } }()\`), or after it
only reads (\`return ctx.Err()\`: asynq's heartbeater, whose leases would expire under running
tasks once the start's context ended): it bounds the set-up, and the loop may be meant to run for
the life of the process. Likewise a context handed after the go statement only to the return right
after it (\`go func() { for { l.beat(); … } }(); return l.acquire(ctx)\`): the function returns
once that call does, and the context may bound the acquisition alone, not the keep-alive that runs
until Unlock (a function that goes on working under the context keeps the fix, etcd's mirror
command with its progress printer). Where the returned call runs until the context is done
(\`return informer.Run(ctx)\`), select on the context in the loop by hand.

A loop the goroutine reaches only once the context is done (after its own \`cancel()\`, or
\`<-ctx.Done()\`): a check would end it on its first pass (dcrd's shutdown listener, which goes on
taking repeated shutdown requests so their senders never block).

A loop that never names the context, started by a function that goes on once the context is
done to wait for its work in flight (\`case <-ctx.Done():\` … \`s.wg.Wait()\`, or a grace period,
\`time.Sleep(DrainGrace)\` before it closes what the loop reads): the goroutine serves
the whole run, drain included (a progress report), and a check would stop it early (boulder's
load generator stopped reporting while its flows finished).

A loop whose select takes requests and answers them (\`case done := <-r.snapshotReq:\` …
\`close(done)\`, \`case req := <-s.reqs:\` … \`req.reply <- v\`): its callers wait for the answer,
and one that comes once the context is done (a last forced snapshot at shutdown, after the
cancel) would wait forever for a loop a check had ended.

A loop whose body takes a request (\`req := a.queue.Pop()\`, \`req := <-reqs\`) and answers it by
closing a channel of it (\`close(req.done)\`) or by a method named Done, Reply, Respond or Resolve
on it: a request queued once the context is done would wait forever for a loop a check had ended
(smallstep's CRL generator, served from a sync.Cond-backed queue).

A loop checking a context field of the receiver that may still be nil when the goroutine starts:
the package builds the type without it (\`&Controller{tree: tree}\`), the function building it does
not set it, nor does the method before the loop, and only another method does (\`c.ctx = ctx\` in
\`Run\`, called after \`Start\`): a check at the top would call Done() on a nil context and panic
(tracee's debug printer), or the package's tests build it so. A field the constructor or the method itself sets before the loop is
still checked (send-select-ctx refuses the same nil field).

A loop in a goroutine that never names its context, a local the starting function makes with a
cancel it defers (\`hctx, cancel := context.WithTimeout(ctx, …)\`, \`defer cancel()\`) or calls
after the go statement, when nothing there waits for the goroutine (no \`….Wait()\`, no receive
from a channel it names): the goroutine outlives the function, and a check would end it when the
function returns (livego's connection keepalive, started between the handshake and the ack).

A loop whose select drains a channel (\`case ev := <-c.events:\`, or a local's) that other code of
the package sends on with a plain send, outside a select with a way out (\`c.events <- ev\` in
resty's onResponse): ended on the context, it would leave those senders blocked for good once the
buffer fills. Senders that give up in a select with a default, a timer's case or a case on the
loop's own source (\`case <-h.ctx.Done():\` where the loop checks \`h.ctx\`, or a context derived
from it) leave the loop checked. Senders whose select's only way out is another source
(\`case <-ctx.Done():\`, a request's own context, in \`Publish(ctx, u)\`, where the loop checks
\`h.ctx\`) are reported without a fix: ended on \`h.ctx\`, the loop would leave them waiting until
their own context is done, for good for one without a deadline (a variant of mercure's hub
dispatcher, its publishers hung in a graceful drain).

A loop taking the elements of a queue kept in a field of a struct (\`ev := t.queue[0]; t.queue =
t.queue[1:]\`, or \`t.queue.Pop()\`) when other code of the package waits on that queue's progress:
on a sync.Cond field of the same type (\`for t.pending > 0 { t.cond.Wait() }\` in Flush), or in a
loop on a count the loop decrements (\`for t.pending > 0 {\` while the loop does \`t.pending--\`). The
loop is the queue's only consumer: ended on the context, it would leave elements queued and those
waiters waiting for good, where before each element was handled, failed or not (a variant of
apm-agent-go's sender, whose Flush hung). A loop over a local slice, or a field queue nothing
waits on, keeps its fix.
`;
