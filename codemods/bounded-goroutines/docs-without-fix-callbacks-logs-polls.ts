// More cases bounded-goroutines reports without a fix: callbacks an item holds, goroutines that only log, polling loops.
export const callbacksLogsPollsWithoutFix = `- nothing waits for the goroutines and each calls a function value its item holds, not the item
  called as it is: \`recv := *s; go recv(message)\` for the keys of a \`map[*Receiver][]string\`,
  \`go (*s)(message)\`, or \`go s.fn(message)\` with \`fn\` a func-typed field of the item's struct:
  subscribers' callbacks, which may block until their client reads; bounded, the loop would hang
  once the slots fill and every subscriber after it would starve (woodpecker's Publish, in a
  trial); a goroutine calling a method of the package with the item is still bounded;
- the goroutine only logs: the go statement's call is a logging call (\`go
  m.log.ERROR.Println(err)\`), or its literal's only statement is one: logging made asynchronous
  on purpose, as a logger may block on what the loop itself drains, and bounded, the loop would
  wait for it (evcc's InfluxDB error loop, in the logging pipeline, deadlocked); a goroutine that
  logs and does other work is still bounded;
- a goroutine polls a value all the goroutines share (a local of the function declared before
  the loop, a parameter, the receiver): a conditional loop whose condition calls its method and
  whose body sleeps or waits (\`for r.Status(c.ID) != RunStateStart { time.Sleep(…) }\`), while
  the goroutine calls other methods of it (\`r.Register\`, \`r.Exit\`): it waits for what the
  others do (buildkite's containers, each starting once the one before it exited, hung bounded);
  one that calls the shared value's methods but never polls it is still bounded;
`;
