import type { FileContext } from '../../src/engine/types.js';
import { loopShape, loopStatement } from '../../src/go/loops.js';
import { ancestors, nextStatement, same, type Node } from '../../src/go/syntax.js';
import { spawnedFunction, type Spawn } from './detect.js';
import { closuresCalled, goroutineBodies, spawned } from './goroutine-bodies.js';
import { channelRangedOver } from './channel-loops.js';
import { dispatchedToHandler } from './callbacks.js';
import { lockHeldAtGo, lockHeldAtLoop, lockHeldByCaller, lockHeldThroughWrappers, inTransaction } from './locks-held.js';
import { awaitedInBackground, awaitedInTurn, returnedAfterLoop } from './awaited-in-turn.js';
import { collectedAfter } from './collected-after.js';
import { cancelEachOther, cancelledAfterLoop, cancelledPerItemAfterLoop, groupCancelsOnError } from './shared-context.js';
import { usesOutsideChannel } from './outside-channels.js';
import { contextOnlyBody, contextOnlyTask, sharedBatchingCall, unseenCallGivenContext, unseenWorker } from './unseen-calls.js';
import { unseenWork } from './unseen-work.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { itemCallback, itemIsFunction, itemIsListener, itemTaskWithContext } from './item-tasks.js';
import { functionItemReason } from './function-items.js';
import { readUntilEnough } from './first-answers.js';
import { endsWhenFunctionReturns, handsUnbufferedChannel, stopAwaitedAfter, waitsOnOthersClosing, waitsOnOthersEnds, waitsOnHandedChannel } from './waits-on-others.js';
import { isDoneWait } from '../../src/go/receive-shapes.js';
import { acceptsConnections, readsStream, receivesConnections, stopsServer, waitsOnEvent, waitsOnNetwork } from './network.js';
import { delayedStart, inTimerCallback, oneTimePause, ownTimeout, sharedDeadlineReason, waitsForOthersUntilTimer } from './timing.js';
import { endlessLoopOf, tickReason } from './ticks.js';
import { meantToRunTogether } from './together.js';
import { waitsForItemEvent } from './item-events.js';
import { handedOnEachPass, pipedPair, waitsOnItsChannel } from './piped-pairs.js';
import { eventCase, fedFromOutside, watchedBesides } from './loop-events.js';
import { calledFromEventLoop } from './event-loop-callers.js';
import { signalsStart, startSignalledInCallee } from './start-signal.js';
import { unboundedMode } from './unbounded-mode.js';
import { handlersOfReadLoop } from './handlers-in-read-loop.js';
import { runsReturnedWorker } from './returned-workers.js';
import { waitOnEachOther } from './wait-on-each-other.js';
import { onlyLogs } from './logs-only.js';
import { itemFunctionValue } from './item-function-values.js';
import { loadPolled, pollsShared } from './polls-shared.js';

/**
 * Why a bound could stop the loop for good, or undefined when the goroutines finish on their
 * own. A bound makes the loop wait until a running goroutine ends: goroutines that run until
 * something stops them, or that wait on the spawner or on each other, may never end, and the
 * loop (with the goroutines it has yet to start) then waits forever. Undefined only when what
 * the goroutine runs shows none of that: its function literal (or a local closure's), or the
 * package's function or methods of the name it calls. A function passed in or another package's
 * function is not seen.
 */
