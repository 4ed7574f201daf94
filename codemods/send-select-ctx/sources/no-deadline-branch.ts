import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf, isReassigned } from '../../../src/go/scope.js';
import { ancestors, firstLine, FUNCTION_TYPES, same, statementsOf, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * The send sits in a branch taken only when a context has no deadline (`deadline, hasDeadline :=
 * ctx.Deadline()`, then `case !hasDeadline && err == nil: c.ch <- struct{}{}`, in an if, a switch
 * case, or past `if ok { …; return }`): the function chose to wait there whatever the context
 * (neo4j's TryLock, documented to block until the lock is taken when no deadline is set), and a
 * select on the context's Done() would give up where it means to wait. The source, the condition
 * as written and the statement calling Deadline(), for the reason.
 */
export function inNoDeadlineBranch(send: Node, sources: CancellationSource[], text: string): { source: string; where: string; deadline: Node } | undefined {
  for (const source of sources.filter((s) => s.isContext)) {
    const found = branchFor(send, source, text);
    if (found) return { source: source.expr, ...found };
  }
  return undefined;
}

function branchFor(send: Node, source: CancellationSource, text: string): { where: string; deadline: Node } | undefined {
  let child = send;
  for (const a of ancestors(send)) {
    if (FUNCTION_TYPES.has(a.type)) return undefined;
    const hit = (cond: Node | null, when: boolean) => (cond ? implies(cond, when, source, send, text) : undefined);
    if (a.type === 'if_statement') {
      const cond = a.childForFieldName('condition');
      const inThen = same(a.childForFieldName('consequence'), child);
      const d = inThen ? hit(cond, true) : same(a.childForFieldName('alternative'), child) ? hit(cond, false) : undefined;
      if (d) return { where: inThen ? firstLine(`if ${cond!.text} {`) : `the else of if ${firstLine(cond!.text)}`, deadline: d };
    }
    if (a.type === 'expression_case' && a.parent?.type === 'expression_switch_statement' && !a.parent.childForFieldName('value')) {
      const values = a.childForFieldName('value')?.namedChildren ?? [];
      const ds = values.map((v) => hit(v, true));
      if (values.length > 0 && ds.every(Boolean) && !same(a.childForFieldName('value'), child)) return { where: `case ${firstLine(values.map((v) => v.text).join(', '))}:`, deadline: ds[0]! };
    }
    if (a.type === 'statement_list') {
      for (const prior of a.namedChildren) {
        if (prior.startIndex >= child.startIndex) break;
        if (prior.type !== 'if_statement' || prior.childForFieldName('alternative')) continue;
        const d = terminates(prior.childForFieldName('consequence')) ? hit(prior.childForFieldName('condition'), false) : undefined;
        if (d) return { where: `past if ${firstLine(prior.childForFieldName('condition')!.text)} { … return } (line ${prior.startPosition.row + 1})`, deadline: d };
      }
    }
    child = a;
  }
  return undefined;
}

/** A block or case whose last statement returns, or is a select every case of which does. */
function terminates(body: Node | null): boolean {
  const last = statementsOf(body).filter((s) => s.type !== 'comment').at(-1);
  if (last?.type === 'select_statement') return last.namedChildren.filter((c) => c.type !== 'comment').every((c) => terminates(c) && !c.descendantsOfType('break_statement').length);
  return last?.type === 'return_statement';
}

/**
 * Whether `cond` being `when` (true or false) means the context has no deadline: the Deadline()
 * declaration that says so, or undefined. `!ok`, `ok == false`, `!ok && err == nil` when true; `ok`,
 * `ok || x` when false.
 */
function implies(cond: Node, when: boolean, source: CancellationSource, send: Node, text: string): Node | undefined {
  const c = unparen(cond);
  if (c.type === 'identifier') return when ? undefined : deadlineFlag(c, source, send, text);
  if (c.type === 'unary_expression' && c.childForFieldName('operator')?.text === '!') return implies(c.childForFieldName('operand')!, !when, source, send, text);
  if (c.type !== 'binary_expression') return undefined;
  const op = c.childForFieldName('operator')!.text;
  const [l, r] = [c.childForFieldName('left')!, c.childForFieldName('right')!];
  if (op === '&&' || op === '||') {
    // a && b true: both are; false: either may be. a || b alike, the other way round.
    const both = (op === '&&') === when;
    const [dl, dr] = [implies(l, when, source, send, text), implies(r, when, source, send, text)];
    return both ? (dl ?? dr) : dl && dr;
  }
  if (op !== '==' && op !== '!=') return undefined;
  const [flag, lit] = /^(true|false)$/.test(unparen(r).text) ? [l, unparen(r).text] : /^(true|false)$/.test(unparen(l).text) ? [r, unparen(l).text] : [];
  if (!flag) return undefined;
  // `ok == false` true means !ok; `ok != true` alike.
  const okTrue = (lit === 'true') === (op === '==') === when;
  return okTrue || unparen(flag).type !== 'identifier' ? undefined : deadlineFlag(unparen(flag), source, send, text);
}

/**
 * `ok` of `_, ok := ctx.Deadline()` for the source (in the function of the send, not set again
 * after, the source neither declared nor set again between them): its declaration.
 */
function deadlineFlag(id: Node, source: CancellationSource, send: Node, text: string): Node | undefined {
  const found = declarationOf(id.text, id);
  const decl = found && 'local' in found ? found.local.decl : undefined;
  if (decl?.type !== 'short_var_declaration') return undefined;
  const left = decl.childForFieldName('left')?.namedChildren ?? [];
  const right = decl.childForFieldName('right')?.namedChildren ?? [];
  const call = right.length === 1 ? unparen(right[0]) : undefined;
  const callee = call?.type === 'call_expression' && call.childForFieldName('arguments')?.namedChildCount === 0 ? call.childForFieldName('function') : undefined;
  if (left.length !== 2 || left[1].text !== id.text || callee?.type !== 'selector_expression' || callee.childForFieldName('field')?.text !== 'Deadline') return undefined;
  if (callee.childForFieldName('operand')!.text.replace(/\s/g, '') !== source.expr) return undefined;
  const fn = ancestors(send).find((a) => FUNCTION_TYPES.has(a.type));
  if (!fn || !ancestors(decl).some((a) => same(a, fn))) return undefined;
  if (isReassigned(fn, text, id.text, decl.endIndex)) return undefined;
  // The context the send would select on is the one asked for its deadline.
  const root = source.expr.split('.')[0];
  const before = declarationOf(root, decl);
  const at = declarationOf(root, send);
  const sameDecl = (x: typeof at, y: typeof at) => (x && 'local' in x && y && 'local' in y ? same(x.local.decl, y.local.decl) : x && 'param' in x && y && 'param' in y ? same(x.param.fn, y.param.fn) && x.param.name === y.param.name : !x && !y);
  if (!sameDecl(before, at) || isReassigned(fn, text, root, decl.endIndex, send.startIndex)) return undefined;
  return decl;
}
