// More cases bounded-goroutines reports without a fix: callbacks an item holds, goroutines that only log, polling loops.
export const callbacksLogsPollsWithoutFix = `- the goroutine only logs: the go statement's call is a logging call (\`go
  m.log.ERROR.Println(err)\`), or its literal's only statement is one: logging made asynchronous
  on purpose, as a logger may block on what the loop itself drains, and bounded, the loop would
  wait for it (evcc's InfluxDB error loop, in the logging pipeline, deadlocked); a goroutine that
  logs and does other work is still bounded;
`;
