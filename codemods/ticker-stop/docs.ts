export const docs = `# ticker-stop

A \`time.Ticker\` fires until it is stopped. One that a function starts and never stops keeps
firing after the function returns, and before Go 1.23 the runtime never collects it: a slow
leak of timers and CPU in every call. \`time.Tick\` makes a ticker nobody can stop at all.
A \`time.NewTicker\` in a function that never returns (no return of its own, ending in a loop
with no condition, or over the ticker's channel, that nothing breaks out of) outlives nothing,
and is not reported: a deferred Stop there would never run. Nor is a \`for range time.Tick(d)\`
or \`for range time.NewTicker(d).C\` that ends such a function (a goroutine ticking for the life of
the process), also when it ends an \`if\` with no \`else\` that ends the function (\`if !optOut {
for range time.Tick(6 * time.Hour) {…} }\`): the ticker is made only where the function never
returns. One made before that \`if\` is reported: the other way out returns with it running.

## Before

\`\`\`go
func (p *Poller) Run(ctx context.Context) {
	t := time.NewTicker(p.every)
	for {
		select {
		case <-t.C:
			p.poll()
		case <-ctx.Done():
			return
		}
	}
}
\`\`\`

## After

\`\`\`go
	t := time.NewTicker(p.every)
	defer t.Stop()
\`\`\`

\`for range time.Tick(d) {…}\` becomes a ticker stopped on return:

\`\`\`go
ticker := time.NewTicker(d)
defer ticker.Stop()
for range ticker.C {
	…
}
\`\`\`

## Go 1.23 and later
Tickers no longer referenced are collected even when not stopped: an unstopped ticker no longer
leaks. Modules whose \`go\` line is 1.23 or later get no finding (as staticcheck's SA1015 from
Go 1.23, and as time-after-in-loop), nor does a file in no module (no \`go.mod\` above it), which
today's toolchain builds with its own, newer semantics.

The GODEBUG setting \`asynctimerchan\` (https://go.dev/doc/godebug) decides, its default coming
from the \`go\` line: \`asynctimerchan=1\` brings back the timers of Go 1.22, which live until
they fire or are stopped (a ticker, for good). A module that sets it gets the findings and fixes of a module below Go 1.23: in
its go.mod (\`godebug asynctimerchan=1\`, alone or in a \`godebug ( … )\` block), in a go.work
that lists the module (in workspace mode the go.work's \`godebug\` lines replace the go.mod's;
the module is reported when either way of building it keeps the old timers), or in a
\`//go:debug asynctimerchan=1\` line above the package clause of a file of package main (for the
files of that package; the packages the program imports are not told apart). The other way,
\`asynctimerchan=0\` below Go 1.23 turns the new timers on (only toolchains from Go 1.23 know
the setting, and they honour it whatever the go line): nothing is reported there. A \`GODEBUG\` variable set
where the program runs is not seen. \`goconc scan --list-modules\` shows each module's
\`godebug\` lines. With Go 1.26, 100,000 tickers made and dropped unstopped keep about 25 MB of
heap after a collection in a go 1.23 module with \`godebug asynctimerchan=1\` (and in a go 1.22
one), none without it (nor at go 1.22 with \`asynctimerchan=0\`).

## Reported without a fix
- a ticker that leaves the function (returned, stored, passed on, or its channel \`t.C\` handed on):
  its owner must stop it; or one a goroutine or closure of the function uses, which may run after
  it returns (\`defer t.Stop()\` would stop the ticking for it);
- a ticker whose channel alone is kept (\`tick := time.NewTicker(d).C\`, gopsutil's load sampler):
  nothing can stop it, and stopping it needs the ticker in a variable of its own, a change of the
  statement left to its author;
- a ticker made on each pass of a loop (\`for { ticker := time.NewTicker(d); select { … } }\`): a
  deferred Stop would run only when the function returns, keeping every pass's ticker until then
  (aresdb's keep-alive, a session long); it wants a Stop at the end of each pass;
- \`time.Tick\` anywhere but \`for range time.Tick(d)\` outside other loops (in a \`select\` case
  inside a loop it makes a new ticker per iteration; hoisting it would change when it fires; kept
  in a variable, \`tick := time.Tick(d)\`, or used in an expression, each use would need changing
  to a ticker's \`C\`);
- \`time.Tick(d)\` where \`d\` is not a positive constant: written in place (\`5 * time.Second\`)
  or a \`const\` of the package. \`time.Tick\` returns nil for a duration of zero or less (the loop
  then waits for good), where \`time.NewTicker\` panics.

## Left alone
Tickers stopped anywhere in the function; \`time.Tick\` in \`main\` outside loops.
`;
