// The cases ctx-propagate reports without a fix where the work the call does is meant to go on
// past the context in scope: shared with other callers, left running, kept, or clean-up.
export const sharedDoneDoc = `- its result is kept in a field of a value the function shares with other callers through a map or
  a field (\`c.entries[k] = pf\`, \`c.m.Store(k, pf)\`, or \`pf, found := c.entries[k]\`; that same
  variable, not another of its name), and whose done channel it closes
  (\`close(pf.done)\`) or WaitGroup it marks done (\`pf.wg.Done()\`) for those waiting on it: a
  hand-made singleflight, whose work is theirs too, and given one caller's context its cancellation
  would fail it for all of them (with \`--aggressive\`, buildkite's promise-failure coordinator);
`;

export const timedWaitDoc = `- it is in a goroutine (\`go func() { defer close(done); … }()\`) the function waits for only in a
  select that gives up on a timer and returns (\`case <-time.After(syncTimeout): return
  http.StatusAccepted\`), or on a context made with a timeout of its own: the work is meant to go
  on after the function stops waiting, and given the context in scope it would end as the function
  returns (with \`--aggressive\`, woodpecker's webhook, answered 202 Accepted, its pipeline never created);
`;

export const constructorDoc = `- it is handed, straight or through a context made of it (\`authCtx := util.WithLogger(context.TODO(),
  log)\`, kept in a local or nested), to a constructor (\`New…\`, \`Open…\`, \`Dial…\`, \`Connect…\`, not
  \`NewRequest…\`) whose result the function returns, or keeps in what it builds when it is itself
  named for building (\`New…\`, \`…FromConfig\`: \`&Cardata{ts: ts}\`, \`v.ts = ts\`), or hands to
  another constructor there (\`v.Provider = NewProvider(ctx, api, ts)\`): the object outlives the call
  and may keep the context it was made with for later work (evcc's OAuth token source, cached for
  the process, failed its refreshes once the UI test request that made it was over);
`;

export const cleanupNameDoc = `- the call undoes a connection (\`Disconnect…\`, \`Close…\`, given the function's own context, not a
  receiver's), or it is in a function named for cleaning up (\`cleanup…\`, \`…CleanUp\`, \`tearDown…\`,
  \`rollback…\`, \`…OnError\`): clean-up is meant to run once the context in scope is done, the
  failure that ended it often why it runs (with \`--aggressive\`, netbird's proxy, left marked
  connected after a failed snapshot);
`;

export const writeAfterServedDoc = `- the call is given to a write (named as for \`context.Background()\` above: \`Update\`, \`Publish\`…)
  and runs after a statement calling a function of the package with the context in scope
  (\`h.serve(ctx, s, w)\`) that returns nothing and loops for good until it returns in \`case
  <-ctx.Done():\`: the context is most likely done by then, and given it the write would fail at once
  (mercure's subscription-ended update, \`dispatchSubscriptionUpdate(context.TODO(), s, false)\`
  after the stream, never published once the subscriber hung up);
`;

export const literalHandedOnDoc = `- it is the value of a field of a composite literal (\`j := job{ctx: context.TODO(), payload: p}\`,
  at once or through the local declared with it) that the function, given the context as a parameter
  or local, hands on past the call: sends on a channel of the receiver or the package (\`w.jobs <- j\`,
  with no wait for a reply after), or appends to or stores in a field, map entry or package
  variable: whoever takes the value there (a worker ranging over the queue) uses that context after
  the call returns, and given the function's own it would fail once that ended (a variant of
  dd-trace-go's writer, whose queued uploads all failed \`context canceled\`);
`;

export const handMadeOnceDoc = `- its results are stored in fields of the receiver or in package variables inside \`if !t.fetched {\`
  (or \`if t.info == nil {\`, a receiver's field or a package variable) whose block also sets what
  it tests (\`t.fetched = true\`, or the field among the results): a hand-made once, the work run for
  the first caller and its result kept for every later one, and given that caller's context its
  cancellation or timeout would stay stored for all (with \`--aggressive\`, a variant of
  apm-agent-go's server version, built in a trial);
`;

export const retryPollDoc = `- the function called, declared in the package, retries while an error says so (\`for err ==
  errInternalRetry { err = n.ProposeConfChange(ctx, cc) }\`), handing the context on and never checking
  it: given one that ends, each try could fail at once and the loop spin (with \`--aggressive\`,
  dgraph's cluster join, thousands of proposals a second under its join lock); or the function is a
  poll condition (\`(ctx context.Context) (bool, error)\`) the package hands to a poller, which may
  run it once more past its deadline: given the poll's context, that try would fail at once
  (controller-runtime's envtest, its webhooks found by a last lookup reported as a timeout); so too
  a condition written in place, a function literal handed to a call named so (\`wait.Poll…\`,
  \`…Until…\`, \`…Retry…\`, \`…Wait…\`): its context ends with the poll's own timeout, meant for the
  waiting (with \`--aggressive\`, vcluster's wait for its pod lost the crash logs it read inside);
`;

export const recordsAfterWaitDoc = `- the function called, declared in the package, waits given the context (a loop, or a call handed
  it and a function literal using it: \`_ = retry.Do(ctx, func() error {…})\`) and then, under a
  condition on how the wait ended, writes what it came to with the same context (\`if state !=
  "SUCCESS" { s.db.WithContext(ctx).Update(…, "FAILURE") }\`; a logger's call is no such write): given
  a request's context, a client gone mid-wait would end the wait and fail that write too, the record
  left as the wait found it (with \`--aggressive\`, Dragonfly's job polling, its jobs left pending);
`;

export const keptWorkWithoutFix = `${sharedDoneDoc}${handMadeOnceDoc}${timedWaitDoc}${constructorDoc}${cleanupNameDoc}${writeAfterServedDoc}${literalHandedOnDoc}${retryPollDoc}${recordsAfterWaitDoc}`;
