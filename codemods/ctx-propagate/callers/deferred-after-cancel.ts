import type { CancellationSource } from '../../../src/go/cancellation.js';
import { cancelFunctions, fieldCancel } from '../../../src/go/done-at.js';
import { ancestors, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';

/**
 * The defer statement `call` runs in, directly (`defer c.onInvalidation(nil)`) or as a statement
 * of a deferred function literal (`defer func() { c.onInvalidation(nil) }()`), when that defer is
 * one of `fn`'s own (not in another literal within it).
 */
function deferOf(call: Node, fn: Node): Node | undefined {
  let literal: Node | undefined;
  for (const a of ancestors(call)) {
    if (same(a, fn)) return undefined;
    if (a.type === 'defer_statement') {
      const deferred = a.namedChild(0);
      if (literal && !same(deferred?.childForFieldName('function'), literal)) return undefined;
      return same(enclosingFunction(a), fn) ? a : undefined;
    }
    if (a.type === 'func_literal') {
      if (literal) return undefined;
      literal = a;
    }
  }
  return undefined;
}

/**
 * A deferred call (`defer c.onInvalidation(nil)` in Close) in a function that ends the source
 * after registering it: a cancel (`c.cancel()`, or a local one the function was given with the
 * context) as a statement of the function written after the defer, or deferred after it (deferred
 * calls run last to first). A deferred call runs after every other statement, so after that
 * cancel, whichever path reaches it (valkey-go's Close, whose deferred marker delete, given the
 * client's context, failed at once). Where, for a reason: `deferred (…), so run after c.cancel()`.
 */
export function deferredAfterCancel(call: Node, inner: Node, source: CancellationSource): string | undefined {
  // A call in a deferred literal: the function that defers it.
  const deferring = inner.type === 'func_literal' && inner.parent?.type === 'call_expression' && inner.parent.parent?.type === 'defer_statement';
  const fn = deferring ? enclosingFunction(inner.parent!.parent!) : inner;
  const deferred = fn ? deferOf(call, fn) : undefined;
  if (!fn || !deferred) return undefined;
  if (!deferred) return undefined;
  const ends = new Set(cancelFunctions(source, fn.text).map((c) => `${c}()`));
  const field = fieldCancel(source);
  if (ends.size === 0 && !field) return undefined;
  for (const s of fn.descendantsOfType('expression_statement')) {
    if (s.startIndex < deferred.endIndex) continue;
    const text = s.text.replace(/\s/g, '');
    if (!ends.has(text) && !field?.test(text)) continue;
    // The function's own statement, or a deferred one of its own (`defer c.cancel()`, registered later).
    const own = same(enclosingFunction(s), fn) || deferOf(s, fn) !== undefined;
    if (own) return `deferred (${firstLine(deferred.text)}), so run after ${s.text}`;
  }
  // `defer c.cancel()` registered after it: an expression of a defer, not a statement.
  for (const d of fn.descendantsOfType('defer_statement')) {
    const text = d.namedChild(0)?.text.replace(/\s/g, '') ?? '';
    if (d.startIndex > deferred.endIndex && same(enclosingFunction(d), fn) && (ends.has(text) || field?.test(text))) return `deferred (${firstLine(deferred.text)}), so run after ${d.text}`;
  }
  return undefined;
}
