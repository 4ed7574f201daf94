// The cases ctx-propagate reports without a fix, each with why, for `goconc explain`.
import { chosenWithoutFix } from './docs-without-fix-chosen.js';
import { outlivesWithoutFix } from './docs-without-fix-outlives.js';
import { keptWorkWithoutFix } from './docs-without-fix-kept-work.js';
import { doneWithoutFix } from './docs-without-fix-done.js';

export const withoutFix = `## Reported without a fix
A file that uses the context package only in the \`context.TODO()\`/\`context.Background()\` calls
it would replace, every one of them (the context in scope a field typed in another file):
replaced, the import would be left unused and the file would not compile; goconc adds imports but
does not remove them (operator-lifecycle-manager's requirement status; moby's network database
logs). A call among them left as it is (no context in its scope, or a reason below) keeps the
import in use whichever fixes are applied, and the others are fixed.
A call that may be meant to run without the context in scope (\`context.TODO()\` is also written
on purpose, for work that must not stop with it):
${doneWithoutFix}- it runs after a blocking call (\`s.ListenAndServe()\`, \`s.Serve(…)\`, \`x.Run()\`, \`x.Wait()\`) on what a
  goroutine started before it stops (\`s.Shutdown(…)\`, \`Close\`, \`Stop\`) once \`<-ctx.Done()\`: that call
  returns only with the context over (of-watchdog's last metrics push, after its server stopped);
- it reports the outcome of work given the context: an argument is the error of an earlier call
  given it (or run on something made with it, \`cmd.Wait()\` of \`exec.CommandContext(ctx, …)\`), or
  set from that error one or two assignments back; that outcome is often the context's end, and
  given it the report would fail just then (mimir's querier, leaving the frontend waiting);
- it is deferred: cleanup that runs as the function returns, often because the context ended; so
  too a call in a function literal kept in a variable that the function declaring it defers
  (\`prune = func() { r.Prune(context.Background(), out) }\`, and \`defer func() { prune() }()\`:
  with \`--aggressive\`, skaffold's dev loop, ended by Ctrl-C, would have left its images unpruned);
  and a call named for cleaning up (\`Release\`, \`Delete\`, \`Prune\`, \`Stop\`…);
- it is in a function literal kept to run later (\`revert.Add(func() { … })\`, or a closure handed
  to such a call: \`Add\`, \`Register\`, \`On…\`, \`AfterFunc\`, \`Cleanup\`, or a call on a value
  named \`revert\`, \`undo\`, \`rollback\`, \`cleanup\`): a revert runs once the work failed, often
  because the context ended, and given it would fail at once (lxd's storage reverts, with their
  errors dropped, left the database and the disk out of step);
- it is in a function literal handed to a call that registers it to run later, on each change or
  event (\`Subscribe…\`, \`On…\`, \`Register…\`, \`Add…Handler\`/\`Listener\`/\`Hook\`/\`Callback\`,
  \`Set…Handler\`/\`Callback\`/\`Hook\`, \`Watch…\`, \`Notify…\`, \`Handle\`, \`HandleFunc\`), and the
  context in scope is a parameter or local of the function around the registration, not the
  literal's own: the literal runs long after that function, whose context may be done by then
  (with \`--aggressive\`, benthos' studio pull runner, its config-change callback given
  bootstrapConfigReader's ctx, stopped the old stream with a done context on each reset); or to
  run at exit: \`AtExit\`, \`Listen\` (a literal handed to it is no address), or any call handed a
  literal taking an \`os.Signal\` (with \`--aggressive\`, fabio's \`exit.Listen(func(sig os.Signal) {
  …WithdrawRoutes(…) })\`, given Start's context, done by exit, left its BGP routes announced);
- the function around it, given the context as a parameter, stops or shuts something down
  (\`Stop\`, \`Shutdown\`, \`Close\`, \`Teardown\`, \`Drain\`…): its context bounds the wait for what it
  stops and may be done already (a forced stop), while its work on the way is meant to finish
  (lxd's \`Daemon.Stop\` clearing stale operations);
- the call ends a transaction: in a function named for it (\`Commit\`, \`CommitContext\`,
  \`Rollback\`, \`RollbackTx\`…), or given a COMMIT or ROLLBACK statement
  (\`tx.ExecContext(context.Background(), "COMMIT")\`): the empty context keeps the transaction's
  end from being cut short; a COMMIT cancelled half-way loses the work the transaction did (with
  \`--aggressive\`, go-pg's \`CommitContext\`, given the caller's ctx, lost the commit to its deadline);
- a function around it sets the context's end aside before it (\`ctxErr := ctx.Err()\`, a statement
  of its own) and goes on: what follows is meant to run once the context is done (lxd's heartbeat
  round saves the members it reached);
- the call's failure is handled only as a sentinel (\`if err := l.TryLock(…); err != nil { if
  errors.Is(err, ErrLockNotAcquired) { … } }\`), and any other failure goes on as a success: given
  the context, its end would be such a failure (with \`--aggressive\`, sealos' debt reconciler would
  have started beside the lock's holder once its context was cancelled);
- it is given to a call named for handing work off to run on its own (\`Offer\`, \`Enqueue\`,
  \`Submit\`, \`Schedule\`, \`Dispatch\`, \`Go\`, \`…Async\`, any method of a goroutine launcher such as
  \`api.GoRoutines.Exec\`: cds' handlers' imports, cut off once they answered): the work keeps the context it is given,
  and the one in scope may end long before it does (with \`--aggressive\`, knative's activator probe,
  offered with a reconcile's context, failed every probe once the reconcile returned; Google's auth
  library refreshed its token with a context that could time out first);
- it is given to a call that runs a process (\`exec.CommandContext\`, \`RunCommand\`, \`StartProcess\`,
  a wrapper \`NewCmd\`: with \`--aggressive\`, cds' local workers were killed once spawned):
  given the context, the process would be killed half-way once it ends (lxd's \`forkstart\`, killed
  during a shutdown while an instance started); not one given a document for a command
  (\`db.RunCommand(ctx, bson.D{…})\`: a database's command);
- the context in scope is a receiver's field and the call's function, or one calling it on the way
  from a method \`Remove\`, \`OnRemove\`, \`Finalize\`, \`Cleanup\`…, says clean-up by its name (\`Remove\` →
  \`cleanupImportedCluster\` → \`createCleanupJob\`): work meant to finish, cut short at shutdown
  (rancher's cluster clean-up job, never created while the removal went on);
- the failure of the call it is given to ends the process: \`if err != nil { log.Fatal(…) }\`
  (\`Fatalf\`, a logger's \`Fatal\`, \`os.Exit\`, \`panic\`; a test's \`t.Fatal\` does not count) right
  after it, or on its own \`if err := …; err != nil\`: given the context, the call would fail once
  it ends at shutdown, and a clean stop would become a crash (contour's ingress-status writer);
- the context in scope is a receiver's field the package sets again under a lock (\`c.ctx, c.cancel
  = context.WithCancel(…)\` after \`c.mu.Lock()\` in \`Connect\`), and the call's function takes no lock
  before it: read there, a reconnect at the same time would race on it (with \`--aggressive\`,
  sing-box's command client, its one-shot calls given \`c.ctx\`, raced under \`-race\`);
- the context in scope is a receiver's field that a function building the value (its tests' too) leaves out
  (\`k := &kafka{tokenURL: url}\`) and never sets before calling this method on it
  (\`k.newKafkaConfig()\`): the field is nil there, and a call given a nil context panics (nuclio's
  Kafka trigger, whose OAuth token source would have kept the nil context of a trigger not yet
  started); so too one the function itself sets only after the call (\`s.client, err =
  NewClient(context.TODO(), …)\`, then \`s.ctx, s.cancel = context.WithCancel(…)\`): nil there on a
  fresh value, or the last one, cancelled (tiflow's etcd tester panicked; moby's networkdb cluster
  init would have logged with a nil context); or one the package uses only once tested not nil
  (\`if c.driver.context != nil { ctx = c.driver.context }\`): an option left unset leaves it nil
  (go-dqlite's driver, its context set only by a deprecated option, panicked in \`Open\`); or one
  the package sets only in methods of its type (\`svr.ctx = ctx\` in \`Run\`), never where a value is
  made (a composite literal's key, or a function or method returning the type), read by another
  exported method of the exported type: a caller may run that method on a value never run, and
  the nil context panics (with \`--aggressive\`, frp's \`HandleQUICListener\` on a \`Service{}\`);
- an earlier write of the function is given \`context.Background()\` though the context is there
  (\`mailbox.Write(context.Background(), msg)\`, then \`queueDSN(context.TODO(), rcpt)\`): the function
  cut that sequence loose on purpose, and given the context the later call could be cut off after
  the write (mox's bounce, skipped at shutdown once the delivery was stored);
- the call's failure is only reported, its branch going on (no return, continue, break, exit), and
  a result of the call is used after it (\`s, err := Get(context.TODO(), name)\`, \`if err != nil {
  log(…) }\`, then \`s.Name\`): clients hand back an empty value with their error, and given the
  context a call cut off by its end would hand that on (nginx's ingress controller, stopping,
  posted rejected-secret events and reloaded without its CRL);
- the call's failure is retried: its failure branch ends with \`continue\` in a loop that never
  checks the context (\`for time.Now().Before(timeout) { …; if err != nil { time.Sleep(d); continue }
  }\`): given the context, once it is done every attempt would fail at once and the loop spin
  until its own limit (nuclio's kaniko job poll, with \`--aggressive\`: a cancelled build waited
  out its timeout, then reported it timed out); or with \`return false, nil\` in the condition of a
  poll not given the context (\`wait.PollImmediate(5*time.Second, 5*time.Minute, func() (bool,
  error) { … })\`: velero's wait for its pods would have spun to its timeout, then reported it); a
  range whose item the call is given (\`for _, k := range keys { v, err := c.Get(…, k); if err != nil
  { …; continue } }\`) moves on to the next item, and is no retry;
- the call's error, later in the function (\`if statusErr != nil { … }\`), leads to a call that
  records the failure as a lasting state (\`o.DeactivateSite(reason)\`, \`Set…Status\`,
  \`Update…Condition\`, \`Mark…Failed\`, an event emitted), with no test for the context's end
  (\`context.Canceled\`, \`ctx.Err()\`): given the context, a call cut off as its caller goes away
  would be recorded as a failure (gravity's health check marked a healthy cluster degraded);
- in a callback given the context (a poll's condition), the call's failure is kept in a variable
  or parameter of the function around it (\`lastError = err\`), or its result is (\`res, err = c.Get(…)\`), reported
  once the attempts give up: an attempt cut off at the deadline would replace that failure or result
  with the context's end (openyurt's RBAC helpers; antctl's traceflow printed an empty result);
- it is given to a call named for cleaning up (\`ref.Release(context.TODO())\`,
  \`releaseContainer\`, \`Cleanup\`, \`Delete\`, \`Remove\`, \`Unlock\`, \`Kill\`, \`Stop\` (pd's dashboard, stopped
  once its manager's context was done), \`Shutdown\` (a graceful stop: with
  \`--aggressive\`, oauth2-proxy's server would have cut its requests in flight), or ending with one:
  skaffold's \`ForceJobDelete\` after a job's watch failed on a timeout; cds' \`WorkerUnregister\`,
  signing its worker out after a stop had cancelled the context), or taking back what was announced
  or granted (\`Withdraw…\`, \`Revoke…\`, \`Unannounce…\`, \`Unadvertise…\`: fabio's BGP routes, withdrawn
  at exit with a context done by then, stayed announced), or given to the function such a
  call returns (\`info.stopContainer()(context.TODO())\`, \`newCleanup(id)(…)\`: nektos/act's
  executor, which would have left a cancelled job's container behind), or a client's call handed
  a redis deletion (\`c.client.Do(ctx, c.client.B().Del().Key(id).Build())\`, \`Do(ctx, "DEL", id)\`:
  with \`--aggressive\`, rueidis' cache-aside left its marker key when a reset met Close), or a call whose comment,
  on its line or right above its statement, says it cleans up (\`// the client who held the lock
  has gone, release the lock.\` above \`delkey.Exec(context.Background(), …)\`, \`clean up\`,
  \`unlock\`, \`tear down\`, \`remove the lock\`: with \`--aggressive\`, valkey-go's cache-aside Get,
  given the caller's context past its deadline, never released a dead client's lock and spun on
  its retry until the lock expired): cleanup is meant to
  run even once the context is done (a cancelled build still releases its leases), and given it
  would fail at once then; so too a clean-up (also \`close…\`, \`Rollback\`, \`Abort\`, or a name ending with one:
  \`TxRollback\`, neo4j's explicit rollback after its work failed) in the failure
  branch of a call given the context (\`if err := cn.send(ctx, …); err != nil { _ =
  cn.closeStmt(context.TODO(), name) }\`, the error by any name: \`werr\`), or in a branch of
  any test of that error (\`err := r.doRun(ctx)\`, then \`if IsTerminatedError(err) { … } else {
  r.task.Close(…) }\`: tiflow's event loop), whose failure may be the context's end; and any call
  in the branch for that failure, the error set in an \`if\` before it too (\`if val, err = fn(ctx,
  key); err == nil { … }\`, then \`if err != nil { delkey.Exec(context.Background(), …) }\`:
  valkey-go's cache-aside, given \`ctx\`, left its lock held for the cache's TTL), or past an \`if err
  == nil { return … }\` of it in the same block (go-systemd's reset-failed after a failed start), or in the description an assertion builds once it fails (\`Expect(Backup(ctx, …)).To(Succeed(), func() string { RunDebug(context.Background(), …); … })\`: velero's e2e tests, whose debug bundle after a backup past the deadline was lost); and any call in a
  helper of the package whose every call (one at least) is in such a branch, handed that context
  (\`if err != nil { p.writeException(ctx, oprot, "add", err); return err }\`, its \`WriteException\`
  and \`Flush\` given \`context.TODO()\`: a variant of thrift's processor);
- it is given to a clean-up (as above, or \`Close\`, \`Rollback\`, \`Abort\`: \`db.Close(context.Background())\`)
  and the context in scope is a receiver's field whose cancel, a field beside it, a method of the
  type named for stopping calls (\`s.cancel()\` in \`Store.Close\`): the clean-up is meant to run
  however the work around it ends, and given the field it would fail at once exactly when the
  value shuts down (with \`--aggressive\`, litestream's \`Store.RegisterDB\`, closing a duplicate
  database as the store stopped, would have skipped its final sync);
- it is the parent of a context with an end of its own (\`closeCtx, closeCancel :=
  context.WithTimeout(context.TODO(), time.Second)\`, also \`WithCancel\`, \`WithDeadline\`) that the
  function then gives to a clean-up (as above, or \`Close\`, \`Resign\`, \`Rollback\`, \`Abort\`:
  \`er.election.Close(closeCtx)\`): bounded by its own end only, the clean-up still runs once the
  context in scope is done, after a loop that ends with it, and given it would fail at once then
  (trillian's election runner, closing its election after its loop, would never have resigned);
- it is given to a clean-up named for closing, resigning, rolling back or aborting
  (\`er.election.Close(context.TODO())\`) after a \`for {\` left only by breaks in the failure branch
  of a call given the context (\`if err := er.beMaster(ctx, pending); err != nil { …; break }\`): the
  loop ends, in practice, once the context is done, and given it the clean-up would fail at once
  then (trillian's election runner would never have resigned);
- its failure is checked (\`list, err := c.List(context.TODO(), ns)\`) before a call of the function
  that cleans up, itself left with its own context (\`c.Delete(context.TODO(), name)\`): given the
  context in scope it would fail once that is done, and the cleanup never be reached (harvester's
  namespace finalizer lists the clusters it then deletes);
- the context is a parameter the function uses only to link spans (every use reads its span,
  \`trace.SpanFromContext(parentCtx)\`, \`trace.LinkFromContext(parentCtx)\`, and the function links
  them: \`AddLink\`, \`WithLinks\`): it starts its work from an empty context on purpose, a trace of
  its own linked back to the caller's, and given the context that work would end with the
  caller's (openfga's cache invalidation, started from a Check, was cut short with every one);
- the call it is given to is given the context as well (\`CopyContextValues(context.TODO(), ctx)\`):
  the fresh context is a base chosen apart from it, and would end with it;
- the package's function it is given to only reads values from it (\`ctx.Value(orcKey)\`, or tests
  it for nil to fall back on a default: rclone's GetConfig; never its end, nor handed on): the context chooses, it does not cancel, and given the one in scope the
  call would read that one's values and may choose differently (tilt's docker client, given a
  context tagged with an orchestrator, asked the local daemon instead of the cluster's), or an
  accessor of any package named for reading a value from a context (\`trace.SpanFromContext(
  context.Background())\`: with \`--aggressive\`, tekton's reconcilers, given ctx, took their
  caller's span for the noop one and ended it);
- it is given to a write (\`Update\`, \`Patch\`, \`Create\`, \`Put\`…) after the function changed
  another system with no context (\`um.CreateOperatorUser(pass)\`, \`r.updateProxyUser(…)\`): that
  change cannot be cut short, and the write records it; given the context in scope, a cancel in
  between would keep the change and lose its record (percona's operator kept a generated MySQL
  password only in the Secret it then failed to update, and was locked out for good); or after an
  earlier change made with a context (\`InsertInfra(context.TODO(), …)\`, then
  \`UpdateEnvironment(context.TODO(), …)\`, \`UpsertExperimentToGit(ctx, …)\` then
  \`ProcessExperimentCreation(context.TODO(), …)\`): with no transaction between them, the empty
  context lets the sequence finish once started, and a cancel in between would leave the first
  change without the second (litmus' infra registration and removal, and its experiments pushed
  to git but never stored; a deletion counts as a change too: \`DeleteCollection(ctx, …)\`, then
  the finalizer's removal by \`Update(context.TODO(), …)\`, clusternet's recycling); the first of
  such writes is still fixed, unless a loop repeats it (rancher's plans, deactivated one per pass, left half done); so too the reads and writes of a closure a retry helper runs in place
  to record an earlier change of the function around it (\`r.Impl.Apply(context.TODO(), obj)\`, then
  \`retry.RetryOnConflict(backoff, func() error { Get(context.TODO(), …); …; return
  Update(context.TODO(), obj) })\`: chaos-mesh's records, given the reconcile's context, were left
  saying not injected after a shutdown in between);
- the context is a receiver field named for a purpose of its own (\`ar.shutdownDelayCtx\`,
  \`lbf.callCtx\` kept for tracing), not \`ctx\` or \`context\`: cancelled for that purpose, it
  would stop the call too;
- it is under \`if ctx == nil\` (or a test of a local copy of it: \`ctx := s.origCtx\`);
- it is in a case of a select that stops on the context in another case (\`case <-ctx.Done():
  return\` … \`case <-ticker.C: lock.Refresh(context.TODO())\`): once that case runs, its work may be
  meant to finish, and given the context it could stop half-way (a lock refresh leaving its new
  lock file behind). The same after such a select in a loop's body, once a case took work
  (\`select { case <-ctx.Done(): return; case job = <-c: }\`, then \`w.refresh(context.TODO(), job)\`):
  a worker pool whose shutdown cancels the context and waits for the jobs in flight would have
  had them cut off. So too in a method whose context is its receiver's, called by the package in
  such work (\`case <-ticker.C: np.push(buf)\` beside \`case <-np.ctx.Done(): return\`) or where
  that context is done (after \`np.cancel()\`, in the done case): lindb's metrics pusher, given
  \`np.ctx\`, lost the batch in flight at every shutdown. A deferred call counts as after a cancel
  the function writes after its defer, or defers later (deferred calls run after every other
  statement, last to first): \`defer c.onInvalidation(nil)\` then \`c.cancel()\` in Close (with
  \`--aggressive\`, valkey-go's client-side cache, given \`c.ctx\`, left its marker key behind);
- it is in a function literal, taking no parameters, handed to a singleflight-style call after
  its key (\`sf.DoChan(key, func() (interface{}, error) { … })\`, \`Do\`, \`DoEx\`, a batcher's
  \`BatchFor(ctx, key, …)\` or a cache's \`Compute(key, …)\`, the literal as it is or converted to a
  function type, or a closure kept in a local and handed so): the work runs once for every caller
  that joins the same key, and given one caller's context, that caller's cancellation would fail
  it for all of them, callers whose own context is alive (tikv's collapsed region requests got
  \`context canceled\`; with \`--aggressive\`, lakeFS' batched ref reads); so too a call in a function
  whose context parameter such a literal hands it (\`Compute(name, func() (any, error) { return
  t.download(ctx, name) })\`: lakeFS' tiered downloads);
- its function's context is a parameter, and every call of the function in the package, one at
  least, is the call of a defer statement (\`defer e.runDeferred(ctx, t, i)\`) or a call inside a
  deferred function literal (\`defer func() { e.cleanUp(ctx) }()\`): it runs as its
  caller unwinds, often once the context is done (a cancelled task's clean-up), and given the
  context it would fail there (go-task's deferred commands, skipped once their task was cancelled);
- its function's context is a parameter, and a call of the function in the package, one at least,
  runs in a goroutine its caller starts and does not wait for (\`go func() {
  EndTranscodingSession(ctx, sess) }()\`, \`go release(ctx, sess)\`), handed the caller's own
  context (its parameter, or a local \`ctx := r.Context()\`), and the goroutine does not stop with it
  already: that context may be done by the time the call runs (a request's ends once the handler
  answers), and given it, the work the goroutine was started to finish would fail (with
  \`--aggressive\`, go-livepeer's tear-down of unused sessions, \`context canceled\` once the
  segment's request was answered);
- it is in a function literal, taking no parameters, handed to a sync.Once's \`Do\` (a field or
  variable typed \`sync.Once\`, or named \`…Once\` when its type is unknown; not a Once made in the
  function itself): the work runs once and its result is kept for every later caller, and given
  the first caller's context, its cancellation would leave \`context canceled\` stored for all
  (go-task's git root, \`c.gitOnce.Do(func() { … gitTopLevel(context.TODO(), c.Dir) })\`);
- it is in a function literal that is returned or stored in a field (a shutdown closure), or
  given to a call whose result is (\`y.clean = utils.NewThrottle2(time.Minute, func() {…})\`: alist's
  delayed cleanups failed with \`Init\`'s context): it may run after the context is done;
- a \`context.TODO()\` (or, with \`--aggressive\`, a \`context.Background()\`) given to a goroutine
  nothing waits for, whose code does not use the context otherwise (\`go func() { for { s, err :=
  conn.AcceptUniStream(context.Background()) … } }()\` in a dial, \`go g.applyResource(context.TODO(),
  ur)\` in an admission webhook, a closure kept in a local and started with \`go announceFunc()\`, or
  a literal handed the context as a parameter it leaves unused, \`go func(ctx context.Context, id
  string) {…}(ctx, id)\`: Dragonfly's import and seed-peer downloads): it may be meant to outlive the
  context, a watcher, or work done after a request is answered (kyverno's reports), and would stop with it.
  A context handed to a logger only (\`logger.Infof(ctx, …)\`) is no use of it: flyteadmin's cloud
  events, published after the request returned, were all lost with the request's context. Nor is
  a context of the goroutine's own by that name, a parameter of its literal or declared first in
  it (\`go func(ctx context.Context, sid string) {…}(context.TODO(), sid)\`, \`ctx, cancel :=
  context.WithTimeout(context.TODO(), d)\`): a session revoked that way after a logout would have
  been cut off as the handler answered;
- a call in a go func literal (or one a group starts, \`wg.Go(func() {…})\`) the function starts
  and does not wait for (nor waits on \`<-ctx.Done()\` after; a Wait on a group each goroutine only
  tells it started does not count), where the context in scope is the function's parameter, even one the
  goroutine uses otherwise: the goroutine runs on after the function returns, and the parameter
  (a request's) may end as it returns (gvisor's shim: \`go func() { status, err :=
  p.runtime.Wait(context.Background(), p.id) … }()\` in \`Init.start\`, given the Start request's
  context, killed \`runsc wait\` and then every container right after it started); so too a call
  in a function literal held in a local (\`metricTTL := func(t string) {…}\`, \`var f = func…\`) that
  the function only ever starts, unwaited, with \`go metricTTL(t)\` (with \`--aggressive\`, signoz's
  SetTTLMetrics, whose ALTERs would have been cut off once it answered);
- a call whose result (not an error, nor a context made with \`context.With…\`) is used by a
  goroutine the function starts after it and does not wait for: what it opens may be tied to the
  context it is given, and given the one in scope it could end while that goroutine still uses it
  (gvisor's shim: \`f, err := fifo.OpenFifo(context.Background(), stdin, …)\`, then \`go func() {
  io.CopyBuffer(rio.Stdin(), f, *p) … }()\`: containerd closes the fifo when its context ends); a
  \`Wait\` on a group the goroutine tells only that it started, \`cwg.Done()\` as its first
  statement, does not wait for it (containerd's shim console copy);
- a call wrapped (through any depth of calls) into a local that is then handed to a goroutine the
  function starts and does not wait for, as an argument or captured by its literal (\`deleteRelatedCtx :=
  sac.WithAllAccess(context.Background())\`, then \`go ds.postRemoveCluster(deleteRelatedCtx, …)\`): given
  the context in scope, the local would end with it as the function returns (stackrox's RemoveCluster
  left the removed cluster's data in every store);
- the only context in scope is a local made with a cancel or deadline of its own
  (\`ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)\` for one wait, then
  \`Cleanup(context.TODO(), c)\`, which must not stop with it);
- the call makes what the function returns, a constructor or a connection (\`api, closer, err :=
  NewWorkerRPCV0(context.TODO(), url, headers)\` … \`return &remoteWorker{api, closer}, nil\`): it
  lives as long as what holds it, and given the request's context it would end with the request
  (lotus' remote workers failed every call after they connected), or keeps in a field (\`client,
  err := connect(context.Background(), e.opts)\`, then \`e.client = client\`: mongodb_exporter's
  shared client, built by a scrape, would have been cut off at each scrape's deadline);
- a result of the call (any call), held in a local, is returned as it is (\`tx, err :=
  c.db.BeginTx(context.Background(), nil)\` … \`return tx, nil\`, or a named result the call sets,
  returned by a bare \`return\`) where the function's result there has a type named for what lives
  on its context (\`*sql.Tx\`, \`*sql.Rows\`, a \`…Stmt\`, \`…Request\`, \`…Stream\`, \`…Iterator\`,
  \`…Cursor\`, \`…Watcher\`, \`…Subscription\`): the caller uses it after the function returns, and
  given the context in scope it would end with it (with \`--aggressive\`, sqlc-style seed
  transactions, committed once an errgroup's context had ended, all failed to commit); a value
  returned as it is (\`n, err := c.countRows(context.TODO())\`, an \`int\`) is no such result;
- a result of the call (any call), or something made from it, is kept in a field of the method's
  receiver later in the function (\`res, err := h.client.SendToResponse(context.Background(), …)\`,
  then \`h.codec = bufio.NewScanner(res.Body)\`; the result itself, its \`Body\`, \`Stream\`,
  \`Conn\` or \`Reader\`, or a \`New…\`/\`Wrap…\`/\`Create…\`/\`Make…\`/\`Build…\` constructor given it:
  \`h.codec, err = h.codecCtor.Create(res.Body, …)\` too), where the context in scope is
  not the receiver's field: what it streams is read after the call returns, and given the context
  in scope it would end with it (with \`--aggressive\`, benthos' streaming http_client input, given
  a Connect context that ends with connecting, read one event of five); values read from it at
  once (\`h.total = res.Total\`, \`h.items = parse(res)\`) are no such use;
- the function called, declared in the package or in another of the module (dgraph's online restore), keeps the context it is given past its return
  (not when the context in scope is the receiver's field): it starts a goroutine with it that
  nothing waits for (\`go r.handleIterEvents(ctx, …)\`, or a go func literal using it), or stores
  it in a field of the receiver or of what it returns (\`r.ctx = ctx\`, \`ctx: ctx\`, or a context
  made from it), itself or in a function of the package it hands it to: given the context in
  scope, that work would end with it (with \`--aggressive\`, xk6-browser's browser registry, built
  with the VU's init context, stopped launching browsers once the init stage ended);
- the function called is a method named for starting something that runs on (\`Start\`,
  \`StartServer\`, \`Serve\`, \`Listen…\`, \`Launch\`, \`Spawn\`, \`Watch…\`, \`Run\`), or for starting it
  again (\`Restart…\`, \`Relaunch\`: merlin's listener, restarted by an RPC given the request's
  context, stopped serving once the RPC returned) of which the package
  declares no function or method by that name, so goconc cannot see its body (not when the context in scope is the receiver's
  field): the context it is given commonly bounds the life of what it starts, and given the
  context in scope it would end with it (with \`--aggressive\`, btcwallet's neutrino chain service,
  started by a function whose context bounds only its start-up, stopped as start-up ended); so too a hook's or observer's method (\`Observe…\`, \`On…\`) the package does not declare given \`context.Background()\`, the user's code, which may keep the context for work after the call (gocql's frame observer: frames exported later were dropped);
- the function called (of the package) sends the context over a channel (\`m.jobs <- job{ctx: ctx}\`,
  or a local made so) with no receive, select or \`Wait()\` after, or keeps it in its receiver (\`m.byAddr[k] =
  ctx\`, appended, a field set to a literal holding it): the worker runs on after the call and would stop
  with the context in scope (ledisdb's replication would have stopped as SLAVEOF was answered);
- a caller in the package hands the function's context parameter a context done at that call (in
  \`case <-ctx.Done():\`, after \`<-ctx.Done()\` or its \`cancel()\`): given that parameter, the call
  would fail at once there (ledisdb's last snapshot, saved as its server stopped); so too from a
  function literal given a context captured from around it, done there (\`returnOnce.Do(func() {
  cmd.errorWithFallback(ctx, ctx.Err()) })\` in GoC's \`case <-ctx.Done():\`: with \`--aggressive\`,
  hystrix-go's fallback, given the caller's context, failed with \`context canceled\`);
- the context in scope is the receiver's field (\`db.ctx\`), and a call of the method in the package
  runs where that field of the same value is done: through a local made from it (\`ctx := db.ctx\`,
  \`ctx := db.Context()\`), or a context parameter that callers on the same value hand the field,
  up to three calls up (\`case <-ctx.Done(): db.cancelRequest(…)\` in withConn, run by \`Exec\` with
  \`db.ctx\`): given the field, the call would fail at once there (go-pg's cancel request, dialled
  with the query's own context, was never sent);
${outlivesWithoutFix}${keptWorkWithoutFix}${chosenWithoutFix}`;
