import { receiveCase, timerCases } from '../../../src/go/receive-shapes.js';
import { ancestors, contains, enclosingFunction, firstLine, type Node } from '../../../src/go/syntax.js';

/**
 * A caller's receive of a channel a function of the package makes and returns, waiting for its
 * value: a plain `<-` (`res := <-resCh`, `<-c.ResolveAsync(ctx, srv)`) outside a select, or a
 * select case whose other cases are only timers (`case <-time.After(d):`, `case <-t.C:`; no
 * default, no `ctx.Done()`), not in a loop. A send that gives up once the source is done would leave it waiting
 * (resty's ResolveAsync, a variant whose Execute read the body before it took the result). How
 * it waits, if so.
 */
export function awaitedReceive(use: Node): string | undefined {
  const unary = use.parent;
  if (unary?.type !== 'unary_expression' || unary.childForFieldName('operator')?.text !== '<-' || unary.childForFieldName('operand')?.id !== use.id) return undefined;
  // One in a loop is left to the counted-loop check and the reasons about loops that go on receiving.
  if (ancestors(unary).some((a) => a.type === 'for_statement' && contains(enclosingFunction(unary)!, a))) return undefined;
  const kase = receiveCase(unary);
  if (!kase) return `waits for it with a plain receive, ${firstLine(receiveStatement(unary).text)}`;
  const others = kase.parent?.namedChildren.filter((c) => (c.type === 'communication_case' || c.type === 'default_case') && c.id !== kase.id) ?? [];
  if (others.length === 0) return 'waits for it in a select with no other case';
  const timers = timerCases(kase)?.map((c) => `case ${c.childForFieldName('communication')!.text.replace(/\s+/g, ' ')}`);
  if (!timers) return undefined;
  return `waits for it in a select whose only other ${timers.length === 1 ? 'case is a timer' : 'cases are timers'} (${timers.join(', ')})`;
}

/** The statement holding a receive (`res := <-resCh`), or the receive itself. */
function receiveStatement(unary: Node): Node {
  let n: Node = unary;
  while (n.parent && !/_statement$|_declaration$/.test(n.type) && n.parent.type !== 'block' && n.parent.type !== 'statement_list') n = n.parent;
  return /_statement$|_declaration$/.test(n.type) ? n : unary;
}
