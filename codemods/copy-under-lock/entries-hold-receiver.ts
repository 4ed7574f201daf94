import type { FileContext } from '../../src/engine/types.js';
import { unparen, type Node } from '../../src/go/syntax.js';
import type { Rewrite } from './rewrites.js';

/**
 * A method of the type that builds the map's entries (it indexes the map) with a pointer into the
 * receiver or the receiver itself in a composite literal (`m.streams[ch] = &stream{log: &m.Log}`,
 * `&conn{owner: s}`): an entry's methods can reach what the lock guards without taking it, and a
 * call on a taken entry moved past the unlock would touch that state unguarded (grafana-like run
 * streams whose Close appended to the manager's log: entries lost, a data race). As the method's
 * name and the value as written (`Open`, `&m.Log`).
 */
export function entriesHoldReceiver(typeName: string, field: string, ctx: FileContext): { method: string; held: string } | undefined {
  const indexed = new RegExp(`\\.${field}\\s*\\[`);
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => indexed.test(text) && text.includes('{'))) {
    const recv = m.node.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('name')?.text;
    if (!recv) continue;
    for (const literal of m.node.descendantsOfType('composite_literal')) {
      for (const element of literal.childForFieldName('body')?.namedChildren ?? []) {
        const value = element.type === 'keyed_element' ? element.childForFieldName('value') : element;
        const held = value ? heldReceiver(unparen(value.namedChild(0) ?? value), recv) : undefined;
        if (held) return { method: m.name, held };
      }
    }
  }
  return undefined;
}

/** `m` or `&m.Log` (`&m.stats.count`), the receiver `recv` or a field's address: as written. */
function heldReceiver(value: Node, recv: string): string | undefined {
  if (value.type === 'identifier') return value.text === recv ? value.text : undefined;
  if (value.type !== 'unary_expression' || value.childForFieldName('operator')?.text !== '&') return undefined;
  let operand = unparen(value.childForFieldName('operand')!);
  while (operand.type === 'selector_expression') operand = unparen(operand.childForFieldName('operand')!);
  return operand.type === 'identifier' && operand.text === recv ? value.text : undefined;
}

/**
 * No fix for a call on an entry of a map whose entries hold the receiver (see entriesHoldReceiver):
 * taken and removed, or ranged over (`for _, v := range c.xclients { v.Close() }`, each xClient
 * built with `owner: c` and its Close writing `x.owner.open--`: an rpcx-shaped client registry).
 */
export function heldReceiverPlan(typeName: string, field: string, call: Node, cs: { recv: string }, ctx: FileContext): Rewrite | undefined {
  const holder = entriesHoldReceiver(typeName, field, ctx);
  return holder && { ok: false, reason: `${holder.method} builds the entries of ${cs.recv}.${field} holding ${holder.held}, state of ${cs.recv} the lock guards: ${call.text} on an entry may reach it, and after the unlock it would touch it without the lock (a data race, writes lost)` };
}
