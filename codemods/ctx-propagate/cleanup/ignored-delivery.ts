import { calledName } from '../../../src/go/called-functions.js';
import { nameWords } from '../../../src/go/name-words.js';
import { LOG_CALL, type Node } from '../../../src/go/syntax.js';
import { resultDropped } from '../writes/dropped-error.js';
import { writtenTo } from '../writes/records-earlier.js';

/**
 * Words of a call that hands data on, beside the writes `writtenTo` reads: a message sent
 * (go-actor's `Mailbox.Send`), a buffer flushed, a value pushed, queued, delivered, emitted,
 * submitted or forwarded.
 */
const DELIVERS = /^(Send|Flush|Push|Enqueue|Deliver|Emit|Submit|Forward)$/i;

/**
 * The call a context is handed to, as written up to its paren, when it delivers data (a write
 * `writtenTo` reads, or a name saying it sends, flushes, pushes…: `w.out.Send(…)`) and its result
 * is dropped (a statement of its own, or assigned to `_`): failing, it loses what it delivers
 * without a word. Not a logger's call (`log.G(ctx).Infof(…)`).
 */
export function ignoredDelivery(call: Node): string | undefined {
  const target = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const callee = target?.type === 'call_expression' ? target.childForFieldName('function') : undefined;
  if (!callee || !resultDropped(target!) || LOG_CALL.test(callee.text)) return undefined;
  const name = calledName(callee)?.name;
  if (!name) return undefined;
  return nameWords(name).some((w) => DELIVERS.test(w)) ? `${callee.text}(…)` : writtenTo(call);
}
