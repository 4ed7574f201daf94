import { withoutFix } from './docs-without-fix.js';

export const docs = `# send-select-ctx

A send on a channel blocks until a receiver takes the value. When the receiver has gone away —
the request was cancelled, the consumer returned early on a timeout, the caller stopped reading —
the sending goroutine waits forever: a goroutine leak that holds its stack, its captured
variables and whatever it locked.

goconc rewrites such a send into one that is tried first and, only when it would wait, a
\`select\` that also waits on a cancellation source already in scope, leaving the function when
it fires.

## Before

\`\`\`go
func (s *Syncer) Start() {
	go func() {
		for ev := range s.watcher.ResultChan() {
			if err := s.handle(ev); err != nil {
				s.errChan <- err
				return
			}
		}
	}()
}
\`\`\`

## After

\`\`\`go
func (s *Syncer) Start() {
	go func() {
		for ev := range s.watcher.ResultChan() {
			if err := s.handle(ev); err != nil {
				select {
				case s.errChan <- err:
				default:
					select {
					case s.errChan <- err:
					case <-s.ctx.Done():
						return
					}
				}
				return
			}
		}
	}()
}
\`\`\`

## The send goes first
A \`select\` picks at random among the cases that can go. Once the context is done, the plain
\`select { case ch <- v: case <-ctx.Done(): return }\` would drop, half the time, a value the
channel had room for or a receiver was already waiting for, which the send delivered before:
an audit record written on close, an error in a buffer of one, a job in a queue with room. So
the send is first tried alone (its \`default:\` taken only when it would wait), and only a send
that would wait selects on cancellation. An operand that calls a function is evaluated once,
into a variable declared before the selects (\`v := p.activeConns.Add(d)\`), as is a value
written over several lines. \`--send-shape select\` (in goconc.yaml: \`send-shape: select\` under
\`send-select-ctx\`) writes the plain select instead.

What the rewrite still changes: a send that would wait once the context is done gives its value
up. Where the receiver lives on its own terms (another goroutine's context, a peer's queue) and
the value was already taken from somewhere (a message read from a queue or the network, then
forwarded), that value is lost where the plain send delivered it late (wush's overlay forwarder:
a peer left with a stale node update). goconc cannot see such a receiver's lifetime from the
send; review fixes of forwarding loops with that in mind. The same holds for a reader in another
package that drains the channel until it is closed (k6's \`PushIfNotDone\`, checking \`ctx.Err()\`
once and then sending a metric sample): a sample still waiting when the context ends is dropped
where the plain send delivered it. Keep such a send with \`//goconc:ignore send-select-ctx\`.

## Cancellation sources, innermost first
1. a context made locally with \`context.With*\` (\`ctx, cancel := context.WithTimeout(...)\`), or
   with a function or method of the package that, as those do, returns a context and its cancel
   (\`ctx, cancel := s.js.wrapContextWithoutDeadline(ctx)\`, every declaration of the name so, none
   returning a nil context, not through an interface); one
   made with a timeout or deadline only for a channel the same function declares (its reader under
   that timeout too): on a channel the function was handed, the timeout is the sender's own clock
   (how long it polls) and ends while the reader may still come for the value, so the context it
   is made from is watched instead, and with no other source there is no fix (waypoint's task
   status: its reader waited for good for the final status); one made with a timeout or deadline
   for work before the send and used no more after it, nor by a statement around the send
   (\`probeCtx, cancel := context.WithTimeout(ctx, 3*time.Second)\` for an endpoint probe), gives
   way to another source in scope: by the send it has often run out (sealos' image save, given a
   select on it, would have dropped its images and its error);
2. a \`context.Context\` parameter of the enclosing function, or of a function a closure captures it from;
3. a done channel parameter (\`done\`, \`stop\`, \`quit\`… of type \`chan struct{}\` or \`<-chan struct{}\`);
4. a \`context.Context\` field or a done-channel field of the method's receiver (\`s.ctx\`, \`s.done\`),
   its own or one of a struct it embeds by value; not one promoted through an embedded pointer
   (\`*SubscriptionManager\`'s \`closeCh\`): that is another object, and tells when it stops.

A done channel the function sends on or closes is not one: the function signals on it (\`doneCh
<- struct{}{}\` when it finishes, \`defer close(s.done)\`), and receiving from it would take another
goroutine's signal, or wait for the function's own. Nor is a receiver field the package sends on
anywhere (\`c.stop <- struct{}{}\` in \`Close\`): a goroutine waits for that signal. Nor one closed only in a
defer of this method or of one calling it (\`defer close(d.Done)\` in \`Run\`, which calls the
sending method): it tells that the work finished, and never fires while the send waits (zrok's
canary disabler).

A goroutine that outlives the function spawning it (nothing there waits for it) watches the
receiver's long-lived context rather than the spawning call's: \`s.ctx\`, not the request's \`ctx\`.
The other sources are offered as alternative fixes in interactive review and in JSON output.

## How the function is left
| enclosing function | exit |
|---|---|
| no results | \`return\` |
| no results, errors reported before returning (\`res.err = err; return\`) | \`res.err = ctx.Err()\` then \`return\` (no fix when they are reported in more than one place, or the source is a done channel; none either when, given a context, it reports them by a send before a return, \`rc <- err; return\`, with only plain calls and assignments between them, \`output.done <- err; f.memTracker.Consume(…); return\` (tidb's projection fetcher, whose deferred close then read as a clean end of data), and has no silent \`case <-ctx.Done(): return\` of its own: open-match's stream reader, whose caller takes an empty \`rc\` for success) |
| \`(T…, error)\` | \`return <zero values>, ctx.Err()\` |
| named results \`(n int, err error)\` | \`err = ctx.Err()\` then \`return\` (no fix where a local hides a named result: \`err := errs[i]\` in a loop) |
| results, and every \`case <-ctx.Done():\` of the function only returns the same constants, \`ctx.Err()\`, package-level names, another package's (\`io.EOF\`) or a value of a named type made of those (\`liberrors.ErrServerTerminated{}\`, \`&StopError{Code: 1}\`) (logging aside), as do its own checks outside a select that return so (\`if ctx.Err() != nil { return nil }\`, \`if common.IsDone(ctx) { return nil }\`) | that return (\`return nil\`: a clean stop stays one for the caller; gortsplib's callers tell a shutdown from a failure by its error's type, trufflehog's sources a cancelled scan from a failed one) |

Whatever the function's results, no fix where one of its own \`case <-ctx.Done():\` does more
than return (logging aside: \`goCallCancel(producer); return\`, or a return of what a call gives,
\`return cleanup()\`, an error maker aside: \`fmt.Errorf(…, ctx.Err())\`): a new way out on the same end
would skip that clean-up (arrow's async record stream never told its producer to cancel).

Zero values come from the type's syntax (\`nil\`, \`0\`, \`""\`, \`false\`, \`T{}\`) or from its
declaration in the same package.

In a package that reports a context's end by its cause (\`context.Cause(ctx)\` anywhere in it), the
error is \`context.Cause(ctx)\` instead of \`ctx.Err()\`: an errgroup's context ends with the failing
goroutine's error, and a bare "context canceled" raced it (pachyderm's datum streams failed a job
with it in 15% of runs, the real error lost).

## A fan-out goes on to the next channel
A send on each channel of a slice or map in turn (\`for _, out := range outs { out <- result }\`,
or \`outs[i] <- result\`) ends its done case with \`continue\`, not \`return\`: a return would
leave the loop at the first listener that waits, and every listener after it, those with room
too, would lose the value (go-systemd's jobComplete). With \`continue\`, once the context is
done each listener that would wait is skipped at once, a listener with room still gets the value
(the send goes first; under \`--send-shape select\` it may lose it at random, as anywhere), and
the code after the loop runs as after any loop's end. Only where that
\`continue\` skips nothing else: the send is the last thing its iteration runs (nothing after it
in the loop's body, nor after the \`if\`, \`switch\` or \`select\` it sits in), with no loop of
its own in between, in a function with no results that closes none of those channels after the
loop, on its way out, or in a loop around it (unless the statement after the loop drops them,
\`s.waiters = nil\`: containerd's gc scheduler). A release after the loop (\`mu.Unlock()\`) is
no reason to refuse here: the \`continue\` reaches it as any loop's end does. The other checks of
this page still hold; elsewhere the send is left alone (see below).

## Left alone
- sends that already are a case of a \`select\`;
- sends that cannot block: the channel is made in the same function (a local, or a field of the
  receiver that nothing else in the package sets or sends on: \`ks.startedErr = make(chan error,
  1)\`, controller-runtime's Kind source) with a capacity covering every send (\`errc := make(chan error, 1)\` with one send, or one on each of the function's paths
  that exclude each other, \`if err != nil { p.svcs <- def; return p, nil }; p.svcs <- svc\`, or sent to once on each path of the
  one goroutine that sends on it, or of each of the goroutines started once that send on it,
  counted together (\`if err != nil { errc <- err; return }; errc <- nil\`, also
  inside a loop whose sends all return or break out of it: \`for { if err := recv(ctx); err != nil { errc <- err;
  return } }\`, \`errc <- err; break\` (not a \`break\` in a \`select\` or \`switch\`, which leaves only that), or in the cases of a \`select\` or \`switch\`, one case a path: \`case err := <-failed:
  resCh <- st; return\`, then \`resCh <- st\`); \`make(chan T, n)\` filled by a loop running exactly n times (\`i := 0; i < n\`, a typed \`i := uint(0)\` alike,
  \`i := 1; i <= n\`, and \`i <= n\` for a capacity of \`n+1\`; a constant capacity and a loop
  running that many times alike), the send made by the loop itself or by a goroutine or closure
  called once per iteration (a local closure started by name, \`worker := func() { …; partials <-
  partial }\` then \`go worker()\`, included; not a callback a helper may retry), or at most one per iteration
  between them (\`ch <- cached; continue\`, else \`go func() { ch <- query() }()\`); a constant
  capacity of at least a constant loop count times the most one iteration sends (\`make(chan error,
  20)\` and \`for i := 0; i < 10; i++\` starting two goroutines that send once at most, the counter
  set nowhere else); \`make(chan T, len(xs))\` filled
  once per \`range xs\`, or once on each path of a callback handed with \`xs\` to a call named
  for running it on each element (\`concurrency.ForEach(ctx, jobs, n, func(…) error { … })\`), the names of the capacity not assigned again after the \`make\` until the loop ends: \`workers--\` as each
  reports afterwards changes nothing; a set's \`dests.Len()\` for \`range dests\` alike; a capacity
  kept in a local first, \`chanLen := len(pods)\` never assigned again, counts as \`len(pods)\`); a
  send that is the first use of a channel just made or assigned with a constant capacity (a field
  too: \`f.errCh = make(chan error, 1)\`, then \`if f.err != nil { f.errCh <- f.err }\`; \`errC :=
  make(chan error, 1)\`, then \`if err != nil { errC <- err; return … }\`), reached through ifs and
  blocks, not a loop or a case. No count holds in a function with a \`goto\` back to an earlier
  label. The channel is the one the send's name refers to:
  two subtests each making an \`errChan\` of their own are judged apart;
- a send whose receiver always takes the value: the channel made by the function that starts the
  one goroutine sending on it, once on any path, and taken by a plain receive on every way out of
  that function once it is started (\`<-done\` before each early return, \`err := <-done\` at the
  end: neo-go's storeBlock, whose error, selected against the chain's stop, was lost and left the
  block's store waiting);
- a send on a channel parameter that always has room: the function sends on it at most once on
  any path and hands it to nothing, and every call of it in the package is \`go f(…, ch, …)\`
  once per iteration of a loop running exactly as many times as the channel the caller made
  holds (\`errc := make(chan error, len(c.witnesses))\`, then \`for i, witness := range
  c.witnesses { go c.compareNewLightBlockWithWitness(ctx, errc, …) }\`, or \`go func() {
  nodeClient.GetChunks(ctx, id, chunksChan) }()\`; a method of the same name taking other arguments,
  a getter \`reply.GetChunks()\`, is not a call of it), or the one statement of a
  task handed to a pool there (\`pool.Submit(func() { s.getBlobContentParallel(ctx, …, resultChan)
  })\`), or started once, outside a loop, on a channel of constant room, with as many other
  goroutines of the package's functions started once on it as the room has left, each sending once
  at most (\`errc := make(chan error, 2)\`, \`go c.copyToBackend(errc)\`, \`go c.copyFromBackend(errc)\`:
  caddy's protocol switch), the caller only receiving from it (ranging over it too) or closing it otherwise;
  a parameter of a closure declared alone alike, every call of it outside loops handing it a
  channel with constant room for the calls handing it that one (\`doCopy := func(s, c net.Conn,
  cancel chan<- bool) { io.Copy(s, c); cancel <- true }\`, \`cancel := make(chan bool, 2)\`, then two
  \`go doCopy(…, cancel)\`): a select
  could only drop a result the caller counts (cometbft's light client waited for every witness's
  answer and hung; eigenda's blob store returned no error with blobs missing);
- a channel the function makes with room and reads only after waiting for the goroutines that send
  on it (\`wg.Wait(); close(enrichedCh); for g := range enrichedCh\`), in their own code, in a
  closure handed to a wrapper that starts it (\`goWrapper(f)\`), or in a function every caller
  hands the channel (\`validateReference(ctx, wg, ref, i, &c)\`, sending on \`*resultsC\`): its room
  is what takes every value, and a select would drop results that read collects (weaviate's batch
  deletes reported success with objects left);
- a result channel made unbuffered, sent to once from a goroutine and received in a \`select\`
  with a timeout: \`buffered-result-chan\` gives it a buffer of one instead;
- a result channel the function that made it waits on: it hands a closure the sends (one per
  run) and receives in a statement of its own body with no return before it (\`return <-errCh\`
  after scheduling the closure), or in a \`select\` without a default whose every case takes the
  value (\`case err = <-errch:\`, and \`case <-ctx.Done(): conn.Close(); <-errch\`): the send has its
  receiver, and a select would only lose the value;
- a channel the function that made it drains on its way out (\`for range lines {}\` in a deferred
  function or a goroutine one starts, with no way out of the loop), or drains itself, with no return
  before its loop, for the goroutines it started (\`for addr := range found { … }\`, closed after
  their \`Wait\`): the send always has a receiver;
- semaphore acquires (\`sem <- struct{}{}\`, or another constant token, \`ch <- true\`, released by a deferred \`<-sem\`, or by a \`<-sem\`
  statement after the send, in the function or a goroutine it starts: \`sem <- struct{}{}; go
  func() { work(); <-sem }()\`; also a loop taking every slot after the work loop, to wait for
  the last goroutine: \`for n := cap(sem); n > 0; n-- { sem <- struct{}{} }\`), or in a method of a
  type that another of its methods takes the token back in, a statement of its own (\`func (s
  semaphore) GetToken() { s.ch <- struct{}{} }\` and \`ReleaseToken() { <-s.ch }\`: restic's, etcd's
  limit listener);
- sends of \`struct{}{}\` on a token bucket, a channel the file fills to its capacity where it makes
  it (\`p.ch = make(chan struct{}, p.MaxActive)\`, then \`for i := 0; i < p.MaxActive; i++ { p.ch <-
  struct{}{} }\`, or a goroutine running it; the bound written as the capacity): each send there fills a slot just made and each elsewhere gives back a
  token taken (redigo's active connections, machinery's worker pools). A local by that name counts
  only in the function making it; a bucket handed in as a parameter is reported;
- sends in a Prometheus collector's \`Describe(ch chan<- *prometheus.Desc)\` or \`Collect(ch chan<-
  prometheus.Metric)\` on its channel, or in a function it hands that channel to (a parameter of
  type \`chan<- prometheus.Metric\`: longhorn's and node_exporter's collectors): the registry reads
  it until the method returns.

${withoutFix}`;
