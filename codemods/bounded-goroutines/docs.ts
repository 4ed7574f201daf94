import { withoutFix } from './docs-without-fix.js';
import { handedWithoutFix } from './docs-without-fix-handed.js';
import { eachOtherWithoutFix } from './docs-without-fix-each-other.js';
import { cancelWithoutFix } from './docs-without-fix-cancel.js';
import { callbacksLogsPollsWithoutFix } from './docs-without-fix-callbacks-logs-polls.js';
import { eventLoopWithoutFix } from './docs-without-fix-event-loop.js';

export const docs = `# bounded-goroutines

A loop that starts a goroutine per item has no bound: 10 items start 10 goroutines, a burst of
100,000 starts 100,000 — each with its stack, its connections and its share of the CPU, with
nothing pushing back on the producer. goconc bounds such loops with the least change in meaning:
at most \`--max-concurrency\` (default \`runtime.GOMAXPROCS(0)\`) run at once, and the loop waits
for a free slot.

## Before

\`\`\`go
func (eb *EventBus) Publish(event Event) {
	eb.mu.RLock()
	handlers := eb.handlers[event.Type]
	eb.mu.RUnlock()

	for _, handler := range handlers {
		go handler(event)
	}
}
\`\`\`

## After

\`\`\`go
func (eb *EventBus) Publish(event Event) {
	eb.mu.RLock()
	handlers := eb.handlers[event.Type]
	eb.mu.RUnlock()

	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, handler := range handlers {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			handler(event)
		}()
	}
}
\`\`\`

## The three shapes
| shape | recognised by | rewrite | what changes for callers |
|---|---|---|---|
| joined | a \`Wait()\` after the loop (WaitGroup, errgroup) on the group the loop names (\`wg.Add\`, \`wg.Done\`, \`g.Go\`), or any when it names none; a wait on another group (\`stopping.Wait()\` after a loop adding to \`s.running\`: alloy's runner) leaves the loop's goroutines unjoined | \`sem := make(chan struct{}, n)\` before the loop, \`sem <- struct{}{}\` before \`go\` (before its \`wg.Add\`), \`defer func() { <-sem }()\` first in the goroutine | the loop waits for a free slot; CPU-bound work takes about as long, work that waits (calls over the network) takes longer, and a deadline all the goroutines share (a health probe's) may now run out for the later ones |
| channel range | \`for v := range ch\` over a channel | the same semaphore | receiving pauses while n handlers are busy: senders feel backpressure |
| fire-and-forget | nothing waits for the goroutines (an event bus \`Publish\`), or not the function: they join a group it does not wait on (a \`*sync.WaitGroup\` parameter the caller waits on, a field another method waits on) | the same semaphore, made before the loop: a bound for each run of the loop | the function may now wait for a free slot |

The semaphore is made for each run of the loop, never shared by every call: a package-level one
would deadlock a subscriber that publishes in turn (\`Publish\` called from the goroutines it
starts waits for slots that goroutines like it hold, which wait on it), and would bind the
instances of a type together (every session's read loop waiting on the others' handlers).
Callers that each start a few goroutines are bounded by how many calls run at once.

With \`--strategy=workers\`, a channel range whose body is only \`go f(v)\` becomes n workers
draining the channel, and the function waits for them (\`sync.WaitGroup\`):

\`\`\`go
var wg sync.WaitGroup
for range runtime.GOMAXPROCS(0) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for req := range reqs {
			handle(req)
		}
	}()
}
wg.Wait()
\`\`\`

\`wg.Go(func() {…})\` (Go 1.25) per item is bounded the same way as a joined loop: it is the
form go vet's modernizer writes, and it is just as unbounded.

\`errgroup\` goroutines started per item (\`g.Go\` in a loop) get \`g.SetLimit(n)\` right after the
group is made, when \`golang.org/x/sync/errgroup\` is already imported, once per group. The limit
is the group's: when any goroutine the function starts on the group in a loop could stall it
(below), or two of the group's goroutines, in a loop or not, use the same channel of the function
(a status stream's writer and its reader, which a limit of one could run apart), or one of its
goroutines starts more on it (a tree walk: parents waiting in \`Go\` would hold every slot), none
of its \`Go\` calls gets the fix. A group made again after its declaration (\`if failfast { g, ctx =
errgroup.WithContext(ctx) }\`: go-task) gets the limit after each of those assignments too; when
one assigns it anything but a new group (\`g = shared\`), or is in a function literal, no fix.

\`go f(a, b)\` becomes \`go func() { defer …; f(a, b) }()\` only when \`f\` and its arguments are
names, selectors or literals that the loop does not assign: a closure reads them when it runs,
not when it is started. Below Go 1.22 (the module's \`go\` line), loop variables the goroutine
uses are copied first (\`v := v\`), since they are shared by every iteration there, unless the
loop already copies them (a second \`v := v\` in the same block would not compile).

## Left alone
- loops with a bound in sight: a semaphore acquire (\`sem <- struct{}{}\`, \`.Acquire(\`, a sized
  wait group's \`swg.Add()\`, which takes no count, a limiter's region entered: \`region :=
  LimitRegion(ctx, limiter)\`, then \`region.Start()\`, oras' copy, which deadlocked under an added
  \`SetLimit\`) before the \`go\` or the errgroup's \`Go\`, a throttler's \`t.Throttle()\` on each
  pass, before or after the \`go\` (it waits for a free worker), a
  release the goroutine defers, or a buffered \`chan struct{}\` named as a limiter (\`sem\`,
  \`concurrentLimiter\`, \`tokens\`), made before the loop, that the goroutine uses or hands on
  (\`startJob(…, concurrentLimiter)\`: a configured concurrency a GOMAXPROCS bound would cap);
- a \`go\` statement right before a \`return\`: started once, on the way out of the loop (a drain
  started as the function gives up: coredns' zone transfer);
- a fixed set of workers: \`for i := 0; i < workers; i++\` (or \`i < n-1\`, one more run in
  place), \`for range 4\`, a constant or an integer variable that does not count items (\`for range numCalls\` after \`const numCalls = 5\`, in the function or the file: hatchet's \`range NUM_PARTITIONS\`,
  \`range int32(2)\`, \`for range mp\` over a parameter \`mp int\`, \`for range workerCount\` after
  \`workerCount := expectBlocked + 1\`), or one named for goroutines
  (\`i < bb.goroutineCount\`, \`range c.opt.NumPutBlobWorkers\`: kopia's validation readers,
  bounded, started after the writers' deadline and never ran), or a slice written out in the code (\`tasks := []func() error{public,
  admin, courier}\`, never appended to or assigned again, or a table literal in the \`range\`
  itself): as many goroutines as it has elements (kratos' servers and courier, bounded, left the
  courier unstarted);
- goroutines with no work of their own, a literal of deferred \`Done()\` calls only (\`go func() {
  defer wg.Done() }()\`, releasing a wait group counted for work that will not run): each ends at once;
- errgroups that call \`SetLimit\`;
- a loop over the deliveries of an AMQP channel's \`Consume\` after the function set its prefetch
  (\`sub.Qos(t.qos, 0, false)\`, not 0), each goroutine acknowledging its delivery: the broker
  sends no more unacknowledged deliveries than the prefetch, the bound already there (hatchet's
  queue consumers: a GOMAXPROCS bound cut their throughput 27-fold in a trial's model);
- a loop that waits for each goroutine before it goes on: in the loop's own code after the \`go\`,
  a plain receive from a channel the goroutine sends on or closes (\`<-done\`, \`err = <-stopped\`),
  or a select on it whose other cases can only return (\`case <-ctx.Done(): w.Stop(); return\`).
  One runs at a time; a receive in a closure kept for later (\`closer := func() { …; <-donec }\`)
  does not count. Or a \`siteWg.Wait()\` statement there, for the group whose \`Done\` the
  goroutine calls: each pass waits for the few it started (gospider's per-site crawlers).

${withoutFix.replace('- a `go f(x)`', `${handedWithoutFix}${eachOtherWithoutFix}${callbacksLogsPollsWithoutFix}- a \`go f(x)\``).replace('- after the loop, the function takes what', `${cancelWithoutFix}- after the loop, the function takes what`).replace('- the loop runs with a mutex held', `${eventLoopWithoutFix}- the loop runs with a mutex held`)}`;
