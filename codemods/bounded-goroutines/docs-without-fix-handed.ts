// More cases bounded-goroutines reports without a fix: work handed to the goroutine by others.
export const handedWithoutFix = `- a goroutine hands the package's function or method as a value to a call
  (\`execute(jobCtx, job, p.handleWorkerDone)\`), which calls it back, and that function sends on
  a channel the goroutine did not make (\`p.jobResultCh <- job\`), as a call of it would: the
  receiver may be the event loop that starts the goroutines (river's producer, bounded, waited
  for a slot while its jobs waited for the cancel it no longer took);
- a goroutine calls a function-typed field (\`d.onEntry(e)\`), and the package stores in that
  field (\`d.onEntry = func(e *Entry) { d.events <- e }\`, or \`Dispatcher{onEntry: d.handle}\`)
  a function that sends on a channel the goroutine did not make, as a call of it would: the
  receiver may be the event loop that starts the goroutines (a miniflux-like dispatcher, bounded,
  waited for a slot while the slot holders waited to send to it); fields of another type of the
  same name do not count;
- the loop runs each function of a slice its function is given (\`runTasks(tasks []func())\`,
  \`go func(t func()) { defer wg.Done(); t() }(t)\`), and a caller in the package hands it a slice
  literal, or one it builds with \`append\`, of function literals or the package's functions that
  hand values to each other through a channel declared outside them (one sends, another
  receives): pipeline stages, and bounded, those holding the slots would wait on their sends for a
  stage that never starts (opencensus's runTasks, as a trial used it, deadlocked); tasks sharing
  no channel, such as an event bus's handlers, are still bounded when the package shows them;
- with the default bound, the goroutines call the functions of a slice or map parameter of
  function values, taken by range or by index (\`for _, f := range fs\`, \`fs ...func(string,
  []byte) error\`, \`conns []func()\`), when some call in the package hands that parameter code it
  does not show (a field's functions, \`d.syncAll(name, data, d.syncTo...)\`, or a value of its own
  caller) or the package never calls the function: the caller's code, which may wait on what the
  caller does only once the function returns (atlas' MemDir, whose sync targets streamed to a
  consumer served after WriteFile returned, hung bounded), as functions kept in a field do; the
  doc comment rule aside, a slice of function literals or the package's functions is still
  bounded, and so is one function parameter applied to each item (\`fn(item)\`);
- nothing waits for the goroutines, and each runs its item, a function value of a type written
  out (\`for _, f := range pluginFuncs { go func(f func() error) { f() }(f) }\`, over a local, a
  package variable or a package function's result): registered plugins' or hooks' code, which may
  run for the process's life (v2ray's pprof plugin serves until exit, and bounded, executeRun
  stopped before starting its server); a slice the function fills only with function literals or
  the package's functions is still bounded;
- with the default bound, a goroutine calls a method through a value whose declared type is an
  interface (a field, parameter or local: \`h.publisher.Publish(topic, msgs...)\` with \`publisher
  Publisher\`) or another package's type, also in the package's functions it runs: the value is
  whatever its callers put there, so the package's own methods of that name (a no-op
  \`disabledPublisher.Publish\`) are not what it runs, and it is code this package does not show
  (watermill's router, bounded, deadlocked once a handler's publisher handed its messages back to
  the subscription the loop drains); only a local made from the package's own literal and never
  assigned again is read through its type's method, and a value of the package's concrete type
  (\`publisher *counter\`) still is;
`;
