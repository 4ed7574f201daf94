import { ancestors, contains, enclosingFunction, FUNCTION_TYPES, same, type Node } from '../../src/go/syntax.js';
import { positionalParams } from '../../src/go/scope.js';
import { cancelAliases } from './cancel-aliases.js';
import { selectedWith } from './sends-other-waited.js';

// A goroutine whose wg.Done() lets a Wait return, after which a context or channel the receiving select waits on is ended.

/** The sender's Done, the Wait it lets return, what ends after it, and the select's case it ends. */
export interface WaitThenEnds {
  done: Node;
  how: string;
  wait: Node;
  end: Node;
  comm: string;
}

/**
 * The sending goroutine calls `wg.Done()` deferred (`defer wg.Done()`) or after its send, and code
 * of the function making the channel waits on that group and then ends what the receiving select
 * also waits on: `go func() { wg.Wait(); cancel() }()` with `case <-ctx.Done():` (ctx from that
 * cancel's `context.With…`), or `wg.Wait(); close(done)` with `case <-done:`. Unbuffered, Done
 * comes only once the receiver has the value, so the receive wins; buffered, Done, the Wait and
 * the cancel may all come first and the select pick the other case (frankenphp's boot returned
 * ErrStopped for a main thread that had booted). A Wait followed by nothing the select waits on
 * does not count.
 */
export function waitThenEndsWaited(send: Node, make: Node, chan: string): WaitThenEnds | undefined {
  const literal = ancestors(send).find((a) => FUNCTION_TYPES.has(a.type));
  const maker = enclosingFunction(make);
  if (!literal || !maker) return undefined;
  for (const { done, group } of sendersDone(send, literal)) {
    const how = ancestors(done).some((a) => a.type === 'defer_statement' && contains(literal, a)) ? 'deferred' : 'after the send';
    for (const wait of maker.descendantsOfType('call_expression')) {
      if (wait.childForFieldName('function')?.text.replace(/\s/g, '') !== `${group}.Wait` || contains(literal, wait)) continue;
      // Waited on in a goroutine (or literal) of its own: a Wait in the function itself comes
      // after its select, or never returns while the sender waits for it.
      const waiter = enclosingFunction(wait);
      if (!waiter || same(waiter, maker)) continue;
      for (const end of endsAfter(wait, waiter)) {
        const comm = endedCase(end, waiter, maker, chan);
        if (comm) return { done, how, wait, end, comm };
      }
    }
  }
  return undefined;
}

/**
 * The `X.Done()` calls of the sending goroutine, deferred (in a defer of its own or a deferred
 * literal's body) or after the send, with the group they count down: the name as written, or the
 * argument the go statement hands the literal for that parameter (`go func(wg *sync.WaitGroup) { …
 * }(&wg)`).
 */
function sendersDone(send: Node, literal: Node): { done: Node; group: string }[] {
  const handed = new Map<string, string>();
  const call = literal.parent;
  if (call?.type === 'call_expression' && call.childForFieldName('function')?.id === literal.id) {
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    positionalParams(literal).forEach((p, i) => {
      if (p && p !== '_' && args[i]) handed.set(p, args[i].text.replace(/\s/g, '').replace(/^&/, ''));
    });
  }
  const out: { done: Node; group: string }[] = [];
  for (const c of literal.descendantsOfType('call_expression')) {
    const fun = c.childForFieldName('function');
    if (fun?.type !== 'selector_expression' || fun.childForFieldName('field')?.text !== 'Done') continue;
    if ((c.childForFieldName('arguments')?.namedChildCount ?? 1) !== 0 || !/^(expression_statement|defer_statement)$/.test(c.parent?.type ?? '')) continue;
    const deferred = ancestors(c).some((a) => a.type === 'defer_statement' && contains(literal, a));
    if (!deferred && !(same(enclosingFunction(c), literal) && c.startIndex > send.endIndex)) continue;
    const operand = fun.childForFieldName('operand')!.text.replace(/\s/g, '');
    out.push({ done: c, group: handed.get(operand) ?? operand });
  }
  return out;
}

/**
 * The calls that run once `wait` has returned, in the function holding it: the statements after
 * it in its block and in the blocks around it, and the calls that function defers.
 */
function endsAfter(wait: Node, waiter: Node): Node[] {
  const calls = (n: Node) => (n.type === 'call_expression' ? [n] : []).concat(n.descendantsOfType('call_expression'));
  const out: Node[] = [];
  for (let stmt: Node | null = wait; stmt && stmt.id !== waiter.id; stmt = stmt.parent) {
    if (stmt.parent?.type !== 'statement_list' && stmt.parent?.type !== 'block') continue;
    for (let next = stmt.nextNamedSibling; next; next = next.nextNamedSibling) out.push(...calls(next).filter((c) => same(enclosingFunction(c), waiter)));
  }
  for (const d of waiter.descendantsOfType('defer_statement')) if (same(enclosingFunction(d), waiter)) out.push(...calls(d));
  return out;
}

/**
 * The case of a select of `maker` receiving `chan` that `end` makes ready: `<-ctx.Done()` for a
 * call of the cancel function of `ctx, cancel := context.With…(…)` (by that name, or one it was
 * handed to or stored under), `<-done` for `close(done)`.
 */
function endedCase(end: Node, waiter: Node, maker: Node, chan: string): string | undefined {
  const callee = end.childForFieldName('function')?.text.replace(/\s/g, '') ?? '';
  const args = end.childForFieldName('arguments')?.namedChildren ?? [];
  if (callee === 'close' && args.length === 1) return selectedWith(maker, chan, args[0].text.replace(/\s/g, ''));
  if (args.length !== 0) return undefined;
  for (const [, ctx, cancel] of maker.text.matchAll(/(\w+)\s*,\s*(\w+)\s*:?=\s*[\w.]*With(?:Cancel|Timeout|Deadline)\w*\(/g)) {
    if (callee === cancel || cancelAliases(waiter, maker, cancel).some((a) => a.name === callee)) {
      const comm = selectedWith(maker, chan, `${ctx}.Done()`);
      if (comm) return comm;
    }
  }
  return undefined;
}
