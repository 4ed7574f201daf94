import { declarationOf } from '../../../src/go/scope.js';
import { unparen, type Node } from '../../../src/go/syntax.js';

/**
 * How the channel is reached where goconc does not follow it, as said in a reason: `ch.(chan
 * bool) <- v`, or a local taken that way (`ch := v.(chan T)`), by a type assertion; `*p <- v`,
 * through a pointer to it (waypoint's ECS task status, `taskStatusCh *chan string` handed
 * `&taskStatusCh`, whose reader in the caller waited for the final status for good once a send
 * gave up).
 */
export function assertedChannel(send: Node): string | undefined {
  let chan = unparen(send.childForFieldName('channel')!);
  if (chan.type === 'unary_expression' && chan.childForFieldName('operator')?.text === '*') return `through a pointer, ${chan.childForFieldName('operand')?.text}`;
  if (chan.type === 'identifier') {
    const found = declarationOf(chan.text, send);
    const value = found && 'local' in found ? found.local.value : undefined;
    if (!value) return undefined;
    chan = unparen(value);
  }
  return chan.type === 'type_assertion_expression' ? `out of ${chan.childForFieldName('operand')?.text} by a type assertion` : undefined;
}
