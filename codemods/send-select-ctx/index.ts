import { cancellationSources, DONE_NAME, signalledDoneChannels, deadDoneFieldsReason } from '../../src/go/cancellation.js';
import { ancestors, contains, enclosingFunction, firstLine, outermostFunction, same, touchesError, type Node } from '../../src/go/syntax.js';
import { escapes } from '../../src/go/escaping.js';
import type { Codemod, FileContext, Fix, RawFinding } from '../../src/engine/types.js';
import { abandonableResultChannel, awaitedResultChannel, drainedOnExit } from '../../src/go/result-channel.js';
import { ignoredByMakerReason } from './receivers/polled-by-maker.js';
import { fieldReceiverIgnoringReason } from './receivers/field-receiver-ignoring.js';
import { returnedReplyReason } from './callers/returned-reply.js';
import { continuesLoop, fanOutReason } from './rewrite/fan-out.js';
import { sendStatements } from '../../src/go/find-by-text.js';
import { sendCannotBlock } from './cannot-block/buffered.js';
import { roomInEveryCaller } from './cannot-block/caller-room.js';
import { relayedFrom } from './receivers/relays.js';
import { collectedAfterWait } from './receivers/collected-after-wait.js';
import { collectorChannel, drainedBy, storedFieldReceived } from './receivers/receivers.js';
import { waitingReason } from './receivers/registered-channels.js';
import { handedBackWithChannel, tokenTaken } from './callers/reply-channels.js';
import { returnLeavesOnly } from './callers/callers.js';
import { closedErrorChannel, closedOnceAllSent, reportedOnSameChannel, truncatedStream } from './closed-channels/streams.js';
import { groupContextBeside } from './sources/group-context.js';
import { docs } from './docs/docs.js';
import { detachedWork, handedOff } from './sources/detached-work.js';
import { cancelLeftUncalled } from './early-return/lost-cancel.js';
import { endsOnReturnReason, lastingSources, perItemLoop } from './sources/per-item-context.js';
import { everyValueAwaited } from './receivers/package-channel.js';
import { reportsServerEnd, stoppedBySentCall } from './done-already/stopped-by-sent-call.js';
import { deliveredBefore } from './done-already/delivered-value.js';
import { recordedAsSent } from './early-return/recorded-as-sent.js';
import { handedOnInDoneCase } from './receivers/handed-on-done.js';
import { carriesResultOf, endedThenAwaited, knownDoneWhere, reportsFailureOf, windingDown } from './done-already/done-already.js';
import { buildFix, placementOf } from './fix.js';
import { sendOperands } from './rewrite/send-operands.js';
import { ownTimeout, preferredOrder } from './sources/source-order.js';
import { timedFieldReason, waitingReceiverReason } from './receivers/waiting-receivers.js';
import { heldResultOf } from './done-already/held-result.js';
import { groupMadeSourceReason } from './sources/group-made-source.js';
import { closedByLaterCall } from './closed-channels/closed-by-callee.js';
import { inPlaceReason } from './early-return/called-in-place.js';
import { closedOnceDone } from './closed-channels/closed-on-done.js';
import { closedOnSenderFailure } from './closed-channels/closed-on-failure.js';
import { closedOnceSendersDone } from './closed-channels/closed-after-senders.js';
import { exchangeReason } from './receivers/handshake.js';
import { remadeByMethod } from './sources/remade-switch.js';
import { handsOnAcceptedConnection } from './receivers/accepted-connection.js';
import { collectorMetricChannel } from './receivers/collector-metrics.js';
import { checkedAfterSend, cleanupSkippedByReturn, closedUnderSender, inOwnDoneCase, ownStopOnDone, stopsOnOwnChannel } from './early-return/early-return.js';
import { testingParameter } from '../../src/go/scope.js';
import { alignReplySiblings } from './callers/reply-siblings.js';
import { mayHaveSend } from '../../src/go/text-signals.js';
import { fillsTokenBucket, givesBackTakenToken, isSemaphoreAcquire, givesBackReceived } from './cannot-block/semaphore.js';
import { lockAcquired } from './early-return/lock-acquire.js';
import { assertedChannel } from './receivers/asserted-channel.js';
import { inNoDeadlineBranch } from './sources/no-deadline-branch.js';
import { servedUntilDone } from './receivers/served-until-done.js';
import { returnedFuture } from './callers/returned-future.js';
import { skippedReason } from './early-return/closed-on-other-exit.js';
import { cleanupInBranchReason } from './early-return/cleanup-in-branch.js';
import { openedResourceReason } from './early-return/opened-resource.js';
import { outlivedSpawnerReason } from './sources/outlived-spawner.js';
import { countedByHelper } from './receivers/counted-by-helper.js';
import { readerGivenCancel } from './sources/reader-given-cancel.js';
import { waitingInHelper } from './receivers/helper-receives.js';
import { countedWhereReturned } from './callers/returned-counted.js';
import { startedOnceReason } from './sources/started-once.js';
import { awaitedOnExitReason } from './early-return/awaited-on-exit.js';
import { answerClosedOnReturn } from './closed-channels/answer-closed-on-return.js';
import { zeroRead } from './closed-channels/zero-read.js';
import { handlerAnswersAfter } from './early-return/handler-answer.js';
import { failureThenClose } from './closed-channels/failure-then-close.js';
import { isSignal, signalReason } from './receivers/signal-names.js';
import { inTestCode } from '../../src/go/test-code.js';
import { signalSkipped } from './early-return/skipped-signal.js';
import { cancelledThenReceived } from './sources/cancelled-then-received.js';
import { advancedBeforeSend } from './early-return/raised-before-send.js';
import { mayBeNil } from './sources/nil-source.js';
import { sendEndReason } from './callers/send-end.js';
import { drainedByCallersReason } from './callers/handed-in-drained.js';
import { foreignContext } from './sources/foreign-context.js';
import { forwardedReason } from './closed-channels/forwarded-closed.js';
import { ownStopOfWorker } from './sources/worker-stop.js';
import { blockingChosenBesideSelect } from './receivers/chosen-blocking.js';

