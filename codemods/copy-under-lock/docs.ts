export const docs = `# copy-under-lock

One mutex guards a map or slice of sessions, clients or handlers; a method holds it while it
closes a session, writes to every client or calls every handler. Each of those calls may wait on
the network or on the callee — and while it waits, every other method of the registry waits too.
If the callee calls back into the registry, it deadlocks. The fix is to do under the lock only
what needs the lock: take or copy, unlock, then act.

## remove-then-close

\`\`\`go
// before
func (sm *SessionMap) Close(sessionID string, status uint32, reason string) {
	sm.Lock.Lock()
	defer sm.Lock.Unlock()
	ses := sm.Sessions[sessionID]
	if ses.sockJSSession != nil {
		_ = ses.sockJSSession.Close(status, reason)
	}
	delete(sm.Sessions, sessionID)
}

// after
func (sm *SessionMap) Close(sessionID string, status uint32, reason string) {
	sm.Lock.Lock()
	ses := sm.Sessions[sessionID]
	delete(sm.Sessions, sessionID)
	sm.Lock.Unlock()
	if ses.sockJSSession != nil {
		_ = ses.sockJSSession.Close(status, reason)
	}
}
\`\`\`

## iterate-then-call

\`\`\`go
// before
h.mu.Lock()
defer h.mu.Unlock()
for c := range h.clients {
	c.Send(msg)
}

// after (Go ≥ 1.21: maps.Clone / slices.Clone; earlier: an explicit copy of the field's type)
h.mu.Lock()
clients := maps.Clone(h.clients)
h.mu.Unlock()
for c := range clients {
	c.Send(msg)
}
\`\`\`

What the copy gives up: two callers' loops no longer run one after the other. Each element still
gets each caller's calls in order, but two broadcasts at once may reach the elements in different
orders (under the lock, every queue saw them in the same order: a raft-test network's broadcast
variant). goconc keeps the lock where the code says it orders (below); where a total order across
elements matters without a word saying so, mark the loop \`//goconc:ignore copy-under-lock // …\`.

## handed-out slice

\`\`\`go
// before
eb.mu.RLock()
handlers := eb.handlers[event.Type]
eb.mu.RUnlock()
for _, h := range handlers { … }

// after
handlers := slices.Clone(eb.handlers[event.Type])
\`\`\`

A slice taken over (\`msgs := l.msgs; l.msgs = nil\`, or a new \`make\` or literal, under the same
lock) is no longer shared and needs no copy; one truncated (\`l.msgs = l.msgs[:0]\`) still is. Nor
does a field the package only ever appends to, replaces whole, or reads (\`s.sends =
append(s.sends, m)\`, \`= rules\`, \`= nil\`, \`len(…)\`, \`range\`): an append writes past what a
reader took, never into it, and a new slice leaves the old array alone (go-grpc-middleware's and
etcd's retried streams; m3's carbon rules, cloned on every line ingested; smee's backend file,
\`w.data, err = os.ReadFile(f)\`, cloned on every DHCP lookup; comments naming the field do not
count); so too a map's slices that the package only appends to (\`p.votes[h] = append(vts, v)\`, with
\`vts, ok := p.votes[h]\`) or deletes (dcrd's mempool votes, cloned for every transaction checked).
One whose elements are written (also through a map's element: \`p.tallies[h][0] = 0\`), truncated,
or that is handed to a call, still is.

A slice the function puts back where it took it, after its use (\`packet := ch.packetPool[code]\`,
then \`ch.packetPool[code] = packet\`), is a pool of buffers: a copy on every call would allocate
what the pool is there to save (x/crypto/ssh's channel writes, 32 KB each, vendored by moby and
zgrab2). It is reported without a fix; taking it out of the pool under the lock would keep both.
So is one written in place after the unlock (\`copy(servers, fresh)\`, \`servers[i] = c\`, under the
write lock): the writes are meant to reach the field's elements through the array they share, and
a copy would keep them to itself (a re-authentication that every wrapper sharing the servers missed).

## What counts as blocking
Methods named in the \`blocking-methods\` option (default: Close, Send, Write, Flush, Stop,
Shutdown, Wait, Publish, Notify, Recv, Read, Do, Call), any \`Send…\`/\`Write…\` method, channel
sends (not one in a select with a \`default\`: a send-or-drop cannot wait), \`time.Sleep\`, and calls of function values (callbacks: range variables, function-typed
parameters). None of these counts in a goroutine started under the lock (\`go c.send(v)\`, \`go func() {
ch <- v }()\`): it waits there, not while the lock is held. Nor does a call the loop makes after releasing the lock
in a branch (\`s.mu.Unlock()\`, then \`db.Close(ctx)\` and a return: litestream's RegisterDB closing a
duplicate), before any re-lock. Extend the list in goconc.yaml:
\`codemods: {copy-under-lock: {blocking-methods: [Close, Flush, Evict]}}\`.

## Recognised
A \`sync.Mutex\`/\`sync.RWMutex\` field of the receiver (named, or embedded), locked at the top
level of a method and released by \`defer …Unlock()\` right after, or by an explicit unlock later
in the same block; the map and slice fields of the same receiver used inside.

## Decided from the callee's body
For a method of a type declared in the same package (the element type of the guarded map or
slice), goconc reads the method's body: sends and receives outside a select with a default,
\`Lock\`, \`Wait\`, \`Sleep\`, and calls of the blocking list make it blocking; a \`Close\` that
only closes a channel inside a \`sync.Once\` does not, and is left alone; nor does work in a
goroutine the method starts (\`go c.Close(ctx)\`). Elements declared \`*time.Ticker\` or \`*time.Timer\`
(\`tickers []*time.Ticker\`) are stopped or reset under the lock without a finding: their \`Stop\`
and \`Reset\` return at once.

## Reported without a fix
- the collection holds maps or slices (\`map[ServiceKey]map[string]struct{}\`): a copy is shallow,
  and the loop would read the inner ones after the unlock while other code changes them under the
  lock (polaris' per-connection instance sets: concurrent map iteration and map write); a type the
  package declares as a map or slice counts (\`map[string]Value\` with \`type Value []byte\`, whose
  bytes emitter's subscriptions change in place; cubefs' \`map[TaskType]mapTaskRunner\`), and so does
  a type of another package, which may be or hold one (\`http.Header\`; kueue's \`resources.Requests\`,
  an interface over a map changed in place), unless it copies whole (\`time.Time\`, \`time.Duration\`,
  \`context.Context\` and its cancel functions, \`netip\` addresses, \`uuid.UUID\`);
- another method closes channels under the same mutex while this loop sends on the elements:
  sending after unlocking could panic on a closed channel (pub/sub unsubscribe);
- another method, under the same mutex, calls a method of its receiver that closes a channel, one
  or two calls deep (\`b.removeLocked(id)\` with \`close(ch)\` in removeLocked), while this loop sends
  on the elements: a send over the copy could hit the channel it closed (a miniflux-like broker);
- for an entry taken and removed and then closed, a loop of the package waits on a count of the map
  that a method takes under the lock (\`for sm.Open() > 0 { time.Sleep(…) }\`, with \`Open\` returning
  \`len(sm.sessions)\`: a drain before exit): under the lock an entry gone was done with; after the
  unlock the drain would see it gone while its close still runs (a session's buffered rows lost);
- for an entry taken and removed, or for each element ranged over, a method of the type builds the
  map's entries holding a pointer into the receiver or the receiver itself (\`m.streams[ch] =
  &stream{log: &m.Log}\`, \`owner: m\`): the call on the entry may reach that state, which only the
  lock guards, and after the unlock it would write it unguarded (a run-stream manager whose
  streams' Close appended to its log lost entries; a client registry whose clients' Close
  counted down its open clients, racing a new client's count);
- for an entry taken and removed, another method closes every element of the map under the same
  mutex (\`for _, c := range m.clients { c.Close() }\`, a shutdown): once it returns none is open,
  and a close moved past the unlock could still be running then (coroot's collector returned from
  \`Close\` with a client still closing, and the process exited);
- for an entry taken and removed and then closed (\`ds.Close()\`, a Stop, Shutdown or Release),
  another method, under the same mutex, makes a new value for a missing key with a call given the
  key (\`openDatastore(filepath.Join(r.dir, storeID+".db"))\`, a get-or-create): after the unlock it
  could open that key again while the old value, still closing, holds what it frees (a SQLite file's
  flock: every Get during an Evict failed with "database is locked"). So too for a \`Flush\` or
  \`Sync\` writing the entry back, where the new value is built from what a call given the key read
  (\`b, _ := os.ReadFile(name)\`, then \`&fileDir{path: name, buf: b}\`): an Open in between would
  read the file before it is written back, and its own Close later write the stale copy over it.
  So too where the new value holds what a call named for taking a port, file or lock acquired
  (\`ln, err := net.Listen("tcp", addr)\`, then \`s := &taskServer{ln: ln}\`), or a call given a name
  made from the key (\`path := filepath.Join(sm.dir, id+".sock")\`): restarted during a slow Close,
  go-task's server found its port still bound, and podman's re-attach lost its socket file. So too
  where the new value comes from a call of a function the method is handed (\`res, err := open()\`,
  maddy's \`Singleton.GetOpen(key, open)\`) or a call given another of its parameters
  (\`listen(addr)\`): the caller picked what it opens for the key, and a GetOpen during a Release's
  slow Close found the listener's address still in use. So too
  where another method inserts, under the same mutex, a value it is handed after calling a method
  named for acquiring on it (\`db.Open()\`, a Start, Listen or Lock; then \`s.dbs[db.Path()] = db\`):
  a litestream-shaped RegisterDB of a path during an UnregisterDB's slow Close found the file still
  locked and failed;
- another method removes elements of the collection under the same mutex (\`delete(a.handlers,
  id)\`, also through a local given the map: \`rcs := app.rcs; delete(rcs, c)\`, \`s.subs = slices.Delete(…)\`, a re-slice, a filtered copy put in its place: \`b.subs =
  keep\`), or a method of another type reaching the collection through a back-pointer (\`topic :=
  h.topic; topic.mu.Lock(); delete(topic.handlers, h)\` in a handler's \`Cancel\`: libp2p pubsub's event
  handlers): once it returns, the lock promises the element
  is not used again, and a copy taken before could still call a handler after its Unsubscribe
  returned (or tell a queue after it was stopped, or hand a pool's \`Range\` callback a value its
  \`Delete\` has destructed). Emptying it counts too (\`clear(st.pages)\`, \`maps.DeleteFunc(st.pages, …)\`,
  \`st.pages = nil\`, a new \`make\` or literal; not a \`make\` only when it is nil, a lazy init): once a
  sign-out of everyone returns, no page is told anything more, and a copy could still tell one (a
  dex-shaped session store variant). A method that takes the same lock and deletes from the map counts,
  whichever of its paths unlocks, and so does one handing the map, under the lock, to a function of
  the package that deletes from it (\`s := take(h.sessions, id)\`). Replacing an entry whose old
  value is read first and handed on counts too (\`old = t.subs[name]; t.subs[name] = c; return
  old\`): the caller may close the old channel once the method returns, and a send over a copy
  would panic on it (a get-or-create, or an overwrite that only compares the old value, does not).
  A lock taken through a method of the type whose body locks that mutex (\`s.acquireProbesMutex(id)\`
  with \`s.probesMutex.Lock()\` in it, logging around it allowed) is the same lock: a delete after
  it counts (a probe deactivated so had its channel closed under a broadcast sending over a copy).
  So does a removal done by a helper the other method calls under the lock, one level down: a
  method of the type called on the receiver (\`s := r.removeLocked(id)\`, whose body re-slices,
  deletes from or empties \`r.subs\`) or a function of the package handed the receiver
  (\`dropSub(t, id)\`): a dd-trace-go-shaped Unsubscribe closed the removed subscriber's channel after
  unlocking, and a Broadcast sending over a copy panicked on it;
- the elements are values of the receiver's own type (\`children map[string]*MemFSPath\`), each
  with its own lock: a tree, walked down parent before child under each lock, which gives the caller
  the subtree as one snapshot; after a copy, a change made meanwhile could show half-way (kops' in-memory
  file tree);
- the loop writes to each element's stream or connection under a write lock with a method the
  package does not declare (\`s.Send(msg)\`, \`c.WriteMessage(t, b)\`, \`WriteJSON\`): gRPC streams
  and websockets take one writer at a time, and the lock also keeps two writes off one of them
  (a net.Conn's \`Write\`, which takes many, is not counted);
- the elements are pointers (\`map[string]*fqdnEntry\`) whose fields the loop reads
  (\`entry.resolved\`) and the package writes in place (\`entry.resolved = true\`): a copy copies the
  pointers only, and those reads after unlocking would race the writes (antrea's FQDN cache), read
  directly or by a method of the type taking no lock of its own (\`peer.String()\` reading
  \`peer.Version\`: weaveworks mesh's peers); or
  the loop calls a method of the elements' type that writes its receiver's fields taking no lock
  of its own (\`svc.Stop()\`, with \`s.cancel = nil\` in it): the collection's lock kept those calls
  apart, and after unlocking two callers could stop one element at once (LocalAI's StopAll); so
  too one that changes its receiver's state through its fields (\`s.idle.Remove(e)\`,
  \`s.busy.PushFront(c)\` on a container/list, \`s.bw.Write(p)\`/\`Flush()\` on a \`*bufio.Writer\` or
  another type not safe for concurrent use, \`delete(s.m, k)\`, \`s.m[k] = v\`, \`s.n++\`), directly or in
  a method of the receiver it calls: a neo4j-shaped pool's CleanUp pruned each server's idle list
  while Borrow and Return edited it under the lock, and a log fan-out's sinks, written by two Emits
  at once, lost lines; so too, under a write lock, one that calls a writing method (\`Write…\`,
  \`Print…\`, \`Encode…\`, \`Flush\`) on a field of its receiver of an interface or another
  package's type (\`s.w.Write(rec)\`, \`w io.Writer\`): the writer behind it may take no lock of
  its own (a bytes.Buffer handed in), and a cilium/ebpf-shaped perf-record fan-out lost bytes when
  two publishers wrote one sink after unlocking; or
  the loop hands each element to a function value whose code the package does not show (\`f(a)\`,
  \`f func(*Alert)\` a parameter): it may write through the pointer (signoz's rules set each
  alert's last-sent time there), racing the readers that take the lock;
- the loop calls the caller's callback (\`f(key, val)\`, \`f func([]byte, []byte)\` a parameter, or a
  function-typed field of the receiver), whose code is not shown, and it can reach the collection
  without the lock: the field is exported (\`ctx.Values\`), or another method of the type reads it
  taking no lock (\`GetValueNotLocked\`, for callers that hold it). The callback ran under the lock
  and may rely on it: tikv's LockCtx callbacks read Values so while batch goroutines write it under
  the lock, and after unlocking those reads would race. (A callback that could only reach the
  map through locking methods would have deadlocked before: the copy is made.);
- the elements are of a type documented as not safe for concurrent use (\`*bufio.Writer\`, \`*bufio.Reader\`,
  \`*bytes.Buffer\`, \`*strings.Builder\`, \`*tabwriter.Writer\`, \`*csv.Writer\`, \`*json.Encoder\`/\`Decoder\`,
  \`*gob.Encoder\`, gzip's, zlib's and flate's \`*Writer\`, math/rand's \`*Rand\`,
  \`*textproto.Writer\`, gorilla's \`*websocket.Conn\`), as the map's keys or values the loop binds: the
  lock also kept each element's uses apart (Record writes to a user's writer under it), and after
  unlocking the loop's calls (\`w.Flush()\`) would run beside them (a miniflux-shaped audit log lost
  and tore records);
- the elements are of an interface type (\`[]Flusher\`) and another method calls, under the same
  mutex, a method of another of the receiver's interface fields (\`ac.Writer.Write(p)\`): the lock
  serialises work on objects, and an element may be one of them seen through another interface.
  iris' access log holds its writers as Flushers too: flushed after unlocking, they raced its
  writes, and lines were lost or torn;
- the elements are of an interface type (\`map[Exporter]struct{}\`), or another package's type held
  by value or by pointer, whose implementations the package does not show, and another method calls
  a method on elements of the same collection under the same mutex (\`e.ExportView(d)\` in
  reportView): the lock keeps those calls apart, and the loop's call (\`e.Flush()\`) after the unlock
  could run beside them on one element (opencensus' exporters, which buffer without a lock of their
  own, lost rows and raced under -race);
- the loop calls a method of the package on each element that writes the element's fields (\`l.Reset()\`
  setting \`l.records = nil\`, under the element's own lock), and another method reads every element
  of the collection under the same mutex (\`Result\` copying each \`l.records\`): the mutex made the
  loop one step for all of them, and after the unlock that reader could see some changed and others
  not (opentelemetry's log recorder, whose Result saw a half-done Reset);
- under the exclusive lock, the loop calls a method of elements of an interface type of the package
  (\`w.Write(p)\`, \`map[string]PackWriter\`) that the package's types implement writing their
  receiver's fields taking no lock of their own, or, with no implementation shown, a writer's
  method (\`Write…\`) taking no byte slice (not an io.Writer): the lock kept two calls of the method
  off one element, and after unlocking two callers' writes could interleave on it (a livego-shaped
  stream's audio and video Publishes tore a player's FLV tags);
- under the exclusive lock, the loop makes a sequence of calls on one element, or one field of it,
  where a later call completes an earlier one: a write and then a \`Flush\`, \`Commit\`, \`Sync\` or
  \`End…\` (\`c.Write(msg); c.Flush()\`, \`fmt.Fprintf(c, …)\` counting as a write), or \`WriteHeader\`
  and then a \`Write\`; and the element is an interface, another package's type, or a type of the
  package with no mutex field whose called methods take no lock: the lock kept two callers'
  sequences apart on one element, and after unlocking one caller's write could land between
  another's write and its flush (a thrift-shaped server's framed transports merged and tore frames,
  racing under -race);
- another method of the type makes, under the same mutex, the call the loop makes on each element:
  the same method on the same path (\`c.conn.Write(hdr); c.conn.Write(body)\` in reply, on a
  parameter of the element's type, and \`c.conn.Write(frame)\` in the loop), or the same function
  handed such a value at the same place. The lock orders those calls against each other, not only
  guards the collection, and unlocked before the calls, the loop's could land between two of the
  other's on one element (a btcwallet-shaped websocket server split 62 of 200 replies with a
  broadcast frame between header and body). So too when the mutex's comment, or a sentence of its
  type's comment naming it, says it serialises something (\`serialises every write\`, \`one writer
  at a time\`), or says the lock orders something (\`the lock also orders announcements\`, \`in the
  same order\`); so too the method's doc comment, or a comment inside the critical section, whose
  sentence names the lock and says it orders or serialises: two callers' loops, unlocked, could
  interleave, and the elements see them in different orders (a tinode-shaped hub's topics logged
  concurrent announcements in different orders);
- a slice taken under the lock and ranged over after it by a loop that calls out (\`l()\`), whose
  elements another method of the type assigns in place (\`p.changeListeners[id] = nil\`, a removal
  that keeps ids stable; also \`t.subs[topic][id] = nil\` in a map's slices): the loop sees that
  change through the shared array and skips a listener removed by an earlier one, and over a copy
  it would still call it after its RemoveChangeListener returned (a fyne preferences variant: a
  nil-pointer panic). A loop that only reads the elements (\`n += v\`) could see such a write only
  by a race, and is still copied;
- another method of the type takes the same mutex only to wait for whoever holds it: its section
  is empty (\`h.mu.Lock(); h.mu.Unlock()\`) or only sets or tests bool fields the loop's section
  (and the receiver's methods it calls) does not read (\`s.stopped = true\`), calling nothing. Its
  caller relies on no call of the loop running once it returns, and after unlocking before the
  calls it would no longer wait for them (a podman-shaped shutdown \`Stop\` returned while a
  handler still ran, and its caller tore down what the handler used). So too a section under the write lock
  that only tears down fields the loop's section does not read (\`c.debugLog.Close()\`, \`x.Stop()\`,
  \`close(s.ch)\`, setting fields to nil, tested against nil around them): it waits for the loop's
  calls before closing what they use (a resty-shaped client's Close returned while a middleware
  still ran, and its write landed on the closed log). A section that changes a
  counter or any other field is data of its own, and the copy is still made;
- the lock is not released on every path (a return inside an explicitly unlocked loop);
- the loop body or the calls read or write other state of the receiver (it would lose the lock);
- the critical section does more than the loop;
- the section is opened while another mutex of the receiver is held (\`s.shutdownLock\`, then
  \`s.streamLock\`): it is the one named, and releasing it alone would leave the work under the other;
- a return between the lookup and the delete (moving the delete would change the map), or, with
  a deferred unlock, a return before the lookup (\`if r.closed { return }\`): that path left through
  the defer, and without it would keep the lock;
- a collection whose type cannot be copied.
`;
