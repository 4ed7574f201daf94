// Cases send-select-ctx reports without a fix because of who receives: a loop, a caller or the
// function that made the channel takes every value, and a send giving up would lose one.
export const receiversWithoutFix = `- the statement just before the send hands the channel over another channel (\`case
  s.matcher.counters <- fetcher: fetcher <- bit\`, \`reqs <- reply\` then \`reply <- req\`): whoever took
  it has begun an exchange on it and waits for this value with a plain receive (go-ethereum's
  bloombits distributor stayed blocked on the fetcher after the session's quit: Close never returned);
- the channel is a field that the package receives with a plain \`<-x.errCh\` (not a select case;
  \`return <-h.value\` in a \`case <-r.done:\` branch counts, and so does a case of a select with
  no default and no case to stop on: \`select { case err := <-w.errc: … case ev := <-w.events: …
  }\`) and closes nowhere: that receive waits
  for the value, and a send giving up once the source is done would leave it waiting forever.
  Fields are told apart by the type declaring them where the code says (a parameter, a receiver,
  \`&T{…}\`): another type's \`close(op.errCh)\` frees none of these receives, nor does a close only
  an exported method the package never calls makes (yaegi's debugger \`Terminate()\`: its session's
  main routine, left waiting on \`<-mainG.resume\`, never sent its terminate event). A receive
  through a method of the type handing the field out (\`func (f *fetcher) Logs() <-chan *Log {
  return f.logs }\`, then \`lg := <-f.Logs()\`) counts as one of the field;
- the same, when that receive (of the field, or of a channel handed to a function of the package)
  is a case of a select whose only other cases are timers (\`case <-time.After(test.Timeout):\`,
  \`case <-timer.C:\`, \`case <-clock.TickAfter(d):\`; a context's \`Done()\` is not one): it still
  waits for the value until the timer fires, and a send dropped once the source is done makes it
  give up at the timeout instead of taking the value (loop's store mock: \`AssertLoopOutState\`
  timed out on an update already recorded);
- the channel is a future: the function makes it unbuffered and returns it (\`errs := make(chan
  error)\`, \`return errs\`), and one goroutine it starts sends on it at most once on each path,
  with no close (coder/websocket's \`xsync.Go\`): its caller's plain receive (\`err =
  <-writeErr\`) waits for that value, and a send giving up once the source is done would leave it
  waiting forever; a buffer of one (\`make(chan error, 1)\`) lets the goroutine end whatever the
  caller does;
- the function that made the channel stores it in a struct it builds (\`&Object{resCh: resCh}\`),
  whose field the package receives with a plain receive that takes the value as one (\`res :=
  <-o.resCh\`, not \`res, ok :=\`): a dropped value would leave that receive waiting or, once the
  sender closes the channel on its way out, hand it a zero value for an answer;
- the send relays what its loop ranges over (\`for res := range results { … errs <- e }\`), and the
  ranged channel, made by the same function, is filled with a plain send there or in a function
  of the package it is handed to, or was handed in on a channel of channels (\`case uch :=
  <-a.upstream: for e := range uch { dch <- e }\`: govmomi's progress aggregator, whose sinks' senders
  count on being drained), or handed back by a function of the package declared to return a
  channel (\`pipelineOut := p.Run(pipelineIn)\`: alloy's log pipeline dropped entries it had
  accepted) or by a method of another package's value named for a channel (\`rawCh :=
  uw.ResultChan()\`: knative's structured watcher), or is a field or parameter the function is handed while it closes the channel it
  sends on as it returns (\`defer close(sx.Output)\`, \`for element := range sx.Input { …
  sx.Output <- element }\`: a pipeline's stage, whose upstream stages count on it draining to the
  close; ooni's dslvm left a connection unclosed and its upstream blocked): returning would stop
  the draining, and that sender would wait forever; likewise a ranged channel the function hands
  to a call, itself or through a variable set to it, and closes only after (\`events = ch; return
  b.runEngineAction(…, events)\`, then \`defer func() { close(ch); <-done }()\`: pulumi's apply),
  or hands to a call in a goroutine it starts that defers the close (\`wg.Go(func() { defer
  close(tfCh); err = srcDb.Clone(ctx, …, tfCh) })\`, \`go func() {…}()\`, \`g.Go\`: dolt's
  SyncRoots, whose \`wg.Wait()\` hung with the clone blocked on its next event); or a channel
  field of a local (\`for chunk := range reporter.chunkCh\`, \`reporter := &ChunkReporter{chunkCh:
  make(…)}\` or \`x := newT(…)\`) the package fills with a plain send, not a select case, in a
  method of its type (\`c.chunkCh <- &chunk\`), in the function, or in a function the local is
  handed to (a variant of trufflehog's source manager left its chunk producers blocked for good);
- the function waits on its way out (\`defer func() { <-displayDone; … }()\`) for a goroutine it
  started with that channel and with a channel it sends on and never closes (\`go
  display.ShowEvents(…, displayEvents, displayDone)\`): that goroutine ends only when told, and a
  return at the send would leave it waiting for more and the defer waiting for it (pulumi's
  recordAndDisplayEvents); the goroutine outliving its spawner (below) may also be a function
  literal handed to the call a \`go\` starts (\`go PanicRecovery(errs, func() { … })\`);
- a channel parameter every call in the package hands down from a parameter of an entry point
  the package never calls itself (an interface's method another package calls: \`Execute(args,
  requests, responses chan<- svc.Status)\`), with a context that entry point makes and cancels
  itself, waiting for the goroutine (\`cancel()\`, then \`wg.Wait()\`) before it returns: its caller
  reads the channel until then, and a select on that stop would drop values it still takes (the
  ECS agent's Windows service status went from Running to Stopped unseen);
- the function that made the channel (\`errc := make(…)\`, or \`var (… wait = make(chan struct{}))\`)
  waits for a value with a plain receive (\`v := <-errc\`, a
  counting loop \`for range eps { <-errc }\`, a range over it left once it has counted enough, \`for
  r := range responses { …; if n >= len(addrs) { break } }\`, or the only case of a select with no default, which
  waits as well, or with a default that only sleeps, the select alone in a \`for {\` no other case
  leaves (\`for { select { case err := <-errChan: return err; default: time.Sleep(d) } }\`: flyctl's
  machine wait, polling for good once its senders gave up); \`<-wait\` after handing a callback that sends on it; \`<-responseChans[i]\` for each
  channel of a slice it made, one per reader; the goroutine may have it as a parameter of its
  literal: \`go func(name string, ch chan<- error) { … }(cluster, errChan)\`, karmada's namespace
  sync, or of a closure started by name, every call of which hands it the same channel:
  \`enumerate := func(errc chan<- error, …) { …; errc <- err }\`, \`go enumerate(srcErr, …)\`,
  perkeep's sync pass) and never closes it, or only by a \`defer\` that runs after those receives or a
  \`close\` of its own after the last of them (\`for range files { res := <-readerC … }\`, then
  \`close(readerC)\`), or hands it after starting the senders to a function of the package it calls in
  place that receives from it in a counted loop it does not leave (\`failed := collectFailed(resultChan,
  len(m.streams))\`, \`for i := 0; i < n; i++ { if id := <-ch; … }\`: benthos' stream manager Stop
  hung with its lock held): a send that gives up once the
  source is done would leave that receive waiting forever, a hang where there was a leak (give the
  channel room for every send instead, \`make(chan error, len(eps))\`);
- the function returns the channel, and a caller in the package makes the context it hands in with
  its own cancel, then cancels it in a loop that goes on receiving from the channel (\`cancel(initErr)\`
  on the first error, then \`<-doneInits\` for every other VU): the context is done by the reader's
  own choice while it still waits for every value;
- the channel is a parameter, and a caller in the package hands in a field that the package takes
  with a plain receive and closes nowhere (\`go it.query(n, it.replyCh)\`, with \`shutdown\` counting
  the replies still due: \`for it.queries > 0 { <-it.replyCh; it.queries-- }\`);
- the channel is made by the function, its senders are goroutines started once per element of a
  collection, and a goroutine the function also starts takes one value per element of that same
  collection, with a plain receive and no way out of its loop (\`go func() { for range msgs { if e
  := <-errCh; e != nil { … } } }()\`): dapr's Service Bus lock renewals, whose collector hung once
  the subscription ended mid-round;
- the channel is a test hook, a field of one named for tests or hooks (\`c.testOnlyConfig.submittedCh\`,
  \`s.testHooks.started\`): a test waits for the send to learn the code reached that point, and a
  select giving up once the source is done would leave it waiting forever (centrifugo's Kafka
  consumer, its partition reported paused after the consumer's context ended);
- the channel, or the one each caller hands in for its parameter, is made beside a stop channel
  (\`stopCh := make(chan struct{}, 1)\`) and handed on with it to one call (\`NewIterator(announcement,
  stopCh)\`): its reader ends on that stop channel, not on the sender's context, and a send giving
  up once the context is done would drop a value it is still there to take (kratos' Kubernetes
  watcher, left on stale instances once the watch's context ended);
- the channel is a parameter, and a caller in the package hands in a channel it made and takes
  with a plain receive in a loop nothing leaves early, closing it nowhere but after every such
  receive (\`go attach(ctx, i, n, rc)\` per network, then \`for range networks { rs := <-rc … }\`,
  then \`close(rc)\`; or through a slice it collected the channels in: \`results = append(results,
  ch)\`, \`go archiveOne(ctx, target, ch)\`, then \`if <-results[i] != nil\` for each target), or drains in a goroutine
  ranging over it (\`for err := range errc\`, counting failures) or in a function of the package it
  starts that reads it until it is closed (\`go collect(wg, resultCh)\`, the workers sending on it
  as \`result\`), or waits for in a select with no
  case for the source it hands in (\`go getTopics(ctx, …, errChan)\`, then \`select { case err :=
  <-errChan: … case t := <-topicsChan: … }\`; for a field of the receiver such as \`t.ctx\`, a
  method of the same receiver counting the signals in a select without \`<-t.ctx.Done()\`), or
  hands it to a function of the package that takes it with a plain receive (\`return
  awaitStart(errc)\`, \`return <-errc\` in it), or waits for it with a receive that is a statement of
  its own, wherever (\`case a := <-addrs: <-published\`: dapr's mDNS resolver hung once its browser
  gave the signal up at shutdown), or takes the one value the function sends with a plain receive
  it reaches on every path after the call, nothing that leaves the block between them (\`go
  r.lookupHost(ctx, …, ach)\`, \`go r.lookupHost(ctx, …, aaaach)\`, then \`ares := <-ach\`,
  \`aaaares := <-aaaach\`: ooni's parallel resolver hung when the second answer gave up while the
  first was read): the caller takes every value, and a send that gave
  up would leave it waiting forever, or drop a failure it counts. Also when the channel reaches
  the send through functions that pass it on with the context, up to two calls deep
  (\`connectToRelay(ctx, addr, successChan, failChan)\` calling \`t.directRecvHandshake(ctx, …,
  failChan)\`: wormhole-william's direct connections, whose owner counts a report from each host,
  hung when one gave up);
- the function that made the channel waits for it in a select, with no default, that does not
  wait on the source the send would give up on (\`case <-cc.c.die: return; case err = <-writeCh:\`
  while the send would give up on \`cc.closing\`): that select would wait on for a value that
  never comes. Likewise when, the channel unbuffered, it polls it after the work the sender
  reports on, in a select with a default and no case on that source (\`select { case err =
  <-errc: return err; default: return newJSONParser(intf)(resp) }\`): the sender waits on its
  send until that poll takes the value, and one giving up once the source is done would leave
  the poll taking its default, the error lost (slack-go's multipart upload variant: a failed
  copy reported as a successful upload);
- the channel is a field the package closes only once a group is waited for (\`defer
  close(c.subscribeCh)\` then \`c.wg.Wait()\`, or \`c.wg.Wait(); close(c.out)\`), and the sending
  function joins that group (\`defer c.wg.Done()\`, or a \`c.wg.Done()\` after the send): the
  channel stays open until its senders are done, and its reader takes values until that close, so
  a select on the source would drop one it still waits for (river's InlineCompleter variant: jobs
  committed once the job context was cancelled, reported as failed and never delivered);
- the send, in a method, forwards a value it has just taken from another channel (\`case v, ok :=
  <-w.in.ReceiveC(): … w.out <- v\`, or \`v := <-in\` before it) on a field of its receiver that
  a stop hook of the same type closes (\`func (w *forwarder) OnStop() { close(w.out) }\`: \`On\`
  then a word of stopping, a hook its runner calls once the work has ended): the field's readers
  range to that close, so the send always has its receiver, and a select on the source would
  drop a value already taken on a graceful stop (go-actor's mailbox worker variant: every
  accepted message lost on Stop). A \`Close\` or \`Stop\` closing it, which may run while the work
  goes on, or a value not taken from a channel, keeps the fix;
- the function that made the channel closes it as soon as one of its senders fails, in the case
  taking that sender's error (\`case err := <-errCh: closeOnce.Do(func() { close(maybeDup) })\`),
  and the send is in a function returning an error inside that sender (a callback, \`func(sr
  SizedRef) error { maybeDup <- sr; return nil }\`): a send giving up with \`ctx.Err()\` would make
  its sender fail, and the other senders' sends would panic on the closed channel (perkeep's
  union StatBlobs crashed the process);
- the send's channel and context are parameters of a function the package starts with a context
  it makes with a cancel, and a function of the package calls that cancel and then waits for the
  value with a plain receive, itself or through the fields it keeps both in (\`d.goroutineCancel()\`,
  then \`<-d.statusChannel\` in \`Close\`: containers/image's daemon destination hung);
- the send is in a goroutine, on a channel parameter of the function that starts it, and that
  function, once it has waited for its goroutines (a \`.Wait()\` after the go statement), sends on the
  channel itself with a plain send (\`appWG.Wait(); changes <- Stopped\`): its caller reads the
  channel until the function returns, so the send has its receiver, and a select would only drop a
  value that reader takes (node-problem-detector's Windows service lost its StopPending status);
- the send is on a channel field of a parameter (\`opts.DetachC <- struct{}{}\`), and every caller of
  the function in the package builds that parameter with a channel it made (\`New(ctx,
  Options{DetachC: detachC})\`) and then waits for it, plainly or in a select with no case for a
  context's end or a stop: a send giving up would leave that caller waiting (a variant of nerdctl's
  detach keys, the detach lost once the caller's context had ended);
- the send is on a field of the receiver (\`g.fatalError <- err\`) in a method the package hands on as
  a callback (\`elect(leadCtx, g.onStartedLeading, …)\`), its context a parameter that whoever calls
  it gives, and a function of the package waits for the field in a select on a context its own
  caller hands it (\`case err := <-g.fatalError:\` beside \`case <-ctx.Done():\` in \`Run\`): the
  callback's context may end first (a lead lost), and a send giving up then would leave that wait
  without the value (a variant of submariner's gateway, whose fatal engine error was dropped);
- the send follows, on its path, an \`if\` testing for the context's end (\`ctx.Err() != nil\`,
  \`ctx.Err() == context.DeadlineExceeded\`, \`errors.Is(err, context.Canceled)\`) whose branch sets
  what it sends, not to a zero value, and goes on to it (\`result.aborted = true\`, then \`resultChan <- result\`): the
  value sent once the context is done is the one telling of it, and a select would drop it at
  random (a variant of dolt's batsee lost the tests its deadline killed from its report); likewise a
  select's case for that end, or for a context made from it (\`case <-cctx.Done(): canceled = true\`,
  \`cctx\` from \`context.WithTimeout(ctx, …)\`: a variant of tiflow's checker, whose one result was lost);
- the function that made the channel hands it to a function or method of the package that
  receives from that parameter in its own code with a plain receive, or in a select with no
  default and no case for a context's end or a stop channel (\`q.waitTick(tick)\`, with \`func (q
  *querier) waitTick(c <-chan time.Time) time.Time { return <-c }\`), and nothing closes it
  before: that call waits for the value as \`<-tick\` written in its place would, and a send that
  gives up would leave it waiting forever (a variant of signoz's live tail, whose ticker relay
  gave up once the request ended while the stream waited for its next tick);
- a function of the package makes the channel and returns it, the send in a goroutine it starts
  (a literal of it, or a function it starts handing it the channel: \`go
  m.measureonewithcache(ctx, outputs, …)\`, then \`return outputs\`), and a caller takes the
  result into a loop that waits until it has counted enough values, a \`for range\` left early or
  a counted \`for\` or a range over a slice, map or number (or with two variables, whatever it ranges
  over: \`for _, ctr := range opts.containers\`) with a plain receive (docker/cli's
  \`parallelOperation\`, read once per container by \`runPause\` and \`runStop\`: a stop's Ctrl-C hung it), itself
  or in a function of the package it hands it to
  (\`outputs := m.startall(ctx, inputs)\`, \`m.processall(outputs, inputs)\`, \`for smk := range
  outputs { …; if current >= len(inputs) { break } }\`), nothing closing it: that loop waits for
  every value, and a send that gives up would leave it waiting forever (a variant of ooni's SNI
  blocking experiment with an unbuffered channel hung once its measurements timed out);
- likewise, a caller of that function waits for the returned channel with a plain receive
  (\`res := <-resCh\`, \`<-c.ResolveAsync(ctx, srv)\`), not in a loop, outside a select or in a select
  whose other cases are only timers (\`case <-time.After(d):\`, \`case <-t.C:\`), nothing closing it: that receive
  waits for the value, and a send that gives up would leave it waiting forever (a variant of
  resty's SRV lookup, whose Execute read the body before taking the result, hung once ctx ended);
- the send is on each channel of a field (\`for _, pw := range pr.pipeWaiters[key] { pw <- pipe }\`)
  that a function of the package registers there itself, made unbuffered (\`pc := make(chan *Pipe)\`,
  \`pr.pipeWaiters[key] = append(pr.pipeWaiters[key], pc)\`), and then waits on with a plain receive
  (\`return <-pc\`), nothing closing it: a send that gives up would leave that waiter waiting forever
  (a variant of scope's pipe router, whose waiter, a little late to its receive while the router
  stopped, never got its pipe);
- a receiver of the channel (the function that made it, for a local; any code of the package, for a
  field) waits for it in a select whose \`case <-ctx.Done():\` still wants the value: it hands the
  channel to a call (\`return KillAndWait(c.cmd, c.waitCh)\`, which terminates the process and then
  waits for its exit status on the channel) or receives from it again: the value is wanted after
  cancellation, and a send abandoned once the source is done would lose it (gitlab-runner's custom
  and shell executors lost the exit status and waited out the kill timeouts);
- the sent value comes with a second result of one call (\`newLogsOffset, logLine :=
  l.parseLogLine(line)\`), and before the send, in its block or an \`if\` there, after the last
  branch that skips it, that result is stored in a field of the receiver or a parameter
  (\`l.logsOffset = newLogsOffset\`): the value counts as delivered before it is sent, and whoever
  resumes from that state skips it, so a send dropped once the context is done would lose it for
  good (gitlab-runner's Kubernetes log reader, reconnecting from \`l.logsOffset\`, lost lines); an
  error result stored so (\`s.lastErr = err\`) still gets the fix;
- the channel is the send end a call hands back: a local or field filled from a call whose
  declared result there is \`chan<- T\` (a function or method of the package, or a method of one
  of its interfaces: \`hasCapacity, releaseCapacity := orch.CheckAICapacity(…)\`, declared \`(bool,
  chan<- bool)\`), or declared \`chan<- T\` itself (\`var ch chan<- T = f()\`, a field filled by
  \`s.release = s.orch.Acker()\`): its maker kept the receive end and waits for this value (a
  release, an ack), whether or not goconc sees it, and a send dropped once the source is done
  would leave it waiting for good and what it holds never given back (go-livepeer's AI capacity
  slots leaked once clients hung up); this wins over a send that seems to report a failed call
  before it (\`releaseCapacity <- true\` after \`ProcessPayment(ctx, …)\` fails);
- the send, in a loop that takes a request with a receive before it (\`ev := <-events\`), answers
  it with the result of a call given the source, as the name it was assigned to just before (past
  comments and \`if\`s that only wrap it: \`err := sy.apply(ctx, ev)\`, \`if err != nil { err =
  fmt.Errorf("apply %s: %w", ev, err) }\`, then \`acks <- err\`: okteto's watcher acked each
  change, and its caller collected the ack of a pending change after ending ctx): the call ends
  once the source is done, and a select would drop the answer its requester waits for at random.
  Outside such a loop (a first answer wins: \`err := do(ctx)\`, \`errc <- err\`), or when an
  \`if\` sets the name to anything not made from it, the send keeps its fix;
- the source is the context an errgroup made (\`eg, ctx := errgroup.WithContext(ctx)\`), handed
  down as a context parameter by a call of the package (\`eg.Go(func() error { return
  s.syncRoot(ctx, r, syncDiffs) })\`), and no select of the function making the group waits on it
  beside a receive: the context ends as soon as a sibling fails, not when the reader stops
  reading, and a select on it would drop the value of work already done (taproot-assets'
  universe syncer: the diff of a root whose leaves were written). A group whose own reader
  selects on that context (\`case <-gctx.Done():\`) keeps the fix;
- the channel is a parameter (\`results chan resolveResult\`) that every call in the package
  hands a channel its caller makes, starts the function with (\`go r.resolve(ctx, results)\`),
  and then reads itself to the close with no way out of its loop before (\`for result := range
  results { … }\`, no \`return\` or \`break\` in it): every value is taken, so no send waits for
  good, and one giving up once the source is done would only drop values (netbird's
  resolveDomains handed back a partial route map with a nil error). A caller that can leave its
  range early (on an error, once it has enough), or asks its context after the call (\`return
  all, ctx.Err()\`: a stream cut short is told from a whole one), keeps the fix;
- the send is in a goroutine a function starts and returns without waiting for, on a channel of its
  own (a parameter, a local), the only source is that function's own context parameter, and the
  function hands that context only to calls before the \`go\` (\`p.PubSub.Subscribe(ctx, …)\`, none
  making a context from it) while the goroutine never names it nor what those calls give (errors
  aside): the context bounds the set-up, and a caller may cancel it once the function returns (a
  set-up timeout, maddy's Init), where a select on it would give up the send for good, and the
  forwarding loop with it (maddy's update pipe delivered none of its updates). A goroutine that
  uses the context itself (\`ctx.Done()\`, a call given it) or reads what it bounds (\`resp, err :=
  cli.post(ctx, …)\`, then \`resp.Body\`: moby's ContainerWait) keeps the fix;
- the send is in a goroutine whose spawning function ends the source itself right after the
  \`go\` statement, with nothing waiting for the goroutine in between (no receive, select, range,
  \`Wait()\`, sleep, nor use of the channel), and the channel is not that function's own (a field,
  a package-level variable): a context field whose cancel it calls, directly (\`c.cancel()\`) or
  through a method of the receiver or a function of the package handed it that calls it in its
  own body (screego's \`CloseOnError\`: \`go func() { c.read <- …Disconnected… }()\`, then
  \`c.writeCloseMessage(…)\`, which runs \`c.cancel()\`), or a local context whose \`cancel()\` it
  calls. The cancel is the one made with the field (\`c.ctx, c.cancel = context.WithCancel(…)\`,
  or \`ctx, cancel := context.WithCancel(…)\` kept as \`&Client{ctx: ctx, cancel: cancel}\`), or,
  where nothing the package has sets the field, the field named after it (\`cancel\` for \`ctx\`)
  declared as a CancelFunc. The source is done as soon as the goroutine runs, and a select on it
  would drop the value at once whenever the channel's reader is busy (the client's Disconnected
  event lost, the client kept in its room for good). A function that only closes other things
  after the \`go\` keeps the fix;
- the send forwards a value the same pass of a loop just took from elsewhere, by a receive or a
  method call (\`ev := p.consumer.Poll(…)\`, then \`switch e := ev.(type)\`; not a constant, a
  counter or a conversion), on a channel the function closes on its way out (its own
  \`defer func() { …; close(p.consumerIncoming) }()\`), and the loop stops on something of its own
  other than the source the fix would take (\`case <-p.consumerCtx.Done():\`, the fix would take
  \`ctx\`): the reader reads until that close, so the plain send is always taken, and a select
  giving up would drop a value its source already counts as delivered (cloudevents' Kafka
  consumer: the offset stored, the message lost). A loop stopping on that source itself, or on
  nothing of its own (\`for scanner.Scan()\`), keeps the fix, unless the package never reads the
  channel and only hands it out (\`return c.receiver\` in a getter): its readers, elsewhere, read
  until the close (kraken's peer connections, a piece read off the network dropped as one closed);
- the send hands on a value this pass of the loop received from a field channel without room
  (\`case event := <-mp.events:\`, then \`for ch := range txFeed { ch <- event }\`) that the package
  sends on elsewhere, and the loop's select stops on the source itself: the sender counts the value
  delivered once taken, and a select giving up would drop it for a reader still reading (neo-go's
  block and mempool event fan-outs);
- the send is in a function literal handed to a call registering it (\`AddOn…\`, \`On…\`,
  \`Register…\`, \`Subscribe…\`, \`Handle…\`: \`p.client.AddOnPublishReceived(func(m
  paho.PublishReceived) (bool, error) { p.incoming <- m.Packet; … })\`), it hands on what the
  literal was given (a parameter or a field of one), and the source the fix would take comes from
  outside the literal: the client calls it with each message it has taken, acknowledged once the
  callback returns, and a select giving up would drop that message (cloudevents' MQTT protocol).
  A callback given its own context keeps the fix;
- the send is in the select case that took a request (\`case req := <-p.req:\`), and the source is
  a stop channel parameter that every start of the function hands a channel made for that worker
  alone, in a loop (\`stopCh := make(chan struct{})\`, then \`go p.run(stopCh)\`): closing it lets
  that worker leave the pool (a resize), not that nobody wants its answer, and the requester
  counting answers would wait forever for the one dropped (nomad's plan evaluation pool, shrunk
  by \`SetSize\`). A stop channel shared by the whole pool keeps the fix;
- another send on the same channel in the function already selects on the source (\`select { case
  p.ch <- s: case <-ctx.Done(): return ctx.Err() }\`) and this one is left blocking: the author
  chose which sends may give up, and this one hands the reader its outcome, the final error a
  select would drop, the reader then taking the channel's close for a cancel (loki's prefetching
  pipeline, whose deadline became a plain "canceled");
- a send on a channel field of the receiver, the source one of its own (\`n.closing\`, \`n.ctx\`),
  where a method of the type takes the field in a select that waits neither on that source nor
  has a default (\`select { case err := <-n.outcome: … case <-n.aborted: … }\` in \`Collect\`): the
  value is produced as the source ends (a query stopped, its outcome still collected), and a send
  giving up then would leave that select waiting for it (kapacitor's batch query, unbuffered);
- a send in a function literal the function returns for its caller to call later, selecting on the
  literal's own context parameter, on a channel field no code of the package reads (\`return m,
  func(ctx context.Context, …) error { r.Out <- reply; return nil }, nil\`): the caller chooses that
  context, and may hand the one it stops taking work with while the reply is still owed
  (cloudevents' channel responder, whose client waits for every in-flight reply at shutdown);
- a send on a channel parameter of the function (the caller's) where another send of the function
  on it is refused as a report the caller waits for: it is the answer on another path (optimism's
  \`SendAsync\`, owing one answer per call, refused a closed manager with \`ch <- SendResponse{Err:
  ErrClosed}\`; a select would have dropped it when a shared channel was full at shutdown);`;