export const sendSelectCtx: Codemod = {
  id: 'send-select-ctx',
  title: 'Blocking channel sends become a select that also waits on cancellation',
  docs,
  severity: 'warning',
  enabledByDefault: true,
  options: [
    { name: 'send-shape', type: 'string', choices: ['send-first', 'select'], default: 'send-first', description: 'send-first: the send alone first, and a select on cancellation only when it would wait; select: the plain select, which picks at random when both can go' },
  ],
  prefilter: mayHaveSend,
  triggers: mayHaveSend,
  find,
};

function find(ctx: FileContext): RawFinding[] {
  const sent: { send: Node; finding: RawFinding }[] = [];
  for (const send of sendStatements(ctx.tree.rootNode, ctx.source)) {
    if (send.parent?.type === 'communication_case') continue;
    if (touchesError(send)) continue;
    const fn = enclosingFunction(send);
    if (!fn) continue;
    if (sendCannotBlock(send, outermostFunction(send) ?? fn, ctx.source, () => ctx.packageIndex().allTexts())) continue;
    // A channel parameter every caller makes with room for every goroutine it starts.
    if (roomInEveryCaller(send, ctx)) continue;
    if (isSemaphoreAcquire(send, ctx) || givesBackTakenToken(send) || givesBackReceived(send, ctx) || fillsTokenBucket(send, ctx.tree.rootNode)) continue;
    // buffered-result-chan gives such a channel a buffer of one: the send then cannot block.
    if (abandonableResultChannel(send, ctx.source)) continue;
    // The function that made the channel waits for the value: the send has its receiver.
    if (awaitedResultChannel(send, ctx.source)) continue;
    // Drained on the way out of the function that made it: the send always has its receiver.
    if (drainedOnExit(send, ctx.source)) continue;
    // A Prometheus collector's channel: the registry reads it until Collect returns.
    if (collectorChannel(send)) continue;
    const chan = send.childForFieldName('channel')!.text;
    const message = `blocking send on ${chan}: if no receiver comes, this goroutine waits forever`;
    sent.push({ send, finding: { start: send.startIndex, end: send.endIndex, message, ...fixFor(send, fn, ctx) } });
  }
  return alignReplySiblings(sent);
}

/** Names of methods that undo or end what others did: `CleanUp`, `Close`, `Shutdown`, `Teardown`. */
const TEARDOWN = /^(Clean[Uu]p|Close|Shutdown|Stop|Teardown|TearDown|Release)$/;

