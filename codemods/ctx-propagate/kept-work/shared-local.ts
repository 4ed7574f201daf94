import { declarationOf } from '../../../src/go/scope.js';
import { firstLine, same, unparen, type Node } from '../../../src/go/syntax.js';

/** A call storing a value under a key: `sync.Map`'s `Store`, `LoadOrStore`, `Swap`, or a cache's `Set`, `Put`, `Add`. */
const STORES = /(^|\.)(Store|LoadOrStore|Swap|Set|Put|Add)$/;

/** Where a local is shared: the field, entry or variable other callers reach it through (`r.inflight[name]`, `r.cache`), and the statement doing it, its first line. */
export interface SharedPlace {
  target: Node;
  line: string;
}

/**
 * Where the function puts the variable `name` (as declared where it is used at `at`) where other
 * callers reach it, or takes it from there, the first of: an assignment of it or its address
 * (`r.inflight[name] = rt`, `s.current = &pf`), a call storing it under a key (`r.m.Store(k,
 * rt)`, on a field or entry, not a name that may be a package's: `metrics.Add(k, v)`), or its
 * declaration's lookup (`pf, ok := c.entries[k]`). `reaches` says which targets other callers
 * reach (a receiver's field, any field or entry). Only the same variable: not one of the same
 * name declared elsewhere.
 */
export function whereShared(name: string, fn: Node, at: Node, reaches: (target: Node) => boolean): SharedPlace | undefined {
  const found = declarationOf(name, at);
  if (!found) return undefined;
  const isIt = (e: Node) => {
    const v = unparen(e);
    const named = v.type === 'unary_expression' && v.childForFieldName('operator')?.text === '&' ? v.childForFieldName('operand')! : v;
    if (named.type !== 'identifier' || named.text !== name) return false;
    const there = declarationOf(name, named);
    if (!there) return false;
    if ('local' in found) return 'local' in there && same(there.local.decl, found.local.decl);
    return 'param' in there && same(there.param.fn, found.param.fn);
  };
  for (const a of fn.descendantsOfType('assignment_statement')) {
    const left = a.childForFieldName('left')!.namedChildren;
    const right = a.childForFieldName('right')!.namedChildren;
    const i = left.length === right.length ? left.findIndex((l, j) => reaches(l) && isIt(right[j])) : -1;
    if (i >= 0) return { target: left[i], line: firstLine(a.text) };
  }
  for (const c of fn.descendantsOfType('call_expression')) {
    const callee = c.childForFieldName('function');
    const args = c.childForFieldName('arguments')?.namedChildren ?? [];
    if (callee?.type !== 'selector_expression' || !STORES.test(callee.text) || args.length < 2 || !isIt(args[args.length - 1])) continue;
    const on = callee.childForFieldName('operand')!;
    if (on.type !== 'identifier' && reaches(on)) return { target: on, line: firstLine(c.text) };
  }
  const value = 'local' in found ? found.local.value : undefined;
  return 'local' in found && value?.type === 'index_expression' && reaches(value) ? { target: value, line: firstLine(found.local.decl.text) } : undefined;
}
