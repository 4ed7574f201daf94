import type { CancellationSource } from '../../src/go/cancellation.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { enclosingFunction, same } from '../../src/go/syntax.js';
import { callsOfFunction } from './called-once-done.js';

/**
 * For a context parameter `source`: every call of its function in the package is the call of a
 * defer statement (`defer e.runDeferred(ctx, t, i)`), one at least. The function runs as its
 * caller unwinds, often because the context is done (a cancelled task's clean-up), and the empty
 * context inside it is what lets its work run then; given the parameter, it would fail there
 * (go-task's deferred commands, skipped once their task was cancelled). The reason, or undefined.
 */
export function calledOnlyDeferred(source: CancellationSource, index: PackageIndex): string | undefined {
  const handing = callsOfFunction(source, index);
  if (!handing) return undefined;
  const calls = handing.calls.map((c) => c.call);
  if (calls.length === 0 || calls.some((c) => c.parent?.type !== 'defer_statement')) return undefined;
  const first = calls[0];
  const caller = enclosingFunction(first);
  if (!caller || same(caller, source.fn)) return undefined;
  const where = caller.childForFieldName('name')?.text ?? 'a function literal';
  return `${handing.callee}() is only ever called by a defer statement (${first.parent!.text.split('\n')[0]} in ${where}): it runs as its caller unwinds, often once ${source.expr} is done (a cancelled task's clean-up), and given ${source.expr} this call would fail there (go-task's deferred commands, skipped once their task was cancelled)`;
}
