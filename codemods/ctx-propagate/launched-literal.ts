import type { CancellationSource } from '../../src/go/cancellation.js';
import { codeOnly, regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, contains, enclosingFunction, same, type Node } from '../../src/go/syntax.js';

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
