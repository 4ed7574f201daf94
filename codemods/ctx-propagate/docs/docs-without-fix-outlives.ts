// The cases ctx-propagate reports without a fix where the work would outlive the call, or reports
// how work given the context ended.
export const outlivesWithoutFix = `- the function called, of the package or of another package of the module, keeps the context in
  a variable of its package, itself or through the package's functions it hands it to, up to
  three calls deep: assigned to it or a field of it (\`defaultCtx = ctx\`), or handed to a setter
  of it (\`xormEngine.SetDefaultContext(ctx)\`): every later use of that variable runs with it, and
  given the context in scope that work would end with it (with \`--aggressive\`, gitea's
  recreate-table command, whose engine runs the copy, drop and rename of each table with the
  context it was set up with, would have stopped half-way on an interrupt);
- it is in a function literal handed to a call named for running it on its own (\`Go\`, \`Spawn\`,
  \`Submit\`, \`Enqueue\`, \`Schedule\`, \`Dispatch\`, \`Launch\`, \`Offer\`, \`Background\`, \`…Async\`),
  in the function whose context parameter or local is in scope, when nothing after it waits
  (\`g.Wait()\`, \`<-ctx.Done()\`) and the literal does not stop with that context itself: it runs
  on after the function returns (gotosocial's MediaPrune, whose media cleanup, handed to
  \`p.workers.Spawn\`, would have stopped as the admin request ended);
- it is in a function literal the function does not call but hands, itself or the local it is
  declared in, to a call whose result the function keeps or returns (\`run := func(op *Operation)
  error { … }\`, \`op := OperationCreate(…, run, …)\`): the value built holds the literal and may
  run it after the function returns (with \`--aggressive\`, incus' migration operation, run once the
  request was answered, would have failed its last transaction "context canceled"; buildkit's lazy
  cache importer, kept for later solves, would have stopped with the first);
- with \`--aggressive\`, it is \`context.Background()\` in a function whose context parameter reaches
  nothing but its logging (\`logrus.WithContext(ctx)\`, \`slog.InfoContext(ctx, …)\`): the function read
  its context and chose to give its work none, detached from the caller on purpose (dendrite's
  joins and leaves, which must complete when the client goes away, would have stopped half-way);
- the function called is a method named for handing work to a queue (\`Add\`, \`Push\`, \`Submit\`,
  \`Schedule\`, \`Dispatch\`, \`Put\`, \`Enqueue\`, \`Post\`) on a receiver whose name (its last word)
  says queue, scheduler, dispatcher, pool or worker (\`c.queue.Add\`, \`q.Add\`, \`s.pool.Put\`), of
  which the package declares no function or method by that name (not when the context in scope is
  the receiver's field): queued work outlives the call that queued it, and given the context in
  scope it would stop with it (with \`--aggressive\`, chasquid's \`c.queue.Add\` in DATA, whose
  delivery, given the command's context, stopped when the client hung up: mail accepted with 250
  and never delivered); \`wg.Add\`, \`metrics.Add\`, \`list.Push\` keep their fix;
- it is in a function literal that takes a context of its own and is handed, together with a
  context, to a call of another package or one the package does not declare, named for running it
  later: a timer's (\`Add\`, \`AddSingleton\`, \`AddOnce\`, \`AddTimes\`, \`AddFunc\`, \`AddJob\`, \`Every\`,
  \`After\`, \`AfterFunc\`), a launcher's (the names above) or a registering one (\`Subscribe…\`,
  \`On…\`, \`Register…\`), when nothing after it waits: the context the literal gets is the one
  handed in, kept beyond that call, and the empty context was chosen apart from it; a helper that
  runs the literal there and then (\`retry.Do\`, \`db.Tx\`) keeps its fix (gf's session storage,
  whose TTL updates, run by \`gtimer.AddSingleton\` with the constructor's ctx, failed on every tick
  once it was done; a handler's mail, run by \`gutil.Go\` with the request's ctx, cut off as it was
  answered); the same for a call in a function or method of the package, taking a context, that
  is handed so as a value (\`gtimer.AddSingleton(ctx, interval, s.timelyUpdateSessionTTL)\`);
- its error fails the function (\`if err != nil { return …err… }\`) while, after it, the function
  returns cleanly once its context parameter is done (\`<-ctx.Done(); return nil\`, \`case
  <-ctx.Done(): return nil\`): given that context, a stop during the call would end the function
  as a failure, and what its owner runs only after a clean stop would be skipped (with
  \`--aggressive\`, cortex's lifecycler, whose ring join, cut by a stop, skipped the ingester's
  flush); a function returning \`ctx.Err()\` there tells nothing apart and keeps the fix;
- it is in a function literal handed to a wrapper named for running code with a client or
  connection (\`b.WithFilerClient(…)\`, \`withConn\`, \`WithGrpcClient\`) that is not given the context
  in scope: the wrapper runs it on a connection it keeps, with a context of its own, and judges
  that connection by the literal's error; given the caller's context, a caller giving up would
  look like a broken connection, closed under every other caller (with \`--aggressive\`, seaweedfs'
  broker); a wrapper given that context keeps the fix;
- it follows a guard of its function that lets one caller through and returns for the others
  (\`if !a.closed.CompareAndSwap(false, true) { return … }\`, \`if a.stopped.Swap(true) { return
  … }\`): the work runs once, the empty context lets that run finish, and given the caller's
  context a cancel in the middle would cut it short with nothing left to run it again (with
  \`--aggressive\`, dapr's actor \`Deactivate\`, given the placement lock's context: the app never
  told, the actor never dequeued);
- the function called, declared in the package, hands the context it is given to
  \`exec.CommandContext\` and starts that command with \`.Start()\`, not waiting for it (no \`Wait\`,
  \`Run\`, \`Output\`, \`CombinedOutput\` after): the process runs on after it returns, and given the
  context in scope it would be killed as that ends (with \`--aggressive\`, livego's
  \`Transcoder.Launch\`, whose ffmpeg died with the request that launched it);
- it reports the outcome of work given the context through an expression of that work's error
  (\`FinishUpload(context.TODO(), fdef, err == nil, size)\`, \`err != nil\`, \`errors.Is(err, …)\`,
  \`err.Error()\`): that outcome is often the context's end, and given it the report would fail just
  then (tinode's upload, cancelled, left recorded as still in progress);
- its results go into fields of a local (\`rt.ns, rt.err = r.persistence(context.Background(), name)\`)
  that the function stores, before or after, in a field, map entry or package variable other
  callers reach (\`r.inflight[name] = rt\`, \`r.cache.Store(name, rt)\`), or takes it from one
  (\`rt, ok := r.inflight[name]\`): the work is done for every
  caller that finds it there, and given one caller's context, that caller hanging up would fail it
  for all of them (with \`--aggressive\`, temporal's namespace read-through);
- it is the inner link of a chain (\`goro.NewHandle(context.Background()).Go(r.runPollingLoop)\`)
  whose end the function keeps in a field of its receiver or a package variable, at once or through
  a local: what the chain makes runs on that context and outlives the call, and given the context
  in scope it would end with the request (with \`--aggressive\`, temporal's namespace refresh loop,
  started by the first lookup);
- the method ends its receiver's life (\`Close\`, \`Stop\`, \`Shutdown\`, \`Teardown\`, \`Terminate\`,
  \`Destroy\`, \`Drain\`, \`Disconnect\`, \`Cleanup\`, \`Release\`, \`Dispose\`), the context in scope is the receiver's
  own (\`w.ctx\`, or a local made from it), and the call's error is checked: its owner commonly
  cancels that context as it shuts down, before the clean-up, and given it the call would fail at
  once and what follows its check be skipped (with \`--aggressive\`, v2ray's
  \`WireguardOutbound.Close\`, whose session was never closed).
  Likewise in a hook its runner calls as the value stops (\`OnStop\`, \`OnClose\`, \`OnShutdown\`:
  \`On\` then a word of stopping; go-actor calls \`OnStop\` once the actor's context is done), and
  for a call delivering data whose error is dropped (\`w.out.Send(context.Background(),
  w.pending)\` as a statement of its own; a write, a send, a flush, a push…, not a logger's): given
  that context it would fail at once and what it delivers be lost without a word (with
  \`--aggressive\`, a go-actor batcher variant whose last batch was lost on stop);
- the function called (of the package) puts the context into a value (\`follower{ctx: ctx, w: w}\`,
  or a local made so) and hands it to a function or method of the package that keeps that value in
  its receiver (\`m.fs = append(m.fs, f)\`, a field or map entry set to it): work reading the
  receiver runs with it after the call, and would stop with the context in scope (with
  \`--aggressive\`, a variant of redcon's MONITOR, whose follower, given the command's context,
  stopped as the command was answered);
- the call is in a function literal that takes a context of its own and leaves it unnamed or \`_\`
  (\`func(context.Context) (string, error) { … GetToken(context.Background(), …) … }\`, handed to a
  credential that calls it at each token refresh: rclone's Azure workload identity): whoever calls
  the literal hands it the context it runs under, perhaps long after the one in scope ended;
- the call's failure is checked in a function undoing work that failed or was cancelled (\`Abort\`,
  \`Rollback\`, \`Revert\`, \`Discard\`, \`Undo\`), given the context as a parameter: its caller
  commonly hands it that work's context, done by then, and the empty context lets the undoing run
  anyway (rclone's S3 \`AbortMultipartUpload\`, given ctx, left the upload's parts stored);
- a stream made with the empty context (\`r, err := obj.NewReader(context.Background())\`) reaches
  a field of the receiver through locals (\`object.scanner, err = newScanner(r)\`, then
  \`g.object = object\`): later calls read it, and given the context in scope it would end with
  the call that opened it (with \`--aggressive\`, a cloud storage input whose next ReadBatch failed
  with \`context canceled\`);
- a read whose failure keeps a later write given \`context.Background()\` from running
  (\`Get(…)\`, then \`UpdateStatus(context.Background(), …)\`): the function cut the whole
  sequence loose from the context, and given it a cancel would fail the read and skip the write
  (with \`--aggressive\`, an edge session's acknowledgement never recorded);
`;
