export const docs = `# time-after-in-loop

\`time.After(d)\` makes a timer and returns its channel. In a \`for { select { … } }\` loop, every
iteration makes a new one; when another case wins, that timer stays alive until it fires. With
a long timeout and a busy loop, thousands of timers pile up. Before Go 1.23 the runtime cannot
collect them early (from Go 1.23 it can: modules at 1.23 or later are not reported, nor files in
no module). The GODEBUG setting \`asynctimerchan=1\` brings the old timers back
(https://go.dev/doc/godebug): a module that sets it in its go.mod (\`godebug asynctimerchan=1\`,
alone or in a block), in a go.work listing it, or in a \`//go:debug asynctimerchan=1\` line of its
package main (for that package's files) is reported as one below Go 1.23, as ticker-stop does;
\`asynctimerchan=0\` below Go 1.23 turns the new timers on, and nothing is reported. A pause on
its own (\`<-time.After(d)\` as a statement, no other case to win) is not reported either: each
timer fires before the next pass. Nor is a loop whose body is one select every case of which
returns or breaks out of it (\`for { select { case <-ctx.Done(): return ctx.Err(); case
<-time.After(d): return nil } }\`): it makes one timer, as a plain select does. Nor a timer that
every pass reaching it then leaves the loop after, by a return later in the same block with no
\`continue\` on the way (\`case <-ctx.Done(): select { case <-done: case <-time.After(d): }; return\`:
a last wait at shutdown).

## Before

\`\`\`go
for {
	select {
	case msg := <-in:
		handle(msg)
	case <-time.After(idle):
		return
	}
}
\`\`\`

## After

\`\`\`go
for {
	timer := time.NewTimer(idle)
	select {
	case msg := <-in:
		timer.Stop()
		handle(msg)
	case <-timer.C:
		return
	}
}
\`\`\`

Each iteration still waits a full \`idle\` from the same point, and the timer no longer outlives
the select: it is stopped as soon as another case wins (or the default runs). A new timer per
iteration, rather than one reset before each select, leaves no value from an earlier pass to
drain: before Go 1.23 a \`Stop\` racing the timer's own send could let a stale value through a
non-blocking drain, and the next select time out at once.

## Reported without a fix
- \`time.After\` anywhere but \`case <-time.After(d):\` directly in a select that is itself a
  statement of the loop body;
- a duration computed by a call (\`time.After(jitter())\`): made before the select, the call would
  run before the select's other cases are evaluated. A duration assigned or declared in the loop
  is fixed: the timer is made right before the select, and reads it there as \`time.After\` did;
- a select with more than one \`time.After\`.
- a select that computes something in a case before \`time.After\` (a value sent, \`out <-
  s.nextPage(ctx)\`, or a channel given by a call, \`s.events()\`, which may wait for a lock): Go
  starts the timer after that work, a timer made before the select would count it too (a page read
  longer than the timeout would lose to it). A context's \`ctx.Done()\` is read at no cost. So too
  a receive there (\`case p.out <- <-p.in:\`, \`case <-<-jobs:\`): it waits before the timer
  starts, and a timer made before the select could fire with the value already taken, which is
  then lost (a forwarding pump dropped half its entries).
`;
