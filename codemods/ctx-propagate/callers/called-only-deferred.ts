import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { enclosingFunction, same, type Node } from '../../../src/go/syntax.js';
import { callsOfFunction } from './called-once-done.js';

/**
 * For a context parameter `source`: every call of its function in the package is the call of a
 * defer statement (`defer e.runDeferred(ctx, t, i)`), one at least. The function runs as its
 * caller unwinds, often because the context is done (a cancelled task's clean-up), and the empty
 * context inside it is what lets its work run then; given the parameter, it would fail there
 * (go-task's deferred commands, skipped once their task was cancelled). A call inside a deferred
 * function literal (`defer func() { e.cleanUp(ctx) }()`) runs then too. The reason, or undefined.
 */
export function calledOnlyDeferred(source: CancellationSource, index: PackageIndex): string | undefined {
  const handing = callsOfFunction(source, index);
  if (!handing) return undefined;
  const defers = handing.calls.map((c) => deferring(c.call));
  if (defers.length === 0 || defers.some((d) => !d)) return undefined;
  const first = defers[0]!;
  const caller = enclosingFunction(first);
  if (!caller || same(caller, source.fn)) return undefined;
  const where = caller.childForFieldName('name')?.text ?? 'a function literal';
  return `${handing.callee}() is only ever called by a defer statement (${first.text.split('\n')[0]} in ${where}): it runs as its caller unwinds, often once ${source.expr} is done (a cancelled task's clean-up), and given ${source.expr} this call would fail there`;
}

/** The defer statement that runs `call`: its own (`defer f(ctx)`), or that of the function literal it is in (`defer func() { f(ctx) }()`). */
function deferring(call: Node): Node | undefined {
  if (call.parent?.type === 'defer_statement') return call.parent;
  const literal = enclosingFunction(call);
  const run = literal?.type === 'func_literal' ? literal.parent : undefined;
  return run?.type === 'call_expression' && same(run.childForFieldName('function'), literal) && run.parent?.type === 'defer_statement' ? run.parent : undefined;
}
