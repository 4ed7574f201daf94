// More cases bounded-goroutines reports without a fix: a function an event loop calls.
export const eventLoopWithoutFix = `- nothing waits for the goroutines, and the package calls the function (a function by its name,
  a method on a receiver of its type, or of a name no other type has) from a select case of an
  event loop (\`for { select { case rd := <-n.readyc: n.sendAll(rd.Messages); case m :=
  <-n.recvc: … } }\`) that also receives from another channel: bounded, the event loop would
  wait in the function for a slot that only its own receives can free (etcd's raft test nodes,
  each sending to the other's unbuffered channel, deadlocked); one level of calls is looked at,
  and a function called from ordinary code, or from a select that runs once, keeps its fix;
`;
