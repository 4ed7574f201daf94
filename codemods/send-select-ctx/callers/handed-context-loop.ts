import { ancestors, contains, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { positionalParams } from '../../../src/go/scope.js';
import { leavesLoop } from '../../../src/go/loops.js';

// A helper given its context by a loop that never looks at it: a return on that context leaves
// the helper, and the loop calls it again at once.

/**
 * For a call of `fn` whose context parameter `param` is the fix's source: the argument the call
 * hands in, when the call is in an endless loop of its caller (`for { pollOnce(ctx, …) }`, no
 * range or clause, nor a condition naming that argument) that neither checks the argument (no
 * `ctx.Err()`, `ctx.Done()`, nor a select on it; the argument not set anew in the loop) nor stops
 * on the helper's result (the result dropped, or nothing leaving the loop): once the context is
 * done the helper returns at once, and the loop calls it again and again (fabio's custom route
 * poller, whose parked leak became a busy loop of requests).
 */
export function contextIgnoredByLoop(call: Node, fn: Node, param: string): { arg: string } | undefined {
  const position = positionalParams(fn).indexOf(param);
  const name = fn.childForFieldName('name')?.text;
  const callee = call.childForFieldName('function');
  if (position < 0 || !name || !callee) return undefined;
  // The function itself, or the method by its name (`p.pollOnce`).
  if (fn.type === 'function_declaration' ? callee.text !== name : callee.type !== 'selector_expression' || callee.childForFieldName('field')?.text !== name) return undefined;
  const arg = call.childForFieldName('arguments')?.namedChildren[position];
  const caller = enclosingFunction(call);
  const loop = ancestors(call).find((a) => a.type === 'for_statement');
  if (arg?.type !== 'identifier' || !caller || !loop || !contains(caller, loop) || !same(enclosingFunction(loop), caller)) return undefined;
  const header = loop.namedChildren.filter((c) => c.type !== 'block' && c.type !== 'comment');
  const named = new RegExp(`(?<![\\w.])${regexEscaped(arg.text)}\\b`);
  if (header.some((c) => c.type === 'range_clause' || c.type === 'for_clause' || named.test(c.text))) return undefined;
  // Checked in the loop, or set anew in it (a context made for each pass).
  const checks = new RegExp(`(?<![\\w.])${regexEscaped(arg.text)}\\s*\\.\\s*(Err|Done)\\s*\\(|(?<![\\w.])${regexEscaped(arg.text)}\\s*(,\\s*[\\w.]+\\s*)*:?=(?!=)`);
  if (checks.test(loop.text)) return undefined;
  const dropped = call.parent?.type === 'expression_statement';
  if (!dropped && stopsLoop(loop)) return undefined;
  return { arg: arg.text };
}

/**
 * Whether anything in the loop, outside function literals, may leave it: what loops.ts'
 * leavesLoop sees (a return, a goto, a break of it), a labelled break of an outer loop, a panic or
 * an exit.
 */
function stopsLoop(loop: Node): boolean {
  if (leavesLoop(loop)) return true;
  const own = (n: Node) => same(enclosingFunction(n), enclosingFunction(loop));
  if (loop.descendantsOfType('break_statement').some((b) => own(b) && b.namedChildCount > 0)) return true;
  return loop.descendantsOfType('call_expression').some((c) => own(c) && /^(panic|.*\.(Fatal\w*|Exit|Panic\w*|Goexit))$/.test(c.childForFieldName('function')?.text ?? ''));
}
