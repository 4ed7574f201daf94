import { codeOnly, regexEscaped } from './find-by-text.js';
import { ancestors, contains, enclosingFunction, same, type Node } from './syntax.js';

// A function literal handed to a call named for running it on its own (`p.workers.Spawn(func()
// { … })`, `pool.Submit(…)`, `run.Go(ctx, …)`), which the function then does not wait for: the
// literal runs on after the function returns, when the function's context (a request's) may be done.

/**
 * A call named for launching work on its own: `Go`, `Spawn`, `Submit`, `Enqueue`, `Schedule`,
 * `Dispatch`, `Launch`, `Offer`, `Background`, `Async`, `…Async`, `GoSafe`, `SafeGo`, `GoFunc`.
 */
export const LAUNCHES = /^(Go|Spawn|Submit|Enqueue|Schedule|Dispatch|Launch|Offer|Background|Async|\w+Async|GoSafe|SafeGo|GoFunc|Go[A-Z]\w*Routine)$/;

/**
 * The launcher a function literal around `node` is handed to (as written, `run.Go`), in `scope`
 * or a literal of it, when nothing in `scope` waits after the launch (`g.Wait()`, `<-ctx.Done()`)
 * and the literal does not stop with `expr` itself (`ctx.Err()`, `ctx.Done()`). The first
 * literal handed to a launcher decides.
 */
export function launchedApart(node: Node, scope: Node, expr: string): string | undefined {
  for (const literal of ancestors(node).filter((a) => a.type === 'func_literal')) {
    if (same(literal, scope)) break;
    const given = literal.parent?.type === 'argument_list' ? literal.parent.parent : undefined;
    const callee = given?.type === 'call_expression' ? given.childForFieldName('function') : undefined;
    const name = callee?.type === 'selector_expression' ? callee.childForFieldName('field')!.text : callee?.text;
    if (!given || !name || !LAUNCHES.test(name)) continue;
    // Handed in the function itself, or in a literal of it (`c.dispatcher.ForEach(func(ns string) {
    // c.workers.Submit(func() { … }) })`: livekit's LaunchJob); what the function does after it.
    const fn = enclosingFunction(given);
    if (!fn || !contains(scope, fn)) return undefined;
    const after = codeOnly(scope.text.slice(given.endIndex - scope.startIndex));
    if (/\.(Wait|StopWait|StopAndWait|WaitAll)\w*\(|\.Done\(\)/.test(after)) return undefined;
    if (new RegExp(`(?<![\\w.])${regexEscaped(expr)}\\.(Err|Done)\\(`).test(codeOnly(literal.text))) return undefined;
    return callee!.text;
  }
  return undefined;
}
