import { withoutFix } from './docs-without-fix.js';

export const docs = `# ctx-propagate

\`context.TODO()\` marks a call that should have been given a context. Where the function already
has one in scope, the TODO cuts the call off from it: cancelling the request, or its deadline
passing, does not stop the work underneath, which keeps running (and holding connections) for
a caller that is gone.

## Before

\`\`\`go
func (h *Handler) Pods(ctx context.Context, ns string) (*PodList, error) {
	return h.client.List(context.TODO(), ns)
}
\`\`\`

## After

\`\`\`go
func (h *Handler) Pods(ctx context.Context, ns string) (*PodList, error) {
	return h.client.List(ctx, ns)
}
\`\`\`

The context used is the innermost in scope: a local one made by \`context.With*\` or taken from a
request or a test (\`ctx := r.Context()\` with \`r *http.Request\`, \`ctx := t.Context()\`), a \`ctx\`
parameter (also of an enclosing function a closure captures it from), or the receiver's
context field. A local made with a cancel or deadline of its own (\`WithCancel\`,
\`WithTimeout\`, \`WithDeadline\`) is made for the calls given it, and is passed over for an
outer context when there is one. A parameter given a context made from it in the function's own
body (\`ctx, span := tracer.Start(ctx, "op")\`: the \`:=\` assigns the parameter) is still that
parameter, and innermost. A parameter declared again in an inner block (of a type the call
returns, which goconc cannot see), or given a context not made from it (\`ctx, cancel :=
newContext()\`), is the innermost context all the same: no fix then uses an outer one, such as the
receiver's field. Done channels are not contexts and are never used here.

## context.Background()
\`context.Background()\` passed straight to a call while a context is in scope is reported
(severity info) without a fix: it is often deliberate — work meant to outlive the request.
\`--aggressive\` (option \`aggressive\`) replaces it too, but not as the parent of a new root
(\`context.WithTimeout(context.Background(), d)\`, a group's \`errgroup.WithContext(context.Background())\`
whose workers the function stops itself (dcrd's mixing client, finishing its mixes), or through a call making a context of it first:
\`context.WithTimeout(common.WithLogger(context.Background(), l), time.Minute)\`, or two: act's post
steps, given a fresh five minutes once the job was cancelled, or through a local
it is kept in, \`detached := trace.ContextWithSpan(context.Background(), span)\` then
\`context.WithCancelCause(detached)\`: spicedb's branch contexts), or the base of a trace span
linked back to the parent's (\`tracer.Start(context.Background(), name,
trace.WithLinks(trace.LinkFromContext(ctx)))\`: openfga's cache invalidation, detached from the
request that triggers it), or the context a function returns (\`return
docker.WithScope(context.Background(), scope)\` in a \`func(…) context.Context\`: soci's auth
retries, meant to start afresh): a root of its own, for a flush or a shutdown, or work detached on
purpose, meant to outlive the context in scope; nor as the base of profiler labels
(\`pprof.WithLabels(context.Background(), …)\`, \`pprof.Do\`), which carries labels, not
cancellation; nor in a test file, where a bare context (no deadline, no values)
may be what the test checks (twirp's test of a response header set without the handler's
ResponseWriter, which the handler's context would carry); nor given to a write (\`Create\`,
\`Update\`, \`Put\`, \`Save\`, \`Insert\`, a server-side copy refreshing a blob's age, \`ComposeObject\`, a
commit, \`PublishTransaction\` (dcrd's signed coinjoin, published after a jitter sleep), a state set
or marked, \`JobSetStateIfRunningMany\` (river's completer records a cancelled job's end with its
context done), a revocation, \`RevokeRefreshToken\` (fosite's reuse detection), an acknowledgement,
\`msg.AckSync\` (a work queue's message, redelivered when its ack failed, done twice), a sorted
set's \`ZAdd\`, a batch's \`ExecAll\`, a \`Truncate…\`, a message posted, \`PostMessageContext\`
(a bot's answer, posted with \`context.Background()\` so that it goes out after Slack hung up), or a call running a statement (\`Exec\`,
\`SQLExec\`, \`ExecContext\`…) whose SQL, a string literal or a constant of the package, starts with
\`INSERT\`, \`UPDATE\`, \`DELETE\`, \`UPSERT\`, \`REPLACE\`, \`MERGE\` or \`TRUNCATE\` (immudb's login audit,
\`SQLExec(context.Background(), "INSERT INTO login_audit …")\`, went unwritten given the session's
context once the client hung up), or a call whose result writes (\`p.GetConnection(context.Background()).Create(n)\`:
ory/kratos' test network, joined to the caller's transaction given its context)…:
\`l.client.Create(context.Background(), record)\`), which it
keeps going whatever becomes of the request, as a record meant to outlive it needs (kubesphere's
failed-login records, counted to lock an account, went unwritten when the client hung up); nor in
a function named for publishing or queueing (\`RPush(context.Background(), …)\` in \`Publish\`:
machinery's redis broker, which had stored the task as pending, lost it once its caller's context
was done); nor in
a function the package only ever starts as a goroutine nothing waits for (\`go
m.emitScheduledWorkflowMetrics(ctx, …)\`, its only call): it runs on after its callers return
(flyteadmin's metrics lookups, run once the request had ended); that one holds for a
\`context.TODO()\` too, in the default mode (a background write started with \`go
s.recordActivity(ctx, id)\`, given the request's context, would fail once the handler answered);
a call that is a statement of a go func literal nothing waits for counts as such a start (\`go
func() { c.findChangesAndInvalidateIfNecessary(ctx, storeID); c.inflight.Delete(storeID) }()\`:
openfga's cache invalidation, given the Check's context, was cut short with every request).

## Left alone
- functions with no context in scope (goconc never invents one), nor one named as unused and never
  read (\`func New(_ctx context.Context, …)\`: its callers may hand it anything, nil included, as
  coredns' azure plugin's could);
- \`context.Background()\` stored in a variable or a field; in a test file (a bare context may be what
  the test checks); as the parent of the receiver's context field the statement sets
  (\`s.ctx, s.cancel = context.WithCancel(context.Background())\`: how that context is made); and
  where the field in scope is named for a purpose of its own (\`s.tenantCtx\`);
- \`context.TODO()\` or \`context.Background()\` compared against (\`if ctx != context.TODO()\`,
  a \`case\` of a switch): a marker, not a context handed to work; replaced, the test would read
  \`ctx != ctx\` (ceph-csi logs commands only for a caller that gave a real context);
- reported without a fix: a call in a statement that makes the very context it would use again
  with \`=\` (\`ctx, cancel = context.WithCancel(context.TODO())\`), where that context is a local
  or a field, or the statement is in a loop: each new context would be built on the last,
  cancelled by then (a retry's fresh context), and a field set for the first time would be
  built on nil. \`ctx, cancel := …\` in a block of its own declares a new \`ctx\` and is fixed,
  unless the function then puts it in the field (\`ctx, cancel := context.WithCancel(context.TODO())\`,
  then \`r.ctx = ctx\` in a \`Stop\` that has just cancelled \`r.ctx\`: argo-rollouts' informers). A
  field set through the struct that embeds it counts as the same (\`s.Common.Context =
  context.TODO()\` with \`s.Context\` in scope: the fix would assign the field to itself, still nil).
  The same for a parameter set to the call itself (\`ctx = context.TODO() // no cancellation
  allowed past this point\`): the rest of the function is cut loose from it on purpose, and the
  fix would read \`ctx = ctx\`, which go vet reports (dagger's lease migration);

${withoutFix}`;
