export const docs = `# time-after-in-loop

\`time.After(d)\` makes a timer and returns its channel. In a \`for { select { … } }\` loop, every
iteration makes a new one; when another case wins, that timer stays alive until it fires. With
a long timeout and a busy loop, thousands of timers pile up. Before Go 1.23 the runtime cannot
collect them early (from Go 1.23 it can: modules at 1.23 or later are not reported). A pause on
its own (\`<-time.After(d)\` as a statement, no other case to win) is not reported either: each
timer fires before the next pass.

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
timer := time.NewTimer(idle)
defer timer.Stop()
for {
	if !timer.Stop() {
		select {
		case <-timer.C:
		default:
		}
	}
	timer.Reset(idle)
	select {
	case msg := <-in:
		handle(msg)
	case <-timer.C:
		return
	}
}
\`\`\`

Each iteration still waits a full \`idle\`: the timer is stopped, drained if it had fired, and
reset right before the select, as the \`time.Timer\` documentation prescribes before Go 1.23.

## Reported without a fix
- \`time.After\` anywhere but \`case <-time.After(d):\` directly in a select that is itself a
  statement of the loop body;
- a duration that may change between iterations (assigned or declared in the loop, or a call);
- a select with more than one \`time.After\`;
- a loop inside another loop of the function: the timer, made and its \`Stop\` deferred before the
  inner loop, would be made again on each outer pass and kept until the function returns.
`;
