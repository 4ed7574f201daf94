import type { CancellationSource } from '../../src/go/cancellation.js';
import { declarationOf } from '../../src/go/scope.js';
import { enclosingFunction, firstLine, same, unparen, type Node } from '../../src/go/syntax.js';
import { keptBeyondCall } from './kept-beyond-call.js';

// A read-through shared by concurrent callers: the function puts a value of its own where other
// callers find it (`r.inflight[name] = rt`), then fills it with the call's results (`rt.ns, rt.err
// = r.persistence(context.Background(), name)`), or stores it so once filled (a cache entry). The
// work is done for every caller that finds it there, and given one caller's context, that
// caller hanging up would fail it for the others, callers whose own context is alive.

/** A call storing a value under a key: `sync.Map`'s `Store`, `LoadOrStore`, `Swap`, or a cache's `Set`, `Put`, `Add`. */
const STORES = /(^|\.)(Store|LoadOrStore|Swap|Set|Put|Add)$/;

/** Why the call's results, kept in a value other callers reach, should not end with this caller's context: the reason, in full. */
export function resultShared(call: Node, source: CancellationSource): string | undefined {
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const list = given?.parent?.type === 'expression_list' ? given.parent.parent : undefined;
  if (!given || list?.type !== 'assignment_statement' || !same(list.childForFieldName('right'), given.parent)) return undefined;
  const fn = enclosingFunction(given);
  if (!fn) return undefined;
  for (const target of list.childForFieldName('left')!.namedChildren) {
    // `rt.ns`: a field of a local, declared in the function.
    const holder = target.type === 'selector_expression' ? target.childForFieldName('operand') : undefined;
    const found = holder?.type === 'identifier' ? declarationOf(holder.text, target) : undefined;
    if (!found || !('local' in found)) continue;
    const stored = storedWhereShared(holder!.text, fn, found.local.decl);
    if (stored) {
      return `its result goes to ${holder!.text} (${firstLine(list.text)}), which the function stores where other callers find it (${stored}): the work is done for them too, and given ${source.expr}, one caller's cancel would fail it for all of them, whose own context is alive (temporal's namespace read-through, shared by concurrent lookups of a name)`;
    }
  }
  return undefined;
}

/** The statement storing the local `name` (or its address) in a field, entry or package variable other callers reach, as written: `r.inflight[name] = rt`, `r.m.Store(k, rt)`. */
function storedWhereShared(name: string, fn: Node, decl: Node): string | undefined {
  const isIt = (e: Node) => {
    const v = unparen(e);
    const named = v.type === 'unary_expression' && v.childForFieldName('operator')?.text === '&' ? v.childForFieldName('operand')! : v;
    if (named.type !== 'identifier' || named.text !== name) return false;
    const found = declarationOf(name, named);
    return !!found && 'local' in found && same(found.local.decl, decl);
  };
  for (const a of fn.descendantsOfType('assignment_statement')) {
    const left = a.childForFieldName('left')!.namedChildren;
    const right = a.childForFieldName('right')!.namedChildren;
    if (left.length === right.length && left.some((l, i) => keptBeyondCall(l) && isIt(right[i]))) return firstLine(a.text);
  }
  for (const c of fn.descendantsOfType('call_expression')) {
    const callee = c.childForFieldName('function');
    const args = c.childForFieldName('arguments')?.namedChildren ?? [];
    if (callee?.type !== 'selector_expression' || !STORES.test(callee.text) || args.length < 2 || !isIt(args[args.length - 1])) continue;
    // On a field or entry (`r.inflight.Store(k, rt)`), not a name that may be a package's (`metrics.Add(k, v)`).
    const on = callee.childForFieldName('operand')!;
    if (on.type !== 'identifier' && keptBeyondCall(on)) return firstLine(c.text);
  }
  return undefined;
}
