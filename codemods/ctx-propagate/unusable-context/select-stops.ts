import { caseReceiving } from '../../../src/go/receive-shapes.js';
import { same, type Node } from '../../../src/go/syntax.js';

// Work a select chose over stopping: in a case beside `case <-ctx.Done():`, or after such a select
// in the same loop body (`select { case <-ctx.Done(): return; case job = <-c: }`, then the job).

/** `case <-expr.Done():` among the cases of `select`, other than `kase`. */
function doneCase(select: Node, expr: string, kase?: Node): Node | undefined {
  return caseReceiving(select, `<-${expr}.Done()`, kase);
}

/**
 * For an ancestor `a` of a call: the case stopping on `expr` beside it, when `a` is a case of that
 * select (`after` false), or when `a` is a statement of a loop's body that follows such a select,
 * one with a case taking work besides its stop (`after` true).
 */
export function stopSelectFor(a: Node, expr: string): { done: Node; after: boolean } | undefined {
  if (a.type === 'communication_case') {
    const done = a.parent ? doneCase(a.parent, expr, a) : undefined;
    return done ? { done, after: false } : undefined;
  }
  const list = a.parent;
  if (list?.type !== 'statement_list' || list.parent?.type !== 'block' || list.parent.parent?.type !== 'for_statement') return undefined;
  for (let s = a.previousNamedSibling; s; s = s.previousNamedSibling) {
    if (s.type !== 'select_statement') continue;
    const done = doneCase(s, expr);
    const takes = s.namedChildren.some((c) => c.type === 'communication_case' && !same(c, done ?? c) && c.childForFieldName('communication')?.type === 'receive_statement');
    if (done && takes) return { done, after: true };
  }
  return undefined;
}
