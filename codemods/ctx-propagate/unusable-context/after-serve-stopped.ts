import type { CancellationSource } from '../../../src/go/cancellation.js';
import { ancestors, contains, FUNCTION_TYPES, insideLiteral, statementsOf, unparen, type Node } from '../../../src/go/syntax.js';

// A call after a blocking call that returns only once the context is done: the function first
// starts a goroutine that waits for `<-shutdownCtx.Done()` and then stops something (`s.Shutdown(…)`),
// and later blocks on that same thing (`s.ListenAndServe()`). When that returns, the goroutine has
// stopped it: the context is over, and a call after it given the context would fail at once
// (of-watchdog's last metrics push, made after its server was shut down).

/** Calls that stop their receiver. */
const STOPS = /^(Shutdown|Close|Stop|GracefulStop)$/;
/** Calls that block on their receiver until it is stopped. */
const BLOCKS = /^(ListenAndServe|ListenAndServeTLS|Serve|ServeTLS|Run|Wait)$/;

/** `r.M(…)` with M matching `names`: the receiver's text. */
function receiverOf(call: Node, names: RegExp): string | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression' || !names.test(fn.childForFieldName('field')?.text ?? '')) return undefined;
  return fn.childForFieldName('operand')?.text;
}

/** For `go func() { <-expr.Done(); …; r.Shutdown(…) }()`: the receiver stopped once `expr` is done. */
function stoppedOnDone(go: Node, expr: string): string | undefined {
  const started = go.namedChild(0);
  const literal = started?.type === 'call_expression' ? unparen(started.childForFieldName('function')!) : undefined;
  if (literal?.type !== 'func_literal') return undefined;
  const body = statementsOf(literal.childForFieldName('body'));
  const waits = body.findIndex((s) => s.type === 'expression_statement' && s.text.replace(/\s/g, '') === `<-${expr}.Done()`);
  if (waits < 0) return undefined;
  for (const s of body.slice(waits + 1)) {
    for (const c of s.descendantsOfType('call_expression')) {
      const r = !insideLiteral(c, literal.childForFieldName('body')!) ? receiverOf(c, STOPS) : undefined;
      if (r) return r;
    }
  }
  return undefined;
}

/** Why `call` may not be given the context: it runs after a blocking call that returns only once a goroutine stopped it on the context's end. */
export function afterServeStopped(call: Node, source: CancellationSource): string | undefined {
  if (!source.isContext) return undefined;
  const fn = ancestors(call).find((a) => FUNCTION_TYPES.has(a.type));
  if (!fn) return undefined;
  for (const a of ancestors(call)) {
    if (a === fn || a.id === fn.id) break;
    if (a.type !== 'statement_list') continue;
    for (let s = a.firstNamedChild; s && s.startIndex < call.startIndex; s = s.nextNamedSibling) {
      const stopped = s.type === 'go_statement' && !contains(s, call) ? stoppedOnDone(s, source.expr) : undefined;
      if (!stopped) continue;
      // The blocking call on the same receiver, after the goroutine and before this call, in this function.
      const blocking = fn.descendantsOfType('call_expression').find(
        (c) => c.startIndex > s!.endIndex && c.endIndex <= call.startIndex && !insideLiteral(c, fn.childForFieldName('body') ?? fn) && receiverOf(c, BLOCKS) === stopped,
      );
      if (!blocking) continue;
      const line = (n: Node) => n.startPosition.row + 1;
      return `${blocking.text} (line ${line(blocking)}) returns once ${source.expr} is done (the goroutine at line ${line(s)} shuts ${stopped} down then): this call runs after it, with ${source.expr} over, and given it would fail at once`;
    }
  }
  return undefined;
}
