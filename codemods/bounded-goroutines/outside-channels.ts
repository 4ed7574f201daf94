import type { Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { sendsHaveRoom } from './room.js';
import { handsUnbufferedChannel } from './waits-on-others.js';

/** A send or receive on a channel made outside the goroutine, which may be waiting for the spawner. */
export function usesOutsideChannel(body: Node, spawn: Spawn, own: (n: Node) => boolean, declaredHere: (name: string) => boolean): string | undefined {
  for (const send of body.descendantsOfType('send_statement').filter(own)) {
    // `select { case x.done <- name: default: }` never waits.
    if (send.parent?.type === 'communication_case' && send.parent.parent!.namedChildren.some((c) => c.type === 'default_case')) continue;
    const ch = send.childForFieldName('channel')!.text;
    if (!declaredHere(ch) && !sendsHaveRoom(ch, body, spawn)) return `sends on ${ch}, which may have no receiver until the loop is done`;
  }
  const handed = handsUnbufferedChannel(body.descendantsOfType('call_expression').filter(own), spawn, declaredHere);
  if (handed) return handed;
  for (const recv of body.descendantsOfType('unary_expression').filter(own)) {
    if (recv.childForFieldName('operator')?.text !== '<-') continue;
    const from = recv.childForFieldName('operand')!.text;
    if (/\.Done\(\)$|^time\.(After|Tick)\(|\.C$/.test(from) || declaredHere(from)) continue;
    return `waits to receive from ${from}`;
  }
  return undefined;
}
