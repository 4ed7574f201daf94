import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { FileContext } from '../../../src/engine/types.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { isStopHook } from '../../../src/go/stop-hooks.js';
import { ancestors, closedChannels, enclosingFunction, firstLine, same, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * A worker's step forwarding a value it has just taken from another channel (`case v, ok :=
 * <-w.in.ReceiveC(): … w.out <- v`) on a field of its receiver that a stop hook of the same type
 * closes (`func (w *forwarder) OnStop() { close(w.out) }`): the hook runs once the worker has
 * ended (go-actor's Stop waits for the worker, then calls OnStop), so the field's readers range to
 * that close and the send always has its receiver; a select on the source would drop, on a
 * graceful stop, a value already taken from its inbox (a variant of go-actor's mailbox worker
 * built in a trial: every message lost). Only a hook named for the value's stop (`OnStop`,
 * `OnClose`, `OnShutdown`) counts: a `Close` or `Stop` may run while the worker still goes on.
 * The reason, if so.
 */
export function forwardedUntilStopHook(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const fn = enclosingFunction(send);
  const recv = fn?.type === 'method_declaration' ? receiverOf(fn) : undefined;
  const chan = unparen(send.childForFieldName('channel')!);
  const operand = chan.type === 'selector_expression' ? unparen(chan.childForFieldName('operand')!) : undefined;
  const field = chan.childForFieldName('field')?.text;
  if (!fn || !recv?.name || operand?.text !== recv.name || !field) return undefined;
  const taken = takenFrom(send, fn, chan.text);
  if (!taken) return undefined;
  for (const m of ctx.packageIndex().methodsWhere(recv.typeName, (text) => text.includes('close('))) {
    const closer = receiverOf(m.node)?.name;
    if (!closer || same(m.node, fn) || !isStopHook(m.name)) continue;
    const close = closedChannels(m.node).find((c) => unparen(c).text.replace(/\s/g, '') === `${closer}.${field}` && same(enclosingFunction(c), m.node));
    if (!close) continue;
    return `the send forwards ${taken.value}, just taken from ${taken.from} (line ${taken.line}), on ${chan.text}, which ${m.name}() closes (${firstLine(close.parent!.parent!.text)}), a hook run once this work has ended: ${chan.text}'s readers take values until that close, so the send always has its receiver, and a select on ${source.expr} would drop a value already taken from ${taken.from} on a graceful stop`;
  }
  return undefined;
}

/**
 * Where the value sent, a name, was received in the send's own function, from another channel:
 * the case around the send (`case v, ok := <-w.in.ReceiveC():`) or a statement before it in a
 * block around it (`v := <-in`).
 * Kept apart from forwarded-closed.ts' producedBy: that one stops at the loop's pass and also counts fetch calls, which this stop-hook case has not been shown to drop.
 */
function takenFrom(send: Node, fn: Node, chan: string): { value: string; from: string; line: number } | undefined {
  const value = send.childForFieldName('value');
  if (value?.type !== 'identifier') return undefined;
  for (const a of ancestors(send)) {
    if (same(a, fn)) break;
    const statements = a.type === 'communication_case' ? [a.childForFieldName('communication')] : a.type === 'statement_list' ? a.namedChildren.filter((s) => s.endIndex <= send.startIndex) : [];
    for (const s of statements) {
      const left = s?.childForFieldName('left');
      const right = s?.childForFieldName('right');
      if (!s || !left || !right || !['receive_statement', 'short_var_declaration', 'assignment_statement'].includes(s.type)) continue;
      const names = left.type === 'expression_list' ? left.namedChildren : [left];
      const got = unparen(right.type === 'expression_list' && right.namedChildCount === 1 ? right.namedChild(0)! : right);
      if (names[0]?.text !== value.text || got.type !== 'unary_expression' || got.childForFieldName('operator')?.text !== '<-') continue;
      const from = unparen(got.childForFieldName('operand')!).text;
      if (from.replace(/\s/g, '') === chan.replace(/\s/g, '')) continue;
      return { value: value.text, from, line: s.startPosition.row + 1 };
    }
  }
  return undefined;
}