function fixFor(send: Node, fn: Node, ctx: FileContext): { fix?: Fix; alternatives?: Fix[]; reason?: string } {
  const inScope = cancellationSources(send, ctx.tree, ctx.packageIndex);
  // Whatever the source: the server the send reports on ends with it.
  const served = inScope.length > 0 ? reportsServerEnd(send, fn) : undefined;
  // Before the reports: a capacity release sent after a failed call is no report of that failure.
  const sendEnd = inScope.length > 0 ? sendEndReason(send, fn, inScope[0].expr, ctx) : undefined;
  if (sendEnd) return { reason: sendEnd };
  for (const s of inScope) {
    const failed = reportsFailureOf(send, fn, s);
    if (failed) return { reason: `the send reports ${failed}, which is given ${s.expr} or a context made from it: once ${s.expr} is done that call ends, and a select would drop the report at random` };
    if (served) return { reason: `the send reports why the server stopped (${served.serve}), and the function stops it itself (${served.stop}): the report comes once ${s.expr} is done, and a select on it would drop it` };
    const stopper = stoppedBySentCall(send, s, ctx);
    if (stopper) return { reason: `the send hands on what ${stopper}: the value reports why the work stops, and a select on ${s.expr}, closed by then, would drop it` };
  }
  for (const s of inScope) {
    const detached = detachedWork(send, fn, s, ctx);
    if (detached) return { reason: `the function's work goes on once ${s.expr} is done (${detached}), and the send reports it: a select on ${s.expr} would drop that report at random` };
  }
  const doneWhere = new Map(inScope.map((s) => [s, knownDoneWhere(send, fn, s, ctx)]));
  const maybeNil = new Map(inScope.map((s) => [s, mayBeNil(s, ctx, send)]));
  const sources = lastingSources(inScope.filter((s) => doneWhere.get(s) === undefined && maybeNil.get(s) === undefined), send);
  const nilField = inScope.find((s) => doneWhere.get(s) === undefined && maybeNil.get(s) !== undefined);
  if (sources.length === 0 && nilField) return { reason: `${maybeNil.get(nilField)}, and a select on ${nilField.expr}.Done() would then panic` };
  const onReturn = sources.length === 0 ? endsOnReturnReason(inScope, send) : undefined;
  if (onReturn) return { reason: onReturn };
  if (sources.length === 0 && inScope.length > 0) {
    return { reason: `the send runs once ${inScope[0].expr} is done (${doneWhere.get(inScope[0])}): selecting on it would skip the send at random` };
  }
  if (sources.length === 0) {
    const signalled = signalledDoneChannels(send, ctx.tree, ctx.packageIndex);
    if (signalled.length > 0) {
      const carry = signalled.length > 1 ? 'carry' : 'carries';
      return { reason: `no cancellation source in scope: ${signalled.join(', ')} ${carry} signals (sent on or closed by this code, or a field the package sends on) rather than telling this code to stop` };
    }
    const dead = deadDoneFieldsReason(send, ctx.tree, ctx.packageIndex);
    if (dead) return { reason: dead };
    const foreign = foreignContext(send);
    const group = foreign ? undefined : groupContextBeside(send);
    return { reason: foreign ? `no cancellation source goconc knows in scope: ${foreign} is not the standard library's context.Context, and goconc cannot see whether it has a Done() to select on` : group ? `no cancellation source goconc takes in scope: ${group} is the context of the errgroup that runs this goroutine, which goconc does not select on` : 'no cancellation source in scope (no context.Context or done channel to select on)' };
  }
  const chan = send.childForFieldName('channel')!.text;
  const lock = lockAcquired(send, ctx);
  if (lock) return { reason: `the send takes a lock: ${lock.method} gives it back by receiving from ${chan} (${lock.receive}), a channel mutex; a send that gives up once ${sources[0].expr} is done returns without holding it, and the caller's ${lock.method} then takes the token of the goroutine that does hold it (mutual exclusion lost)` };
  const once = sources.map((s) => startedOnceReason(send, s, ctx)).find(Boolean) ?? handedOff(send, fn, sources[0]);
  if (once) return { reason: once };
  const noDeadline = inNoDeadlineBranch(send, sources, ctx.source);
  if (noDeadline) return { reason: `the send is in the branch for ${noDeadline.source} with no deadline (${noDeadline.where}, from ${firstLine(noDeadline.deadline.text)}, line ${noDeadline.deadline.startPosition.row + 1}): the function waits there on purpose, whatever the context, and a select on ${noDeadline.source}.Done() would give up where it means to wait` };
  const drainer = drainedBy(send, ctx);
  if (drainer) return { reason: `${chan} is drained by the package's own loop (${drainer}): the send has its receiver while that loop runs, and a select on ${sources[0].expr} would drop values still in flight when it ends` };
  const closedOnDone = closedOnceDone(send, fn, ctx);
  if (closedOnDone) {
    return { reason: `the package closes ${chan} once a context is done (${closedOnDone}): a send still waiting then panics, whatever else it selects on, and a select on ${sources[0].expr} would turn that panic into a value dropped at random without a word` };
  }
  const failClosed = closedOnSenderFailure(send, fn, sources[0]);
  if (failClosed) return { reason: failClosed };
  const collected = collectedAfterWait(send, ctx);
  if (collected) return { reason: `${chan} is ${collected}, once its senders are done: its room must take every value (nothing reads while they send; too little, and they wait for good as before), and a select on ${sources[0].expr} would drop values that read collects` };
  const sendersDone = closedOnceSendersDone(send, ctx, sources[0]);
  if (sendersDone) return { reason: sendersDone };
  const chanName = chan.slice(chan.lastIndexOf('.') + 1);
  if (DONE_NAME.test(chanName) && !isSignal(chanName) && /^struct\s*\{\s*\}\s*\{\s*\}$/.test(send.childForFieldName('value')?.text ?? '')) {
    return { reason: `a send on ${chan} tells other code to stop: skipped once ${sources[0].expr} is done, that code would run on (a progress reporter never stopped, the work after it cut short)` };
  }
  const reported = signalReason(chan, send, sources[0]);
  if (reported) return { reason: reported };
  const startWait = servedUntilDone(send, inScope);
  if (startWait) return { reason: `the function waits for ${startWait.source} to end after the send (${startWait.wait}, line ${startWait.line}), serving until then: the send reports that it has started, for a reader that waits for it before going on; a select on ${startWait.source} would drop that report during a shutdown at start-up and leave the reader waiting forever` };
  const asserted = assertedChannel(send);
  if (asserted) return { reason: `${chan} comes ${asserted}: who made it, with how much room, and who waits on it are not known here, and a select could drop a value its owner waits for` };
  const ownStopChannel = stopsOnOwnChannel(fn, sources);
  if (ownStopChannel) return { reason: `the function stops on ${ownStopChannel.text} in its own select (line ${ownStopChannel.startPosition.row + 1}), not on ${sources[0].expr}: its owner stops it that way, and a return once ${sources[0].expr} is done would end it where that owner does not expect it` };
  const waiting = waitingReason(send, ctx, chan, sources[0].expr);
  if (waiting) return { reason: waiting };
  const helper = countedByHelper(send, ctx, sources[0].expr) ?? countedWhereReturned(send, ctx, sources[0].expr) ?? readerGivenCancel(send, sources, ctx);
  if (helper) return { reason: helper };
  const token = tokenTaken(send, fn);
  if (token) return { reason: `the send puts back what the function took from ${chan} (${token.text}, line ${token.startPosition.row + 1}), a token others wait for: a select that gives up once ${sources[0].expr} is done would lose it at random` };
  const groupCtx = groupContextBeside(send, sources[0]);
  if (groupCtx) return { reason: `the send is in a goroutine of an errgroup whose context is ${groupCtx}: a sibling's failure ends only ${groupCtx}, and a select on ${sources[0].expr} would go on waiting (goconc does not take a group's context as a source)` };
  const groupMade = groupMadeSourceReason(send, sources[0], ctx);
  if (groupMade) return { reason: groupMade };
  const lent = handedBackWithChannel(send, fn);
  if (lent) {
    return { reason: `${chan} came with the value it is sent, from one call (${firstLine(lent.text)}, line ${lent.startPosition.row + 1}): the send hands back what that call lent, which its giver waits for (a lock held until it returns), and a select giving up once ${sources[0].expr} is done would keep it for good` };
  }
  const receiver = waitingReceiverReason(send, fn, ctx, sources[0]) ?? ownStopOfWorker(send, fn, sources[0], ctx);
  if (receiver) return { reason: receiver };
  // `msgChan <- Notification{ctx, containerID, syscall}`: the context travels with the value.
  const value = send.childForFieldName('value');
  if (sources[0].isContext && value?.descendantsOfType('identifier').some((id) => id.text === sources[0].expr && id.parent?.type === 'literal_element')) {
    return { reason: `the send hands ${sources[0].expr} itself to the reader inside the value: the context is data here, carried for whoever handles the value (which may outlive it), not a sign that this code should stop sending once it is done` };
  }
  const relay = relayedFrom(send, fn, ctx);
  if (relay) return { reason: `the send relays what it ranges over, ${relay}: returning once ${sources[0].expr} is done would stop draining it, and that sender would wait forever` };
  const stored = storedFieldReceived(send, ctx);
  if (stored) {
    return { reason: `${chan} is handed over as ${stored}, which counts on a value: a send that gives up once ${sources[0].expr} is done would leave that receive waiting, or, once ${chan} is closed, taking a zero value for one` };
  }
  const awaited = endedThenAwaited(send, sources[0], ctx.source, ctx);
  if (awaited) {
    return { reason: `${sources[0].expr} is ended and then the value awaited, ${awaited}: a send giving up once ${sources[0].expr} is done would fail that wait at random` };
  }
  const cancelThenWait = sources.map((s) => cancelledThenReceived(send, s, ctx)).find(Boolean) ?? handedOnInDoneCase(send, ctx, sources[0]);
  if (cancelThenWait) return { reason: cancelThenWait };
  const helperWait = waitingInHelper(send, ctx, sources[0].expr) ?? timedFieldReason(send, ctx, sources[0]);
  if (helperWait) return { reason: helperWait };
  const ignoring = ignoredByMakerReason(send, chan, sources[0], ctx.source) ?? fanOutReason(send, fn, sources[0].expr) ?? fieldReceiverIgnoringReason(send, sources[0], ctx) ?? returnedReplyReason(send, sources[0], ctx);
  if (ignoring) return { reason: ignoring };
  const teardown = fn.childForFieldName('name')?.text ?? '';
  if (TEARDOWN.test(teardown) && sources[0].kind === 'ctx-param' && same(sources[0].fn, fn)) {
    return { reason: `the send runs as the code winds down, in ${teardown}(), a cleanup given the work's own context (often deferred, once that context is done): a select on ${sources[0].expr} would skip the send at random` };
  }
  const windDown = windingDown(send, fn, ctx);
  if (windDown) {
    return { reason: `the send runs as the code winds down, ${windDown}: ${sources[0].expr} is likely done by then, and a select on it would skip the send at random` };
  }
  const reportAt = reportedOnSameChannel(send, fn, sources[0]);
  if (reportAt) return { reason: `the send at line ${reportAt} reports on the same channel what ${sources[0].expr}'s end produces, and keeps its blocking send: its reader takes every value until that report, and a select here would leave holes before it` };
  const leavesOnly = returnLeavesOnly(send, fn, ctx, sources[0]) ?? blockingChosenBesideSelect(send, fn, sources[0]);
  if (leavesOnly) return { reason: leavesOnly };
  const test = testingParameter(fn);
  if (test) {
    const name = fn.type === 'func_literal' ? 'a function literal' : `${fn.childForFieldName('name')?.text}()`;
    return { reason: `the send is in ${name}, given ${test}: returning once ${sources[0].expr} is done would end the test as passed and skip its checks after the send` };
  }
  if (inTestCode(ctx.path)) {
    return { reason: `the send is in test code, where contexts are ended on purpose (a timeout or a cancellation under test) while the test still waits for the value: a select on ${sources[0].expr} would drop it at random and leave the test hanging or failing` };
  }
  const held = ancestors(send).find((a) => a.type === 'func_literal' && contains(sources[0].fn, a) && !same(a, sources[0].fn) && escapes(a));
  if (held) {
    return { reason: `the send is in a function literal that is returned or stored (line ${held.startPosition.row + 1}): it runs whenever its holder calls it, often once ${sources[0].expr} is done (a cleanup's interrupt or stop), and a select on ${sources[0].expr} would skip it then` };
  }
  const remade = remadeByMethod(sources[0], ctx);
  if (remade) {
    return { reason: `${sources[0].expr} is made anew by ${remade}: the switch of one start, nil before it, not this code's lifetime, and a send selecting on it would give up whenever that start is stopped while other callers still wait for the value` };
  }
  const exchange = exchangeReason(send, sources[0].expr);
  if (exchange) return { reason: exchange };
  const inPlace = inPlaceReason(send, fn, ctx);
  if (inPlace) return { reason: inPlace };
  const placement = placementOf(send, ctx.source);
  if ('reason' in placement) return { reason: placement.reason };
  const continued = continuesLoop(send); // a fan-out's continue: no return to skip what follows
  const checked = sources[0].isContext ? checkedAfterSend(send, fn, sources[0].expr) : undefined;
  if (checked) return { reason: `the function checks ${checked.text} after the send (line ${checked.startPosition.row + 1}) and handles the end of ${sources[0].expr} there: it means to send whatever happens, and a select returning first would skip both` };
  const closedEarly = closedUnderSender(send, fn);
  if (closedEarly) return { reason: `a return here would run ${firstLine(closedEarly.text)} (line ${closedEarly.startPosition.row + 1}) while a goroutine the function started may still send on that channel: the send would panic (send on closed channel)` };
  const answered = continued ? undefined : handlerAnswersAfter(send, fn, ctx.source);
  if (answered) return { reason: `the function is an HTTP handler that writes its answer to ${answered.writer} after the send (${firstLine(answered.use.parent?.parent?.text ?? answered.use.text)}, line ${answered.use.startPosition.row + 1}): a return once ${sources[0].expr} is done would write nothing, and net/http would answer 200 OK, the request reported as done` };
  const skipped = continued ? undefined : cleanupSkippedByReturn(send, fn, ctx.source, ctx.packageIndex());
  if (skipped) return { reason: skippedReason(skipped, send) };
  const branchCleanup = continued ? undefined : cleanupInBranchReason(send, fn, ctx.source) ?? openedResourceReason(send, fn);
  if (branchCleanup) return { reason: branchCleanup };
  const pending = advancedBeforeSend(send, fn, ctx);
  if (pending) return { reason: pending };
  const signal = continued ? undefined : signalSkipped(send, fn);
  if (signal) return { reason: `the return added here would skip ${signal.text} (line ${signal.startPosition.row + 1}), a signal someone waits for that keeps its blocking send: that waiter would wait forever` };
  const item = perItemLoop(sources[0], send);
  if (item) return { reason: `${sources[0].expr} is made for one item of the loop at line ${item.startPosition.row + 1}: it ends with that item, and a return on it would end the loop for every item after` };
  const lost = continued ? undefined : cancelLeftUncalled(send, fn, sources[0]);
  if (lost) return { reason: `${sources[0].expr} is made here with ${lost}, not yet deferred: the new return would leave ${lost} uncalled on that path (go vet: lost cancel)` };
  const closer = continued ? undefined : closedByLaterCall(send, fn, ctx);
  if (closer) return { reason: `an early return here would skip ${closer}: its reader would wait for good for a close that never comes` };
  const doneCase = inOwnDoneCase(send, fn);
  if (doneCase) {
    const comm = doneCase.childForFieldName('communication')!.text.trim();
    return { reason: `the send is in the function's own case for a context being done (case ${comm}: on line ${doneCase.startPosition.row + 1}): it reports that end, and a select on ${sources[0].expr} would be as ready then and drop the report at random` };
  }
  const ownStop = sources.map((s) => ownStopOnDone(fn, s, inScope)).find(Boolean); // any source the fix may take (signoz's b.stopC)
  if (ownStop) {
    const what = firstLine(ownStop.node.text);
    const own = `the function's own case for ${ownStop.expr} being done`;
    const at = `(line ${ownStop.node.startPosition.row + 1})`;
    if (!ownStop.goesOn) return { reason: `${own} runs ${what} ${at} before it stops: a select that only returns would skip it` };
    const runs = ownStop.node.type === 'communication_case' ? `${at} does not return` : `runs ${what} ${at}`;
    return { reason: `${own} ${runs} and goes on to the code after it: a select that returns would skip that code` };
  }
  const stream = truncatedStream(send, ctx);
  if (stream) {
    return { reason: `${stream.text ?? `${chan} is a stream this function ${stream.handed} and closes once it has sent everything, and ${stream.how}`}: a send giving up once ${sources[0].expr} is done would end it early, read as complete` };
  }
  const closedOnExit = closedErrorChannel(send);
  if (closedOnExit) {
    return { reason: `the function closes ${chan} on its way out (deferred ${closedOnExit}): a send skipped once ${sources[0].expr} is done would leave its reader the close, a zero value (${zeroRead(send.childForFieldName('channel')!, ctx.packageIndex, 'a nil error, false')}) read as the answer` };
  }
  const closedAfterWait = closedOnceAllSent(send);
  if (closedAfterWait) {
    return { reason: `the function starting this goroutine closes ${chan} once its goroutines are done (${closedAfterWait}, after a Wait): a send skipped once ${sources[0].expr} is done would leave its reader the close, a zero value (${zeroRead(send.childForFieldName('channel')!, ctx.packageIndex, 'a nil error, false')}) read as the answer` };
  }
  const answer = answerClosedOnReturn(send);
  if (answer) return { reason: `the function closes ${answer.chan} on its way out (deferred ${answer.close}), and its reader takes that close for the answer (a nil error), as for the send on it at line ${answer.line}: a return here once ${sources[0].expr} is done would run that close, and the reader would take ${chan} cut short for a clean end` };
  const failed = failureThenClose(send);
  if (failed) return { reason: `the send reports a failure (${failed.value}, in ${failed.test}) on ${chan}, which the function closes on its way out (deferred ${failed.close}): skipped once ${sources[0].expr} is done, it would leave the reader only the close, read as a clean end, and the failure would be lost` };
  const metrics = collectorMetricChannel(send);
  if (metrics) return { reason: `${chan} is a Prometheus collector's metric channel (${metrics}): the registry reads every metric until Collect returns, and a select on ${sources[0].expr} would drop metrics once it is done (a collection timeout: the scrape loses them, its success metric included)` };
  const accepted = handsOnAcceptedConnection(send);
  if (accepted) return { reason: `the send hands on a connection the function accepted, ${accepted}, for its receiver to serve and close: a send giving up once ${sources[0].expr} is done would drop it unclosed, its client left hanging` };
  const carried = carriesResultOf(send, fn, sources[0]) ?? heldResultOf(send, fn, sources[0]);
  if (carried) {
    return { reason: `the send reports ${carried}, which is given ${sources[0].expr} or a context made from it: once ${sources[0].expr} is done that call ends, and a select would drop the report at random` };
  }
  const delivered = deliveredBefore(send, fn, sources[0], ctx);
  if (delivered) return { reason: `the send hands on ${delivered}: that work is done, and a select on ${sources[0].expr} would drop the delivered value once it is done, its reader never told of it` };
  const recorded = sources[0].isContext ? recordedAsSent(send, sources[0], ctx) : undefined;
  if (recorded) return { reason: `the send follows ${recorded}` };
  const undroppable = everyValueAwaited(send, sources[0], ctx);
  if (undroppable) return { reason: undroppable };
  const future = returnedFuture(send, sources[0].expr);
  if (future) return { reason: future };
  const outlived = outlivedSpawnerReason(send, sources);
  if (outlived) return { reason: outlived };
  const handedIn = awaitedOnExitReason(send, fn, sources[0].expr) ?? drainedByCallersReason(send, ctx, sources[0]) ?? forwardedReason(send, sources, () => ctx.packageIndex().allTexts());
  if (handedIn) return { reason: handedIn };
  const operands = ctx.options['send-shape'] === 'select' ? undefined : sendOperands(send, outermostFunction(send) ?? fn);
  const ordered = preferredOrder(send, sources);
  if (ordered.length === 0) {
    return { reason: `the only source is a timeout the function sets itself (${ownTimeout(send, sources[0])}), for a channel it was handed: that timer ends while the reader may still come for the value, and a select on it would drop the value` };
  }
  const plans = ordered.map((s) => buildFix(send, fn, s, placement, ctx.source, ctx.packageIndex, operands));
  const fixes = plans.flatMap((p) => (p.ok ? [p.fix] : []));
  if (fixes.length === 0) return { reason: (plans[0] as { reason: string }).reason };
  return { fix: fixes[0], alternatives: fixes.length > 1 ? fixes.slice(1) : undefined };
}
