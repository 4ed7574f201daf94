import { declarationOf } from '../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, firstLine, same, type Node } from '../../src/go/syntax.js';

/**
 * A goroutine with a loop of its own that uses something the spawning function closes only in a
 * defer, after its `wg.Wait()` (nps' response reader: `for { http.ReadResponse(bufio.NewReader(connClient), r) }`,
 * with `defer func() { connClient.Close() … }()`): the goroutine ends on that close, so a Wait
 * that counts it (the Add moved before `go`) would wait for good, where the Add inside let Wait
 * pass it. The name and the defer, e.g. `connClient (defer func() {)`.
 */
export function closedOnlyAfterWait(go: Node, literal: Node, group: string): string | undefined {
  const fn = enclosingFunction(go);
  const body = fn?.childForFieldName('body');
  if (!fn || !body) return undefined;
  const own = (n: Node) => same(enclosingFunction(n), fn) && !contains(literal, n);
  const waits = body.descendantsOfType('call_expression').some((c) => own(c) && c.childForFieldName('function')?.text === `${group}.Wait`);
  if (!waits) return undefined;
  const defers = body.descendantsOfType('defer_statement').filter(own);
  // A goroutine with a loop of its own, reading or writing what it was handed (not in its defers).
  if (!literal.descendantsOfType('for_statement').some((l) => same(enclosingFunction(l), literal))) return undefined;
  const inDefer = (n: Node) => ancestors(n).some((a) => a.type === 'defer_statement' && contains(literal, a));
  for (const id of literal.descendantsOfType('identifier')) {
    if (!same(enclosingFunction(id), literal) || inDefer(id)) continue;
    const closes = new RegExp(`(?<![\\w.])${id.text}\\.Close\\(|\\bclose\\(\\s*${id.text}\\s*\\)`);
    const closer = defers.find((d) => closes.test(d.text));
    if (!closer) continue;
    const found = declarationOf(id.text, id);
    const decl = found && ('local' in found ? found.local.decl : found.param.fn);
    if (decl && !contains(literal, decl)) return `${id.text} (${firstLine(closer.text)}, line ${closer.startPosition.row + 1})`;
  }
  return undefined;
}
