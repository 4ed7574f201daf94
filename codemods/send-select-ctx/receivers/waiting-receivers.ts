import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { Node } from '../../../src/go/syntax.js';
import { awaitedByCaller, cancelledByReader } from '../callers/callers.js';
import { readByEntryPointsCaller } from '../callers/entry-point.js';
import { fieldReceiveLeftWaiting } from './receivers.js';
import { awaitedByBuilder, replyChannel, requestReply } from '../callers/reply-channels.js';
import { cancelledByCallingSpawner, cancelledBySpawner } from '../sources/spawner-cancels.js';
import { cancelledAfterGoReason } from '../sources/cancelled-after-go.js';
import { handedWithStopChannel } from '../callers/handed-with-stop.js';
import { fieldAwaitedOnOwnContext } from './field-awaited-own-context.js';
import { sentAgainAfterWait } from '../callers/sent-after-wait.js';
import { awaitedByOptionsCaller } from '../callers/options-channel.js';

/**
 * Whoever receives the value still waits for it once the source is done: a reply channel's
 * requester, a reader the source's end does not stop, the caller handing the channel in, a plain
 * receive of the field. The reason against a select on `source`, or undefined.
 */
export function waitingReceiverReason(send: Node, fn: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const chan = send.childForFieldName('channel')!.text;
  const reply = replyChannel(send, ctx);
  if (reply) {
    return `${chan} is a reply channel taken from ${reply}: whoever sent it waits for the answer, and a send giving up once ${source.expr} is done could leave it waiting forever`;
  }
  const readerCancels = cancelledByReader(send, ctx, source);
  if (readerCancels) {
    return `${readerCancels}: ${source.expr} is done while its reader still waits for every value, and a send giving up then would leave it waiting for good`;
  }
  const beside = handedWithStopChannel(send, ctx);
  if (beside) return `${chan} is made beside a stop channel and handed on with it (${beside}): its reader ends on that channel, not on ${source.expr}, and a send giving up once ${source.expr} is done would drop a value it is still there to take`;
  const entry = readByEntryPointsCaller(send, fn, ctx, source);
  if (entry) return `${chan} is handed down from a parameter of ${entry}, and no code of the package calls it: its caller reads ${chan} until it returns, and ${source.expr} is its own stop, so a select would drop values that reader still takes`;
  const caller = awaitedByCaller(send, ctx, source);
  if (caller) {
    return `${chan} is handed in by a caller that takes every value: ${caller}; a send giving up once ${source.expr} is done would drop a value it counts on, or leave it waiting forever`;
  }
  const spawnerEnds = cancelledBySpawner(send, source) ?? cancelledByCallingSpawner(send, source, ctx.packageIndex());
  if (spawnerEnds) {
    return `${source.expr} is ended by ${spawnerEnds}, the function handed ${chan} by its caller: it is done when that function is, not when the caller stops reading, and a select on it would drop values the caller still waits for`;
  }
  const endedAfterGo = cancelledAfterGoReason(send, source, ctx);
  if (endedAfterGo) return endedAfterGo;
  const waitingOnField = fieldReceiveLeftWaiting(send, ctx);
  if (waitingOnField) {
    return `${waitingOnField} waits for the value, and nothing the package runs closes the field (an exported method it never calls, such as Terminate, runs only if a user asks): a send that gives up once ${source.expr} is done would leave it waiting forever`;
  }
  const options = awaitedByOptionsCaller(send, ctx, source);
  if (options) return `${options}: a send giving up once ${source.expr} is done would leave it waiting for good`;
  const again = sentAgainAfterWait(send);
  if (again) return `the function that starts this goroutine sends on ${chan} itself once it has waited for it (${again}): its caller reads ${chan} until that function returns, so the send has its receiver, and a select on ${source.expr} would only drop a value it takes`;
  const ownContext = fieldAwaitedOnOwnContext(send, ctx, source);
  if (ownContext) return `${ownContext}, not on this send's ${source.expr}: that one may end before the wait begins, and a send giving up then would leave the wait without its value until its own context ends`;
  const builder = awaitedByBuilder(send, ctx);
  if (builder) {
    return `${chan} is the reply channel the package put in the request where it built it, and ${builder}: a send giving up once ${source.expr} is done would leave it waiting forever`;
  }
  const request = requestReply(send);
  if (request) {
    return `${chan} is a reply channel taken from ${request}: whoever sent it waits for the answer, and a send giving up once ${source.expr} is done could leave it waiting forever`;
  }
  return undefined;
}

/**
 * A receive of the field selected against nothing but a timer (loop's store mock: its test helper
 * `AssertLoopOutState` selects on the channel and `time.After(test.Timeout)`), the field closed by
 * nothing the package runs: it waits for the value until the timer fires, and a dropped value
 * makes it give up then. The reason against a select on `source`, or undefined.
 */
export function timedFieldReason(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const timed = fieldReceiveLeftWaiting(send, ctx, true);
  return timed && `${timed}, and nothing the package runs closes the field: a send that gives up once ${source.expr} is done would drop a value that receive still waits for, and it would give up at the timeout instead of taking it`;
}
