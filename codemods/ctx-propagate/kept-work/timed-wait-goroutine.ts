import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiveCase, timedReceive } from '../../../src/go/receive-shapes.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, closedChannels, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';

/**
 * The call is in a goroutine (`go func() { defer close(done); … }()`) the function waits for only
 * in a select that gives up on a timer and returns (`case <-time.After(syncTimeout): return
 * http.StatusAccepted`), or on a context made with a timeout of its own: the function stops
 * waiting then, and the work is meant to go on after it returns; given the context in scope, it
 * would end with it (woodpecker's webhook, answered 202 Accepted, its pipeline never created).
 * The reason.
 */
export function timedWaitGoroutine(call: Node, source: CancellationSource): string | undefined {
  const literal = ancestors(call).find((a) => a.type === 'func_literal' || same(a, source.fn));
  const go = literal?.type === 'func_literal' && literal.parent?.type === 'call_expression' ? literal.parent.parent : undefined;
  const spawner = go?.type === 'go_statement' ? enclosingFunction(go) : undefined;
  if (!go || !spawner) return undefined;
  // What the goroutine signals when done: the channels it closes or sends on.
  const signals = new Set([...closedChannels(literal!).map((c) => c.text), ...literal!.descendantsOfType('send_statement').map((s) => s.childForFieldName('channel')!.text)]);
  for (const unary of spawner.descendantsOfType('unary_expression')) {
    if (unary.startIndex < go.endIndex || !unary.text.startsWith('<-') || !signals.has(unary.namedChildren[0]?.text ?? '') || !same(enclosingFunction(unary), spawner)) continue;
    const kase = receiveCase(unary);
    const others = kase?.parent?.type === 'select_statement' ? kase.parent.namedChildren.filter((c) => c.type === 'communication_case' && !same(c, kase)) : [];
    const timer = timedReceive(unary) ?? timeoutContext(others, unary);
    const giving = timer ? others.find((c) => c.text.includes(timer) && c.descendantsOfType('return_statement').length > 0) : undefined;
    if (!giving) continue;
    return `the function waits for this goroutine (${unary.text}) only until ${timer} (line ${giving.startPosition.row + 1}), then returns: the work is meant to go on after it stops waiting, and given ${source.expr} it would end with ${source.expr} when the function returns`;
  }
  return undefined;
}

/** The other case of the select, if it is the only one, waits for a context made with a timeout or deadline (`<-tctx.Done()`, `tctx, cancel := context.WithTimeout(…)`): its text, `tctx.Done()`. */
function timeoutContext(others: Node[], at: Node): string | undefined {
  if (others.length !== 1) return undefined;
  const m = /^<-\s*(\w+)\.Done\(\)$/.exec(others[0].childForFieldName('communication')?.text ?? '');
  const decl = m ? declarationOf(m[1], at) : undefined;
  const value = decl && 'local' in decl ? decl.local.value : undefined;
  return value && /^\w+\.With(Timeout|Deadline)\w*\(/.test(value.text) ? `${m![1]}.Done()` : undefined;
}
