import type { CancellationSource } from '../../src/go/cancellation.js';
import { cancelFunctions } from '../../src/go/done-at.js';
import { codeOnly, regexEscaped } from '../../src/go/find-by-text.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, closureName, contains, enclosingFunction, same, type Node } from '../../src/go/syntax.js';

/**
 * The context is a local the function starting the goroutine makes with a cancel
 * (`hctx, cancel := context.WithTimeout(ctx, …)`) that it defers (`defer cancel()`) or calls
 * after the go statement, the goroutine never names it, and nothing in the function waits for
 * the goroutine (no `….Wait()`, no receive from a channel the goroutine names): the goroutine
 * outlives the function (livego's connection keepalive, started between the handshake and the
 * ack under one timeout), and a check of the context would end it when the function returns.
 * The cancel as written, whether it is deferred, and the starting function's name.
 */
export function ownDeferredCancel(goroutine: Node, source: CancellationSource): { cancel: string; deferred: boolean; starter: string } | undefined {
  if (source.kind !== 'ctx-local') return undefined;
  const go = goroutine.parent?.parent;
  if (go?.type !== 'go_statement' || !same(enclosingFunction(go), source.fn)) return undefined;
  if (goroutine.descendantsOfType('identifier').some((id) => id.text === source.expr)) return undefined;
  const names = cancelFunctions(source, codeOnly(source.fn.text));
  if (names.length === 0 || waitsFor(source.fn, go, goroutine)) return undefined;
  let found: { cancel: string; deferred: boolean } | undefined;
  for (const call of source.fn.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'identifier' || !names.includes(callee.text) || call.childForFieldName('arguments')?.namedChildCount !== 0) continue;
    if (contains(goroutine, call)) continue;
    const decl = declarationOf(callee.text, call);
    if (!decl || !('local' in decl) || !contains(source.fn, decl.local.decl)) continue;
    // In the function's own code, or in a deferred closure (`defer func() { cancel() }()`).
    const closures = ancestors(call).filter((a) => a.type === 'func_literal' && contains(source.fn, a) && !same(a, source.fn));
    const deferredClosure = closures.length === 1 && closures[0].parent?.type === 'call_expression' && closures[0].parent.parent?.type === 'defer_statement';
    if (closures.length > (deferredClosure ? 1 : 0)) continue;
    if (call.parent?.type === 'defer_statement' || deferredClosure) return { cancel: `defer ${call.text}`, deferred: true, starter: starterName(source.fn) };
    if (call.parent?.type === 'expression_statement' && call.startIndex > go.endIndex) found ??= { cancel: call.text, deferred: false };
  }
  return found && { ...found, starter: starterName(source.fn) };
}

/** After the go statement, a `….Wait()`, or a receive from (or range over) a channel the goroutine names. */
function waitsFor(starter: Node, go: Node, goroutine: Node): boolean {
  const after = codeOnly(starter.text.slice(go.endIndex - starter.startIndex));
  if (/\.Wait\(\s*\)/.test(after)) return true;
  const named = codeOnly(goroutine.text);
  for (const m of after.matchAll(/(?:<-|\brange)\s*([\w.]+)/g)) {
    if (new RegExp(`(?<![\\w.])${regexEscaped(m[1])}(?![\\w])`).test(named)) return true;
  }
  return false;
}

function starterName(fn: Node): string {
  return fn.childForFieldName('name')?.text ?? (fn.type === 'func_literal' ? closureName(fn) : undefined) ?? 'the function starting it';
}
