import type { CancellationSource } from '../../../src/go/cancellation.js';
import { enclosingFunction, statementsOf, type Node } from '../../../src/go/syntax.js';

// A call after a one-shot guard of its function (`if !a.closed.CompareAndSwap(false, true) {
// return nil }`): the function does its work once, and a second call returns at the guard. The
// empty context lets that one run finish; given the caller's context, a cancel in the middle
// would cut it short with no run after it to finish the job (dapr's actor Deactivate, given the
// placement lock's context: the app never told, the actor never dequeued).

/** A guard's condition: a compare-and-swap or swap of a flag that lets one caller through. */
const ONE_SHOT = /^!\s*[\w.]+\.CompareAndSwap\(\s*(false\s*,\s*true|0\s*,\s*1)\s*\)$|^[\w.]+\.(Swap\(\s*true\s*\)|CompareAndSwap\(\s*true\s*,\s*true\s*\))$/;

/** The guard, as written, when one of the function's statements before the call lets one caller through and returns for the others. */
function oneShotGuard(call: Node): string | undefined {
  const fn = enclosingFunction(call);
  const body = fn?.childForFieldName('body');
  if (!body) return undefined;
  for (const st of statementsOf(body)) {
    if (st.startIndex >= call.startIndex) break;
    if (st.type !== 'if_statement' || st.childForFieldName('alternative')) continue;
    const cond = st.childForFieldName('condition')?.text.trim() ?? '';
    const consequence = st.childForFieldName('consequence');
    const returns = consequence && statementsOf(consequence).at(-1)?.type === 'return_statement';
    if (returns && ONE_SHOT.test(cond)) return `if ${cond} { return … }`;
  }
  return undefined;
}

/** Why the call, after a one-shot guard, keeps its empty context: the reason, in full. */
export function afterOneShotGuard(call: Node, source: CancellationSource): string | undefined {
  const guard = oneShotGuard(call);
  if (!guard) return undefined;
  return `the call runs once, after the guard ${guard}, which turns every later caller away: the empty context lets that one run finish, and given ${source.expr}, a cancel in the middle would cut it short with nothing left to run it again`;
}