export function whyBoundMayStall(spawn: Spawn, ctx: FileContext): string | undefined {
  const together = meantToRunTogether(spawn, ctx);
  if (together) return together;
  const mode = unboundedMode(spawn);
  if (mode) return mode;
  const logs = onlyLogs(spawn);
  if (logs) return `the goroutine only logs (${logs}), asynchronously on purpose: a logger may block on what the loop itself drains, and bounded, the loop would wait for it`;
  const piped = pipedPair(spawn);
  if (piped) return `each iteration starts two goroutines joined by a pipe it makes (${piped}): the writer waits for its reader, and bounded, a writer holding the last slot would wait for a reader that cannot start`;
  const waiter = waitsOnItsChannel(spawn);
  if (waiter) return `each goroutine waits for a value from the channel its item is (${waiter}), sent by work running elsewhere: the waiters are meant to wait at once, and bounded, a sender whose waiter has not started would block, and what waits on it (a pipeline's other stages, a group's cancel on the first error) with it`;
  const handed = handedOnEachPass(spawn);
  if (handed) return `each pass also hands a value on to a reader downstream (${handed}), which paces the loop already: the goroutines' work may wait on that reader (a pipe it drains), and bounded, the loop would wait for a slot only the reader frees while the reader waits for the loop`;
  if (acceptsConnections(spawn.loops[0], ctx.source)) {
    return 'each goroutine serves an accepted connection or stream for as long as it stays open: a bound would stop the loop accepting once that many are open (limit connections on purpose, e.g. netutil.LimitListener)';
  }
  const received = receivesConnections(spawn.loops[0], ctx);
  if (received) {
    return `each goroutine serves a connection or stream the loop receives from ${received}, accepted elsewhere, for as long as it stays open: a bound would stop the loop taking them once that many are open, and the acceptor handing them over would block (limit connections on purpose, e.g. netutil.LimitListener)`;
  }
  const read = readsStream(spawn);
  if (read) {
    return `the loop reads from a connection or stream (${read}) and hands each message to a goroutine: waiting there for a free slot would stop it reading, and with it the peer's pings, deadlines and close (bound the handlers on purpose, or read on while they run)`;
  }
  const deferred = endsWhenFunctionReturns(spawn.loops[0], spawn.go);
  if (deferred) return `the goroutine is handed the other end of what the loop closes only as the function returns (${deferred}): a bound would hold each slot until then, and the loop would stop`;
  const tick = tickReason(spawn);
  if (tick) return tick;
  const event = eventCase(spawn);
  if (event) return `the loop handles events (${event}): waiting there for a free slot would stop it handling the others, its own stop signal included`;
  const timer = inTimerCallback(spawn);
  if (timer) return `the loop runs in a timer's callback (${timer}) and starts the work due at this tick, meant to run at its time: bounded, the later jobs would start late, held behind long ones`;
  const held = lockHeldAtLoop(spawn, ctx.source) ?? lockHeldThroughWrappers(spawn, ctx, 'loop');
  if (held) return `the loop runs with ${held} held: waiting there for a free slot would keep it locked while the goroutines may need it`;
  const heldAtGo = lockHeldAtGo(spawn, ctx.source) ?? lockHeldThroughWrappers(spawn, ctx, 'go');
  if (heldAtGo) return `the loop holds ${heldAtGo} locked where it starts each goroutine: waiting there for a free slot would keep it locked while the goroutines may need it`;
  const tx = inTransaction(spawn);
  if (tx) return `the loop runs in a transaction (${tx}), which holds the store's lock until it is done: waiting there for a free slot would keep it held while goroutines writing to the store wait for it`;
  const callerHolds = lockHeldByCaller(spawn, ctx);
  if (callerHolds) return `the loop runs under a lock its caller holds (${callerHolds}): waiting there for a free slot would keep it locked while the goroutines may need it`;
  // A joined loop's goroutines end, or its Wait would not return: only the others may be workers for good.
  const { called, literal } = spawned(spawn);
  const handedBack = spawn.shape === 'fire-and-forget' ? returnedChannel(spawn) : undefined;
  if (handedBack) {
    return `the function returns ${handedBack}, which the goroutines send on, for its caller to read as they finish (the first answer wins): bounded, it would return only once all but the last few are done`;
  }
  const joined = spawn.shape !== 'fire-and-forget' && spawn.shape !== 'channel-range';
  const stopWait = spawn.shape === 'fire-and-forget' ? stopAwaitedAfter(spawn.loop) : undefined;
  if (stopWait) return `right after the loop the function waits for its stop signal (${stopWait}): the goroutines are meant to run until then (services started side by side), and bounded, the later ones would never start`;
  const callback = itemCallback(spawn, ctx);
  if (callback) {
    return `each goroutine runs ${callback}, code this package does not show: the function does not wait for them, and bounded, one that blocks (a subscriber not reading) would hold its slot and stop the loop, where unbounded it only kept its own goroutine`;
  }
  const endless = joined ? undefined : endlessLoopOf(literal);
  const runs = literal === spawnedFunction(spawn.go) ? 'the goroutine' : `${spawnedFunction(spawn.go)?.text}(), which the goroutine runs,`;
  if (endless) return `${runs} loops until something stops it (${endless}), a long-lived worker: nothing waits for the goroutines, and one that never ends would hold its slot for good`;
  const worker = joined ? undefined : unseenWorker(called, spawn.fn, ctx);
  if (worker) {
    return `the goroutine runs ${worker}, named like a worker that runs until stopped, whose code this package does not show (another package's, or one called through an interface): nothing waits for the goroutines, and one that never ends would hold its slot for good`;
  }
  const stopOnly = spawn.shape !== 'fire-and-forget' ? undefined : literal?.type === 'func_literal' ? contextOnlyBody(literal, spawn.go, ctx) : contextOnlyTask(spawn.go, ctx);
  if (stopOnly) {
    return `the goroutine runs ${stopOnly}, code this package does not show, given nothing but a way to stop (a context or a stop channel): work that takes only that usually runs until it is stopped (a periodic job), nothing waits for the goroutines, and bounded, the loop would stop once that many run`;
  }
  // `go server.Serve()`: the goroutine is the server, whatever its loop looks like.
  const serving = literal ? undefined : called.find((c) => SERVE.test(c.text));
  if (serving) return `the goroutine serves until its server is stopped (${serving.text}()), a long-lived worker: a bound would stop the loop once that many serve`;
  // `go io.Copy(io.Discard, stream)`, or a literal whose own statements copy (`defer r.Close();
  // io.Copy(io.Discard, r)`): it copies until the stream ends, often the session's life.
  const copying = (literal ? called.filter((c) => ownStatement(c, literal)) : called).find((c) => STREAM_COPY.test(c.text));
  if (copying) return `the goroutine copies until its stream ends (${copying.text}()), which may stay open for the session: a bound would stop the loop once that many streams are open`;
  const background = awaitedInBackground(spawn);
  if (background) {
    return `the function waits for the goroutines only in a goroutine of its own (${background}) that hands the outcome on a channel it returns: it is meant to return at once, its caller waiting on that channel and on its own stop, and bounded, it would return only once all but the last few had ended`;
  }
  const enough = readUntilEnough(spawn);
  if (enough) {
    return `the loop runs in a goroutine of the function, which reads the answers as they come (${enough}) and returns once it has enough (a quorum, the first to succeed): bounded, those answers would wait behind slow ones holding the slots`;
  }
  const inTurn = awaitedInTurn(spawn);
  if (inTurn) {
    return `the loop waits for each goroutine in turn (${inTurn}), so no more than one runs at a time except those it gave up on: a bound would let those hold their slots and stop the loop`;
  }
  const batched = sharedBatchingCall(called, spawn.loop, ctx);
  if (batched) {
    return `every goroutine calls ${batched} on the same value, whose code this package does not show: if it gathers calls into batches (a producer flushing every N messages), fewer at once could leave each waiting for the others`;
  }
  const bodies = goroutineBodies(spawn, ctx);
  const routed = dispatchedToHandler(spawn, bodies, ctx);
  if (routed) {
    return `the loop hands each value from ${routed.channel} to a handler it looks up (${routed.lookup}), whose code this package does not show: a handler that waits for what a later value brings would hold its slot, and the loop would stop for good`;
  }
  const fromLoop = handlersOfReadLoop(spawn, ctx);
  if (fromLoop) return fromLoop;
  const dependencies = waitsOnOthersClosing(bodies, called, ctx.packageIndex());
  if (dependencies) return `each goroutine ${dependencies}: goroutines waiting for each other's ends, and bounded, every slot could go to one waiting for a goroutine that cannot start`;
  const listener = itemIsListener(spawn, bodies, ctx);
  if (listener) return `each goroutine notifies its item (${listener}), a listener of an interface the package declares for its callers: their code, notified side by side by contract; bounded, the notifier would wait for slow listeners, and hang if one needs a lock its caller holds`;
  const itself = itemIsFunction(spawn, bodies, ctx)?.call;
  if (itself) {
    return `each goroutine runs its item, itself of a function type the package declares for its callers (${itself}): work of their choosing that may run for good or wait on another item (a batch's commands, run side by side by contract), and bounded, the later ones might never start`;
  }
  const task = itemTaskWithContext(spawn, bodies, ctx);
  if (task) {
    return `each goroutine runs the task its item carries (${task}) with the caller's context: different work run at once under one deadline (a health probe's), and bounded, the later tasks would start late against it`;
  }
  const itemEvent = waitsForItemEvent(spawn, literal, ctx.packageIndex());
  if (itemEvent) {
    return `the goroutine waits for an event of its own item (${itemEvent}), which comes when its producer sees fit, perhaps never: bounded, items still waiting would hold the slots, and later items whose events came would never start`;
  }
  const made = runsReturnedWorker(spawn, ctx);
  if (made) return `the goroutine runs ${made.call}, a function value ${made.factory} makes: an endless loop that ends only on its stop signal (${made.stop}), a long-lived worker; bounded, the slots would never free and the loop would stop once that many run, the later ones never starting`;
  const waitedForAtOnce = waitsRightAfter(spawn.loop);
  for (const { body, via } of bodies) {
    const who = via ? `${via}, which the goroutine runs,` : 'the goroutine';
    const delay = delayedStart(body);
    if (delay) return `${who} starts with ${delay}: slots held by goroutines waiting for their time would make the others run late`;
    const pause = oneTimePause(body);
    if (pause) return `${who} pauses once (${pause}), a delay all of them are meant to wait out together (a shutdown delay): bounded, the delays would add up and the later ones start late`;
    // `ctx := context.WithoutCancel(ctx)`: it means to outlive cancellation, running until its own
    // input ends (a WebAssembly instance serving its stdin).
    if (!via && /\b\w+\s*:?=\s*context\.WithoutCancel\(/.test(body.text)) return `${who} detaches from its context (context.WithoutCancel) and runs until its own input ends, a long-lived worker: a bound could leave the loop waiting for a slot that never frees`;
    const grace = waitsForOthersUntilTimer(body);
    if (grace) return `${who} waits (${grace.waitsFor}) until a timer of its own fires (${grace.timer}): a timeout or grace period all of them are meant to run at once; bounded, the periods would add up and the later ones start late`;
    const why = waitsOnOthers(body, spawn, ctx, waitedForAtOnce);
    if (why) return `${who} ${why}: a bound could leave the loop waiting for a slot that never frees`;
  }
  const mutual = waitOnEachOther(spawn, bodies);
  if (mutual) return mutual;
  // The call the goroutine is, when it is no literal (`go fn(ctx, addr, req, resultsCh)`).
  const direct = !literal && !waitedForAtOnce && spawn.go.type === 'go_statement' ? spawn.go.namedChild(0) : undefined;
  const channelHanded = direct?.type === 'call_expression' ? handsUnbufferedChannel([direct], spawn) : undefined;
  if (channelHanded) return `the goroutine ${channelHanded}: a bound could leave the loop waiting for a slot that never frees`;
  const deadline = sharedDeadlineReason(spawn, literal);
  if (deadline) return deadline;
  const timeout = ownTimeout(literal, spawn.go);
  if (timeout) {
    return `each goroutine gives its work a timeout of its own (${timeout}): waits meant to run out side by side, the caller waiting one timeout at most; bounded, it would wait one per round of slots`;
  }
  const shutdown = stopsServer(bodies, called, ctx);
  if (shutdown) {
    return `the goroutines stop servers, workers or containers side by side (${shutdown}), each waiting for its clients or its current job: bounded, one still draining would hold its slot while the others keep accepting or taking new jobs, and a deadline they share would cut the later ones short`;
  }
  // What the goroutine calls, and what the local closures it calls call (`translateOffsetFn(i, o)`,
  // which calls `m.translateOffset(ctx, …)`: redpanda's migrator, whose offsets wait on the network).
  const reached = [...called, ...closuresCalled(called).flatMap(({ closure }) => closure.childForFieldName('body')!.descendantsOfType('call_expression').map((call) => call.childForFieldName('function')!))];
  const network = waitsOnNetwork(bodies, reached, ctx);
  if (network) {
    return `the goroutines wait on the network (${network}): the default bound, the number of CPUs, says nothing of how many may wait on peers at once, and those meant to run side by side (a probe of each server, requests sent before a handshake ends) would run in turns; ${ON_PURPOSE}`;
  }
  const waiting = waitsOnEvent(bodies, reached, ctx);
  if (waiting) {
    return `the goroutines wait on I/O or an event (${waiting}, given a context): the default bound, the number of CPUs, says nothing of how many may wait at once, and bounded they would wait in turns, a failure behind the bound noticed only once those before it end; ${ON_PURPOSE}`;
  }
  const cancels = cancelEachOther(spawn);
  if (cancels) {
    return `the goroutines end the context they all run with (${cancels}): one may wait on it until another fails, and a bound could keep the one that fails from ever starting`;
  }
  const groupCall = groupCancelsOnError(spawn, ctx);
  if (groupCall) {
    return `each goroutine hands the group's context to code this package does not show (${groupCall}), and the group cancels that context when one fails: that code may wait on it until a sibling fails, and a limit could keep the one that fails from ever starting`;
  }
  const stopped = cancelledAfterLoop(spawn);
  if (stopped) {
    return `the function ends the goroutines' context after the loop (${stopped}), before it waits for them: they may run until then, and a bound would hold the loop for a slot that frees only after it`;
  }
  const perItem = cancelledPerItemAfterLoop(spawn);
  if (perItem) return `the function cancels each goroutine's own context after the loop (${perItem}), before it waits for them: they may wait on it until then, and a bound would hold the loop for a slot that frees only after it`;
  const collected = collectedAfter(spawn);
  if (collected?.how === 'gives-up') {
    return `after the loop the function waits for the goroutines in a select that can give up (${collected.at}): it expects some never to finish, and a bound would hold the loop before it gets there`;
  }
  if (collected) {
    return `after the loop the function takes one value only of those the goroutines send (${collected.at}), then goes on: the goroutines may run until what it does next stops them, and a bound would hold the loop before it gets there`;
  }
  // A joined loop may wait for good on purpose (a supervisor blocking until its context ends):
  // only names that say so firmly (`w.Watch(ctx)`, `wait.UntilWithContext(…)`) count there.
  const forGood = joined ? unseenWorker(called, spawn.fn, ctx, true) : undefined;
  if (forGood) {
    return `the goroutine runs ${forGood}, named like a worker that runs until stopped, whose code this package does not show (another package's, or one called through an interface): the function waits for the goroutines until they are stopped, and one that never ends would hold its slot for good`;
  }
  const supervised = joined && literal?.type === 'func_literal' ? contextOnlyBody(literal, spawn.go, ctx) : undefined;
  if (supervised) {
    return `the goroutine runs ${supervised}, code this package does not show, given nothing but a way to stop (a context or a stop channel): work that takes only that usually runs until it is stopped, the function waits for the goroutines until then, and bounded, the later ones would never start`;
  }
  // Checked last, as the other reasons say more: an interface's method per item (`d.Detect(ctx)`).
  const method = itemTaskWithContext(spawn, bodies, ctx, true);
  if (method) {
    return `each goroutine runs the task its item carries (${method}) with the caller's context: different work run at once under one deadline (a health probe's), and bounded, the later tasks would start late against it`;
  }
  const unseen = unseenCallGivenContext(bodies, called, ctx);
  if (unseen) {
    return `the goroutines hand a context to code this package does not show (${unseen}): work given a context usually waits (on the network, a subprocess, another service), and the default bound, the number of CPUs, says nothing of how many may wait at once; ${ON_PURPOSE}`;
  }
  const callbacks = functionItemReason(spawn, bodies, ctx);
  if (callbacks) return callbacks;
  const valueHeld = itemFunctionValue(spawn, bodies, ctx);
  if (valueHeld) return `each goroutine calls a function value its item holds (${valueHeld}), a callback its callers registered, code this package does not show: the function does not wait for them, and bounded, one that blocks until its client reads would hold its slot, the loop would hang once the slots fill, and every callback after it would starve`;
  const unread = unseenWork(bodies, { literal, called, own: spawn.fn }, ctx);
  if (unread) {
    return `the goroutines run code this package does not show (${unread}), which may wait (on a peer, a subprocess, a reply): the default bound, the number of CPUs, suits work that computes, and says nothing of how many may wait at once; ${ON_PURPOSE}`;
  }
  const fed = fedFromOutside(spawn, ctx);
  if (fed) return `the loop takes from a channel it hands to code this package does not show (${fed}), which sends on it and may drop what comes while the loop is not taking: waiting there for a free slot would lose events`;
  const watched = watchedBesides(spawn);
  if (watched) return `the loop also watches ${watched}: a wait for a free slot would not, and while the slots are full the loop would stop handling them, its stop signal included`;
  // Checked last, as the reasons of the loop's own code say more: a caller's event loop.
  const eventLoop = calledFromEventLoop(spawn, ctx);
  if (eventLoop) return eventLoop;
  return undefined;
}

/**
 * A channel the goroutines send on that the function returns after the loop (`go func() { ch <-
 * query(c) }()` per client, then `return ch`): the caller reads the answers as they come.
 */
function returnedChannel(spawn: Spawn): string | undefined {
  const literal = spawnedFunction(spawn.go);
  if (literal?.type !== 'func_literal') return undefined;
  const sent = new Set(literal.descendantsOfType('send_statement').map((s) => s.childForFieldName('channel')!.text));
  return [...returnedAfterLoop(spawn)].find((t) => sent.has(t));
}


/**
 * How a goroutine body may wait on something only the spawner or another goroutine provides, if
 * it does. `waitedForAtOnce`: the spawner waits for the goroutines right after the loop, so none of them
 * can be waiting for something it does later: channels they use are served by others.
 */
function waitsOnOthers(body: Node, spawn: Spawn, ctx: FileContext, waitedForAtOnce: boolean): string | undefined {
  // Nodes of the body itself: not of goroutines it starts in turn.
  const own = (n: Node) => !ancestors(n).some((a) => a.type === 'go_statement' && a.startIndex >= body.startIndex && a.endIndex <= body.endIndex);
  // A channel or WaitGroup the goroutine declares is its own business.
  const declaredHere = (name: string) => new RegExp(`\\bvar\\s+${regexEscaped(name)}\\b|(^|[^\\w.])${regexEscaped(name)}\\s*:=`).test(body.text);
  for (const loop of body.descendantsOfType('for_statement').filter(own)) {
    const shape = loopShape(loop);
    if (shape.kind === 'forever') return 'loops until something stops it (a long-lived worker)';
    // `for ready.Load() < n { runtime.Gosched() }`: a start line the others move.
    const cond = shape.kind === 'conditional' ? loop.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment') : undefined;
    if (cond && /\.Load\w*\(/.test(cond.text)) return loadPolled(cond, spawn);
    const polled = cond ? pollsShared(loop, cond, body, spawn) : undefined;
    if (polled) return polled;
    // `for ctx.Err() == nil { subscribe; redial }`: runs until its context is done.
    if (cond && /^[\w.]+\.Err\(\)\s*==\s*nil$/.test(cond.text.trim())) return `loops while ${cond.text} (until something stops it: a long-lived worker)`;
    if (shape.kind === 'range' && /\.C$|^time\.Tick\(/.test(shape.over?.text ?? '')) return `loops on ${shape.over!.text} until something stops it (a long-lived worker)`;
    const channel = channelRangedOver(loop, ctx);
    if (channel) return `receives from ${channel} until it is closed`;
  }
  for (const select of body.descendantsOfType('select_statement').filter(own)) {
    if (!select.namedChildren.some((c) => c.type === 'communication_case' || c.type === 'default_case')) return 'blocks forever (select {})';
  }
  // `<-ctx.Done()` as a statement of its own: it waits for the end, whoever brings it and whatever the spawner waits for.
  const stopWaiter = body.descendantsOfType('expression_statement').filter(own).find(isDoneWait);
  if (stopWaiter) return `waits for ${stopWaiter.text.replace(/^<-\s*/, '').slice(0, -'.Done()'.length)} to be done (${stopWaiter.text}), as a stop waiter does`;
  const handed = waitsOnHandedChannel(body, own, declaredHere);
  if (handed) return `waits on ${handed}, a channel it hands on for another to close`;
  const graph = waitsOnOthersEnds(body, own);
  if (graph) return graph;
  if (!waitedForAtOnce) {
    const why = usesOutsideChannel(body, spawn, own, declaredHere);
    if (why) return why;
  }
  const calls = body.descendantsOfType('call_expression').filter(own);
  const serves = calls.find((c) => SERVE.test(c.childForFieldName('function')?.text ?? ''));
  if (serves) return `serves until its server is stopped (${serves.childForFieldName('function')!.text}), a long-lived worker`;
  const on = (call: Node, method: string) => {
    const m = new RegExp(`^(.+)\\.${method}$`).exec(call.childForFieldName('function')?.text ?? '');
    return !!m && !declaredHere(m[1]);
  };
  const waits = calls.find((c) => on(c, 'Wait'));
  if (waits) return `waits on ${waits.text}`;
  const started = calls.find((c) => on(c, 'Done') && signalsStart(c));
  if (started) return `calls ${started.text} before its work is done: a signal that it has started, which the spawner may wait for from all of them`;
  const below = startSignalledInCallee(calls, ctx, declaredHere);
  if (below) return `calls ${below.call.text}, which calls ${below.done.text}, before its work is done: a signal that it has started, which the spawner may wait for from all of them`;
  return undefined;
}

/** A call that is a statement of the literal's body itself (`io.Copy(…)`, `_, err := io.Copy(…)`), not nested deeper. */
function ownStatement(callee: Node, literal: Node): boolean {
  const stmt = ancestors(callee).find((a) => a.parent?.type === 'block' || a.parent?.type === 'statement_list');
  return !!stmt && same(stmt.parent?.type === 'block' ? stmt.parent : stmt.parent?.parent ?? null, literal.childForFieldName('body')) && stmt.type !== 'defer_statement';
}

/** net/http's, gRPC's and most servers' blocking entry points: they return when the server stops. */
const SERVE = /(^|\.)(Serve|ServeTLS|ListenAndServe|ListenAndServeTLS)$/;

/** `io.Copy`, `io.CopyBuffer`: a copy that runs until its reader ends. */
const STREAM_COPY = /^io\.(Copy|CopyBuffer)$/;

/** The statement after the loop waits for the goroutines: `wg.Wait()`, `err := g.Wait()`, `return g.Wait()`. */
function waitsRightAfter(loop: Node): boolean {
  const next = nextStatement(loopStatement(loop));
  return !!next && /^(return\s+)?([\w\s,]+:?=\s*)?[\w.]+\.Wait\(\)$/.test(next.text);
}

/**
 * What a user may do about goroutines that may wait, and what to look at first: a bound deadlocks
 * where the goroutines wait on the code that starts them (wish's chat, sending to each program's
 * event loop from inside one, froze at the bound).
 */
const ON_PURPOSE = 'set max-concurrency to bound them on purpose, once none of them waits on the code that starts them (a send to the event loop that runs this loop would hang at the bound)';

