import type { CancellationSource } from '../../src/go/cancellation.js';
import { callsHanding } from '../../src/go/called-functions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { paramsOf } from '../../src/go/scope.js';
import { enclosingFunction, same } from '../../src/go/syntax.js';

/**
 * For a context parameter `source`: every call of its function in the package is the call of a
 * defer statement (`defer e.runDeferred(ctx, t, i)`), one at least. The function runs as its
 * caller unwinds, often because the context is done (a cancelled task's clean-up), and the empty
 * context inside it is what lets its work run then; given the parameter, it would fail there
 * (go-task's deferred commands, skipped once their task was cancelled). The reason, or undefined.
 */
export function calledOnlyDeferred(source: CancellationSource, index: PackageIndex): string | undefined {
  if (source.kind !== 'ctx-param') return undefined;
  const param = paramsOf(source.fn).find((p) => p.name === source.expr);
  const handing = param ? callsHanding(param, index) : undefined;
  if (!handing) return undefined;
  const method = source.fn.type === 'method_declaration';
  // A method's calls are on a value (`e.runDeferred(…)`), a function's by its name alone.
  const calls = handing.calls.map((c) => c.call).filter((c) => c.childForFieldName('function')?.type === (method ? 'selector_expression' : 'identifier'));
  if (calls.length === 0 || calls.some((c) => c.parent?.type !== 'defer_statement')) return undefined;
  const first = calls[0];
  const caller = enclosingFunction(first);
  if (!caller || same(caller, source.fn)) return undefined;
  const where = caller.childForFieldName('name')?.text ?? 'a function literal';
  return `${handing.callee}() is only ever called by a defer statement (${first.parent!.text.split('\n')[0]} in ${where}): it runs as its caller unwinds, often once ${source.expr} is done (a cancelled task's clean-up), and given ${source.expr} this call would fail there (go-task's deferred commands, skipped once their task was cancelled)`;
}
