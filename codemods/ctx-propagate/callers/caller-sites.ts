import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { doneAt } from '../../../src/go/done-at.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { ancestors, enclosingFunction, same } from '../../../src/go/syntax.js';
import { stopSelectFor } from '../unusable-context/select-stops.js';
import { deferredAfterCancel } from './deferred-after-cancel.js';

// Where the package calls a method whose context in scope is its receiver's: a helper called in a
// select's case beside `case <-np.ctx.Done():`, or once that context is done, is that call's work.

/**
 * A call of the method (the source's function) in the package made where the receiver's context
 * is done (`np.cancel(); <-np.stopped; np.push(buf)` in Stop, or in `case <-np.ctx.Done():`), or
 * from work a select took rather than stop on it (`case <-ticker.C: np.push(buf)` beside `case
 * <-np.ctx.Done(): return`): lindb's metrics pusher, given its own context, lost the batch in flight
 * at every shutdown. The reason, or undefined.
 */
export function calledWhereDone(source: CancellationSource, index: PackageIndex): string | undefined {
  const method = source.fn;
  const recv = method.type === 'method_declaration' ? receiverOf(method)?.name : undefined;
  if (source.kind !== 'ctx-field' || !recv || !source.expr.startsWith(`${recv}.`)) return undefined;
  const field = source.expr.slice(recv.length);
  const name = method.childForFieldName('name')!.text;
  for (const call of index.callsNamed(name)) {
    const callee = call.childForFieldName('function');
    const caller = enclosingFunction(call);
    if (callee?.type !== 'selector_expression' || !caller || same(caller, method)) continue;
    const expr = `${callee.childForFieldName('operand')!.text}${field}`;
    const top = [caller, ...ancestors(caller)].filter((a) => a.type === 'method_declaration' || a.type === 'function_declaration').pop();
    const where = top?.childForFieldName('name')?.text ?? 'its caller';
    const done = doneAt(call, caller, { ...source, expr, fn: caller }) ?? deferredAfterCancel(call, caller, { ...source, expr, fn: caller });
    if (done) return `${name}() is called where ${expr} is done (${done}, in ${where}): given ${source.expr}, this call would fail at once there`;
    for (const a of ancestors(call)) {
      if (same(a, caller)) break;
      const stops = stopSelectFor(a, expr);
      if (stops) return `${name}() is called from work a select took rather than stop on ${expr} (in ${where}): that work may be meant to finish, and given ${source.expr} it would be cut off half-way at a stop`;
    }
  }
  return undefined;
}
