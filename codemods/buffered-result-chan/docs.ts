export const docs = `# buffered-result-chan

A goroutine computes a result and sends it on a channel; the caller waits for it in a
\`select\` that can also time out or be cancelled. When the timeout wins, nobody will ever
receive: the goroutine blocks on its send forever, holding whatever it holds. A buffer of one
lets the single send complete whether or not anybody is still listening.

## Before

\`\`\`go
func (c *Client) Get(ctx context.Context, key string) (string, error) {
	ch := make(chan string)
	go func() {
		ch <- c.slowLookup(key)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
\`\`\`

## After

\`\`\`go
	ch := make(chan string, 1)
\`\`\`

## Matched
\`ch := make(chan T)\` made in the function, sent to once by one goroutine (\`go func() { … }()\`,
not started by a loop, no path of it sending twice), and received by the function in a
\`select\` that has another case (a timeout, a ctx, a default), or after a \`return\` that may
leave first (\`if skip { return … }\` before \`r := <-ch\`).

## Left alone
- more than one send, or a goroutine started per item (a buffer of one would not be enough);
- a receiver that always waits: a receive outside a select with no return before it, a
  select whose every case takes the value (\`case <-ctx.Done(): conn.Close(); <-ch\`), or a plain
  receive on every way out of the function (before each early return, and at its end);
- a channel returned, stored, passed to a function or ranged over (other code may rely on it
  being unbuffered).

## Reported without a fix
A goroutine that goes on after the send with anything but a \`return\` or \`close(ch)\`
(\`errc <- err; c.setStatus("closed")\`): unbuffered, the send is a rendezvous and that code
runs only once the receiver has the value; buffered, it could run first, and a receiver that
looks at what it changes would see another order.

A goroutine that defers a call doing work (\`m := q.peek(); defer q.ack(); ch <- m\`, or that work
in a deferred literal): it runs after the send just as a statement after it would; unbuffered,
only once the receiver has the value, and never if it gave up; buffered, the send completes into
the buffer and the deferred work runs anyway (tinode's long-poll queue acked a message whose poll
had timed out: lost). Deferred releases that only let others go on are safe either way and not
counted: \`wg.Done()\` (unless a Wait it lets return ends what the select waits on: below),
\`mu.Unlock()\`, \`cancel()\`, \`close(ch)\`, a send or a \`<-sem\` token, and a deferred \`if r :=
recover(); r != nil { … }\`.

A channel the function that made it closes, outside the goroutine (\`c := make(chan struct{});
defer close(c)\`, or a \`close(ch)\` after the select): once the receiver gives up, the close comes
and the goroutine's late send panics, buffered or not. The finding says so and has no fix: the
close, not the channel's room, is what to change.

A goroutine that also closes another channel, deferred or not (\`defer close(hpw)\`, \`defer
close(errC)\`, one send on either): unbuffered, the receiver has taken the value before that close;
buffered, the goroutine could finish first, and a select waiting on both channels could take the
closed one's zero value (kratos' registration stored no password, its hash sent on the other
channel; dolt's assistant returned an empty answer with no error).

A goroutine that also sends on another channel after its result, deferred or not (\`defer func() {
exited <- struct{}{} }()\`, or \`result <- v; done <- true\`), when a select receiving the result
also receives from that channel (\`case <-exited:\` beside \`case err := <-cmdResponse:\`):
unbuffered, that send comes only once the receiver has the value; buffered, both channels may be
ready at once and the select pick the other at random (act's waitForCommand reported a command
that answered as ending without a result). A send on a channel no such select waits on does not count.

A goroutine that, after its send (deferred or not), cancels the context whose \`Done()\` the
receiving select also waits on (\`ctx, cancel := context.WithTimeout(parent, MaxRTT)\`, then \`go
func() { defer cancel(); …; rttCh <- rtt }()\` and \`case <-ctx.Done():\` beside \`case rtt :=
<-rttCh:\`): unbuffered, the send waits for the receiver, so the receive wins; buffered, the cancel
may come first, both cases be ready and the select pick the context's at random (a probe reporting
a node that answered as failed or timed out). The cancel counts too when called under another
name: the literal's parameter the go statement hands it to (\`go func(release context.CancelFunc) {
defer release(); … }(cancel)\`), or a field or variable set to it before (\`rq.stop = cancel\`, then
\`defer rq.stop()\`): ratify's processTimeout reported a handler that succeeded as timed out.

A goroutine whose \`wg.Done()\` (deferred, or after the send) lets a \`wg.Wait()\` elsewhere return,
after which that code ends what the receiving select also waits on: \`go func() { wg.Wait();
cancel() }()\` with \`case <-ctx.Done():\` (ctx from that cancel's \`context.With…\`), or \`wg.Wait();
close(done)\` with \`case <-done:\`. The Done is no mere release here: unbuffered, it comes only once
the receiver has the value, so the receive wins; buffered, Done, the Wait and the cancel may all
come before the select, both cases be ready and it pick the other at random (frankenphp's boot
returned ErrStopped for a main thread that had booted). A Wait followed by nothing the select
waits on keeps the fix.
`;
