import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, contains, isReleaseCall, same, type Node } from '../../src/go/syntax.js';
import { madeCancelCall } from './made-cancel.js';

// A context's cancel in a function literal the goroutine runs in place or hands to a call
// (`wait.PollImmediate(d, 0, func() (bool, error) { …; cleanupCancel(); return true, nil })`):
// the call runs it on the goroutine, so it stands for the goroutine's own cancel, and a panic in
// the work before it skips it as well.

/** Every literal between `n` and the goroutine's statement `st` run in place or an argument of a call, none deferred or started apart. */
function runByTheGoroutine(n: Node, st: Node): boolean {
  let literal = false;
  for (const a of ancestors(n)) {
    if (same(a, st) || !contains(st, a)) break;
    if (a.type === 'defer_statement' || a.type === 'go_statement') return false;
    if (a.type !== 'func_literal') continue;
    const inPlace = a.parent?.type === 'call_expression' && same(a.parent.childForFieldName('function'), a);
    if (a.parent?.type !== 'argument_list' && !inPlace) return false;
    literal = true;
  }
  return literal;
}

/**
 * A cancel, as a statement, in such a literal: one made with its context by the functions around
 * the goroutine (see made-cancel.ts), or one named so (`cancel()`) declared outside the goroutine.
 * Rancher's orphaned-user cleanup, recovered, never cancelled cleanupCtx, its waiter waiting for good.
 */
export function handedCancel(n: Node, st: Node, go: Node, index: () => PackageIndex): boolean {
  if (n.type !== 'call_expression' || n.parent?.type !== 'expression_statement' || !runByTheGoroutine(n, st)) return false;
  if (madeCancelCall(n, go, index)) return true;
  const fn = n.childForFieldName('function');
  if (fn?.type !== 'identifier' || !/^cancel\w*$|(CancelFunc|CancelFn|cancelFunc|cancelFn)$/.test(fn.text) || !isReleaseCall(n)) return false;
  const found = declarationOf(fn.text, n);
  return !!found && !contains(go, 'local' in found ? found.local.decl : found.param.fn);
}
