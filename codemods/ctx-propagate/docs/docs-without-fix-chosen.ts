// The cases ctx-propagate reports without a fix where the empty context looks chosen: a context of
// its own told apart, values carried, a doc comment or comment saying why, the context replaced.
export const chosenWithoutFix = `- it is the parent of a context the function makes that a select tells apart from the one in
  scope (\`handshakeCtx, cancel := context.WithCancel(context.TODO())\`, then \`case
  <-handshakeCtx.Done(): … case <-ctx.Done(): conn.Close()\`): made from it, both would be done
  at once when it ends, and the select would take either at random (ch-go's handshake watchdog
  left a read blocked on a silent server);
- the context is a local made from a new root to carry values (\`withHeader :=
  context.WithValue(context.Background(), k, v)\`) for the calls given it: a call given
  \`context.TODO()\` beside them is meant not to see them (weaviate's tests of a client's default
  URL, next to the same call given a header);
- the doc comment of the function called (declared in the package) names \`context.Background()\`
  as a choice its callers make (\`To disable preemption, pass context.Background()\`), or the call
  is named for taking a lock or a slot (\`e.lockScanLock(…)\`, \`p.acquireSlot(…)\`) and is a
  statement of its own, its result dropped: given the context in scope it could give up once that
  is done, and the function would go on as if it held the lock, then release it (with
  \`--aggressive\`, mutagen's scan lock let two goroutines in, or hung its unlock for good);
- the call given the empty context, or a context made from it (\`ctx, cancel :=
  context.WithCancel(context.TODO())\`, then \`cands.send(ctx, …)\`), drops its error (a statement
  of its own, or assigned to \`_\`) and returns one: a function or method of the package declared
  so, or a function-typed field or variable typed so (\`send func(…) error\`): given the context
  in scope it returns early once that is done, and the function goes on as if it had run to the
  end (perkeep's search query returned 255 of 5000 results as a success past the request's
  deadline); or the call is a gate of any package (\`Wait\`, \`WaitN\`, \`Acquire\`, a lock taken with
  a context) whose error is dropped, or only logged (a check with no return, break or panic):
  once the context is done, or its deadline too near, it returns an error at once and the code
  goes on without waiting, the limit bypassed (coder/websocket's chat published past its rate
  limiter; with \`--aggressive\`, moby's container restore would have gone past its semaphore, then
  released a slot it never took, and rclone's per-file bandwidth limit, given the transfer's
  context, let reads through unlimited near a \`--max-duration\` deadline);
- the call sets a mock's expectation (\`ec2Rec.DescribeSecurityGroups(context.TODO(), gomock.Eq(…))\`
  on a gomock recorder, a call chained on \`.EXPECT()\`, or one given matchers): its context
  argument is what the code under test must pass, and given the context in scope it would expect
  that one instead (cluster-api-provider-aws' test then failed with any other test context);
- a comment says why: for either call, \`//nolint:contextcheck\` on its line or the line above (the
  linter asking for the context silenced there: ollama's shared downloads); for \`context.TODO()\`, one on its line or right above its statement that
  names the context in scope with a note for later (\`TODO:\`, \`FIXME\`) or a reason (shutdown,
  must, outlive, on purpose…) (\`ctx := context.TODO() // TODO: use w.ctx and handle graceful
  shutdown scenario\`: rudder-server's router cancelled deliveries in flight once \`w.ctx\` was
  used before shutdown waited for them), or one that says why a context cannot be used (\`It can't
  use the same context as performCapture because it might have timed out\`: antrea's packet
  capture upload; \`Context is not used here as TTL is long duration DB operation\`: with
  \`--aggressive\`, signoz's TTL changes, given the request's context, failed once it answered), or one naming it and saying the work is not cancelled with it
  (\`streamProxy.ctx is not set to ctx because when request is cancelled, only the build request
  has to be cancelled\`: moby's build status stream); for \`context.Background()\`, one earlier in the function
  that speaks of a background, independent, separate or unrelated context, or of being called after Stop (\`Use a background context so the
  declaration isn't abandoned if this caller disconnects\`; \`we need to give it independent
  context\`: with \`--aggressive\`, cortex's lifecycler and modules, started on the caller's
  context, stopped out of order) or of work that must live beyond the request (\`use background
  as the underlying context\`: stackrox's compliance scrapes), or one right above it as for \`context.TODO()\` (\`Don't
  use ctx here, as we still want to finish off the request if the ctx has been cancelled\`: with
  \`--aggressive\`, lxd's heartbeats in flight were cut), or one saying the parent is cut on
  purpose (\`// clear parent context / deadline.\`, \`detach\`, or that the work must not be
  cancelled, \`// Avoids to get canceled by client.\`: stargz's layer pre-resolving; with \`--aggressive\`, prysm's
  broadcasts, started by request handlers that return at once, were cancelled before they sent);
  for either call, one right above or beside it saying the work runs even once cancelled (\`// always
  stop and remove the job container, even if we were cancelled\`: nektos/act's job executor);
  or such a comment beside another empty context of the same kind in the function, the reason
  written once for calls written alike (\`// not using shared context to not disrupt display but
  let it finish reporting errors\` above one case of a switch: okteto's build display in another
  case, given the errgroup's context, reported \`context canceled\` for the failing stage's
  error): its author weighed the context and left it out;
- the context in scope is a receiver's field and a function around the call serves a request
  (\`r *http.Request\`): the request's context is \`r.Context()\`, and the receiver's long-lived one
  would cut requests in flight at shutdown rather than drain them (knative's event recorder); or
  the field is for the value's background work and the call is not in a goroutine: the field's
  comment says so (\`// ctx and cancel … background operations\`: with \`--aggressive\`, cadence's
  domain cache, given it, failed every lookup once its refresher was stopped), or a constructor
  given a context makes the field from it for the work it starts, and the package gives the field
  to no call, only waits on its Done (libp2p's datastore address book, given it, lost the
  addresses added once the context it was made with ended);
- its result replaces the context in scope itself (\`ctx = sac.WithAllAccess(context.Background())\`):
  the function sets the context it was given aside from there on (with \`--aggressive\`,
  stackrox's backup listener, told of a failed backup once the request had ended, no longer
  recorded it).
`;
