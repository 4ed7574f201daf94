export const docs = `# wg-add-before-go

\`wg.Add\` must happen before the goroutine it counts is started. Called first thing inside the
goroutine, it races with \`wg.Wait\`: when Wait runs before the new goroutine has been
scheduled, the counter is still zero, Wait returns, and the caller reads results that are not
there yet (go vet's \`waitgroup\` analyzer reports this; goconc moves the call).

## Before

\`\`\`go
for _, u := range urls {
	go func(u string) {
		wg.Add(1)
		defer wg.Done()
		fetch(u)
	}(u)
}
wg.Wait()
\`\`\`

## After

\`\`\`go
for _, u := range urls {
	wg.Add(1)
	go func(u string) {
		defer wg.Done()
		fetch(u)
	}(u)
}
wg.Wait()
\`\`\`

In a module on Go 1.25 or later, the goroutine is started with \`wg.Go\`, which counts it before
it starts, where that says the same thing: the group is a \`sync.WaitGroup\` declared in the
function (or a parameter of that type), the count is 1, the goroutine takes no arguments, and
\`defer wg.Done()\` comes right after the Add and is its only Done (so Done still runs last).
Moving the Add is then the alternative in the interactive review.

\`\`\`go
for _, u := range urls {
	wg.Go(func() {
		fetch(u)
	})
}
wg.Wait()
\`\`\`

A group passed to the goroutine as a parameter (\`go func(wg *sync.WaitGroup) {…}(&wg)\`) is
counted through the argument: \`wg.Add(1)\` before the \`go\`. \`defer wg.Done()\` stays.

## Matched
The first statement of a \`go func(…) {…}(…)\` body, after any \`defer\`s, is \`X.Add(n)\`, the
body calls \`X.Done()\`, and X is a group: a \`sync.WaitGroup\` (declared, made with \`new\` or
\`&sync.WaitGroup{}\`, a parameter, a field of a struct of the package), or a type of the package
waited on like one (a \`Wait\` method, or a \`sync.WaitGroup\` embedded). Another type's Add may
do more than count (a dispatcher's \`Add(item)\` hands the item to its consumer, and moved before
the \`go\` it would block): left alone. So is an Add in a goroutine counted right before it starts
(\`c.wg.Add(1); go func() { defer c.wg.Done(); c.wg.Add(n); …\`): its own count keeps the group
above zero, and the Add counts the goroutines it starts, which Wait cannot miss. So is an Add in a
goroutine that waits for the group itself (\`wg.Add(1); go func() { …; wg.Done() }(); wg.Wait()\`,
istio's HBONE dialer): the Add counts the goroutine it starts next, before its own Wait.

## Reported without a fix
- the code does not say what X is (a package-level variable, a value returned by a call);
- the count passed to Add is computed inside the goroutine;
- the group is reached through a parameter in a way goconc cannot name outside;
- the Add shares its line with other code, or the go statement is not a plain statement.
- the goroutine has a loop of its own and uses something the function closes only in a defer,
  after its \`Wait\` (nps' response reader, \`http.ReadResponse(bufio.NewReader(connClient), r)\` in a
  loop, \`connClient.Close()\` deferred): it ends on that close, so counted before it starts it would
  hold that Wait for good, where the Add inside let Wait pass it.
- the Add is the first statement of a branch (\`if w.waitOnClose { w.wg.Add(1); defer w.wg.Done() }\`:
  polaris' time wheel): counted only on that condition, and as late; moved before the \`go\` it
  would need the same test there, which may not give the same answer before the goroutine starts.
- the Add comes after other statements of the goroutine (\`if skip { return }\`, then
  \`wg.Add(1)\`): it races with Wait all the same, but moved before the \`go\` it would count a
  goroutine that may return before reaching Done, and Wait would hang. Reported when X is a
  \`sync.WaitGroup\`, the goroutine itself calls \`X.Done()\`, and no \`go\` follows that the Add could
  be counting.
`;
