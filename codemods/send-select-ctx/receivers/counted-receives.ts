import { leavesLoop } from '../../../src/go/loops.js';
import { madeChannel } from '../../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';

/**
 * A local channel whose senders are goroutines started once per element of a collection (`for _,
 * msg := range msgs { go func() { …; errCh <- err }() }`), and which a goroutine the same
 * function starts takes once per element of that same collection, with a plain receive and no way
 * out of its loop (`go func() { for range msgs { if e := <-errCh; e != nil { … } } }()`): every
 * value has its receiver, and a send that gave up would leave that collector waiting for good
 * (dapr's Service Bus lock renewals, whose collector hung once the subscription ended mid-round).
 * The collector's loop header and receive, e.g. `for range msgs … <-errCh`.
 */
export function countedByCollector(send: Node, name: string): string | undefined {
  const made = madeChannel(name, send);
  if (!made) return undefined;
  const maker = enclosingFunction(made.decl);
  const go = ancestors(send).find((a) => a.type === 'go_statement');
  const loop = go && ancestors(go).find((a) => a.type === 'for_statement' && !!maker && contains(maker, a));
  const collection = loop?.namedChildren.find((c) => c.type === 'range_clause')?.childForFieldName('right')?.text;
  if (!maker || !collection) return undefined;
  for (const other of maker.descendantsOfType('go_statement')) {
    if (same(other, go) || !same(enclosingFunction(other), maker)) continue;
    for (const clause of other.descendantsOfType('range_clause')) {
      const counted = clause.parent!;
      if (clause.childForFieldName('right')?.text !== collection || leavesLoop(counted)) continue;
      const receive = counted.descendantsOfType('unary_expression').find((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === name && !ancestors(u).some((a) => a.type === 'select_statement' && contains(counted, a)));
      if (receive) return `for range ${collection} … <-${name}`;
    }
  }
  return undefined;
}
