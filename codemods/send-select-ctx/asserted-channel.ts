import { declarationOf } from '../../src/go/scope.js';
import { unparen, type Node } from '../../src/go/syntax.js';

/** `ch.(chan bool) <- v`, or a local taken that way (`ch := v.(chan T)`): what the channel was asserted from. */
export function assertedChannel(send: Node): string | undefined {
  let chan = unparen(send.childForFieldName('channel')!);
  if (chan.type === 'identifier') {
    const found = declarationOf(chan.text, send);
    const value = found && 'local' in found ? found.local.value : undefined;
    if (!value) return undefined;
    chan = unparen(value);
  }
  return chan.type === 'type_assertion_expression' ? chan.childForFieldName('operand')?.text : undefined;
}
