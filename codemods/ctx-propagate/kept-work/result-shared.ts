import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf } from '../../../src/go/scope.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { keptBeyondCall } from '../outlives/kept-beyond-call.js';
import { whereShared } from './shared-local.js';

// A read-through shared by concurrent callers: the function puts a value of its own where other
// callers find it (`r.inflight[name] = rt`), then fills it with the call's results (`rt.ns, rt.err
// = r.persistence(context.Background(), name)`), or stores it so once filled (a cache entry). The
// work is done for every caller that finds it there, and given one caller's context, that
// caller hanging up would fail it for the others, callers whose own context is alive.

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
    const stored = whereShared(holder!.text, fn, target, keptBeyondCall)?.line;
    if (stored) {
      return `its result goes to ${holder!.text} (${firstLine(list.text)}), which the function stores where other callers find it (${stored}): the work is done for them too, and given ${source.expr}, one caller's cancel would fail it for all of them, whose own context is alive`;
    }
  }
  return undefined;
}
