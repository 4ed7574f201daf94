import type { CancellationSource } from '../../src/go/cancellation.js';
import { codeOnly, regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, closureName, contains, enclosingFunction, same, type Node } from '../../src/go/syntax.js';

// A function literal handed to a call named for running it on its own (`p.workers.Spawn(func()
// { … })`, `pool.Submit(…)`, `g.Go(…)`), which the function then does not wait for: the literal
// runs on after the function returns, when the function's context (a request's) may be done
// (gotosocial's MediaPrune, whose media cleanup, given the admin request's ctx, stopped at once).

/**
 * A call named for launching work on its own: `Go`, `Spawn`, `Submit`, `Enqueue`, `Schedule`,
 * `Dispatch`, `Launch`, `Offer`, `Background`, `Async`, `…Async`, `GoSafe`, `SafeGo`, `GoFunc`.
 */
export const LAUNCHES = /^(Go|Spawn|Submit|Enqueue|Schedule|Dispatch|Launch|Offer|Background|Async|\w+Async|GoSafe|SafeGo|GoFunc|Go[A-Z]\w*Routine)$/;

/**
 * Why the call, in a function literal handed to such a launcher in the function whose context
 * parameter or local is in scope, should not be given that context: nothing in the function waits
 * after the launch (`g.Wait()`, `<-ctx.Done()`), and the literal does not stop with the context
 * itself (`ctx.Err()`, `ctx.Done()`).
 */
export function launchedLiteral(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' && source.kind !== 'ctx-local') return undefined;
  for (const literal of ancestors(call).filter((a) => a.type === 'func_literal')) {
    if (same(literal, source.fn)) break;
    const given = literal.parent?.type === 'argument_list' ? literal.parent.parent : undefined;
    const callee = given?.type === 'call_expression' ? given.childForFieldName('function') : undefined;
    const name = callee?.type === 'selector_expression' ? callee.childForFieldName('field')!.text : callee?.text;
    if (!given || !name || !LAUNCHES.test(name)) continue;
    // Handed in the function itself, or in a literal of it (`c.dispatcher.ForEach(func(ns string) {
    // c.workers.Submit(func() { … }) })`: livekit's LaunchJob); what the function does after it.
    const fn = enclosingFunction(given);
    if (!fn || !contains(source.fn, fn)) return undefined;
    const after = codeOnly(source.fn.text.slice(given.endIndex - source.fn.startIndex));
    if (/\.(Wait|StopWait|StopAndWait|WaitAll)\w*\(|\.Done\(\)/.test(after)) return undefined;
    if (new RegExp(`(?<![\\w.])${regexEscaped(source.expr)}\\.(Err|Done)\\(`).test(codeOnly(literal.text))) return undefined;
    return `the call is in a function literal handed to ${callee!.text}(…), named for running it on its own, and the function does not wait for it: it runs on after the function returns, and ${source.expr}, the function's own (a request's), may end as it returns; given ${source.expr}, the work would stop then`;
  }
  return undefined;
}

/**
 * A function literal the function does not call, handed (itself, or the local it is declared in)
 * to a call whose result the function keeps or returns (`run := func(op *Operation) error { … }`,
 * `op := operations.OperationCreate(…, run, …)`, then `return operations.OperationResponse(op)`):
 * the value built holds the literal and runs it when its owner sees fit, often after the function
 * returned (incus' migration operation, run once the request was answered: its final transaction,
 * given the request's ctx, failed "context canceled"). Why the call should keep its own context.
 */
export function literalKeptByResult(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' && source.kind !== 'ctx-local') return undefined;
  const literal = ancestors(call).find((a) => a.type === 'func_literal');
  if (!literal || same(literal, source.fn) || !contains(source.fn, literal)) return undefined;
  const local = closureName(literal);
  const values = local ? source.fn.descendantsOfType('identifier').filter((id) => id.text === local && id.startIndex > literal.endIndex) : [literal];
  // Called by the function itself (`run(op)`): it runs there, not later.
  if (values.some((v) => v.parent?.type === 'call_expression' && same(v.parent.childForFieldName('function'), v))) return undefined;
  for (const value of values) {
    const given = value.parent?.type === 'argument_list' ? value.parent.parent : undefined;
    const kept = given?.type === 'call_expression' ? keptResult(given) : undefined;
    if (kept) return `the call is in a function literal${local ? ` (${local})` : ''} handed to ${given!.childForFieldName('function')!.text}(…), whose result the function ${kept}: that value holds the literal and may run it after the function returns (an operation or job started later), when ${source.expr}, the function's own (a request's), may have ended; given ${source.expr}, the work would stop then`;
  }
  return undefined;
}

/** How the function keeps a call's result: `returns` it (not as its only result, an error), or `keeps in op` (a local not named for an error). */
function keptResult(call: Node): string | undefined {
  const list = call.parent?.type === 'expression_list' ? call.parent : undefined;
  // Returned as the function's only result, an error: a helper's outcome (`return retry.Do(…)`).
  if (list?.parent?.type === 'return_statement') return /^\(?\s*(\w+\s+)?error\s*\)?$/.test(enclosingFunction(call)?.childForFieldName('result')?.text ?? '') ? undefined : 'returns';
  const decl = list?.parent;
  if (decl?.type !== 'short_var_declaration' && decl?.type !== 'assignment_statement') return undefined;
  const left = decl.childForFieldName('left')!.namedChildren;
  const first = left[0];
  return first?.type === 'identifier' && first.text !== '_' && !/^err|err(or)?$/i.test(first.text) ? `keeps in ${first.text}` : undefined;
}
