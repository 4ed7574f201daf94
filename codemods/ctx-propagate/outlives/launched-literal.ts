import type { CancellationSource } from '../../../src/go/cancellation.js';
import { launchedApart } from '../../../src/go/launched.js';
import { ancestors, closureName, contains, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';

/**
 * Why the call, in a function literal handed to a launcher (launchedApart) in the function whose
 * context parameter or local is in scope, should not be given that context (gotosocial's
 * MediaPrune, whose media cleanup, given the admin request's ctx, stopped at once).
 */
export function launchedLiteral(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' && source.kind !== 'ctx-local') return undefined;
  const launcher = launchedApart(call, source.fn, source.expr);
  return launcher && `the call is in a function literal handed to ${launcher}(…), named for running it on its own, and the function does not wait for it: it runs on after the function returns, and ${source.expr}, the function's own (a request's), may end as it returns; given ${source.expr}, the work would stop then`;
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
