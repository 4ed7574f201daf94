import { enclosingFunction, isReleaseCall, same, statementsOf, type Node } from '../../src/go/syntax.js';
import { cancelAliases } from './cancel-aliases.js';

// A deferred call of the sending goroutine that does work: it runs after the send, as a statement would.

/**
 * A call the sending goroutine defers (in its own body, not in a literal it holds) that does more
 * than let others go on: `defer q.ack()` after `m := q.peek()`, removing a message once handed
 * over. Deferred calls run once the function returns, so after the send: unbuffered, only once
 * the receiver has the value, and never if it gave up; buffered, the send completes into the
 * buffer and the deferred work runs anyway (tinode's long-poll queue acked a message its timed-out
 * poll never took: lost). Releases are safe either way and not counted: `wg.Done()`, `mu.Unlock()`,
 * `cancel()`, `close(ch)`, a send or a `<-sem` token, and a deferred literal holding only those
 * or a `recover()`. The statement doing the work (the deferred call, or one in a deferred literal).
 */
export function deferredWork(send: Node, make: Node): Node | undefined {
  const fn = enclosingFunction(send);
  const maker = enclosingFunction(make);
  if (!fn || !maker) return undefined;
  const released = (call: Node) => isReleaseCall(call) || cancels(call, fn, maker);
  for (const d of fn.descendantsOfType('defer_statement')) {
    if (!same(enclosingFunction(d), fn)) continue;
    const call = d.namedChildren.find((c) => c.type !== 'comment');
    if (!call) continue;
    const fun = call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    if (fun?.type === 'func_literal') {
      const work = statementsOf(fun.childForFieldName('body')).find((s) => !onlyReleases(s, released));
      if (work) return work;
    } else if (!released(call)) return call;
  }
  return undefined;
}

/**
 * A statement that only lets others go on, or does nothing unless the goroutine panics: a
 * release call (`wg.Done()`, `mu.Unlock()`, `cancel()`, `close(ch)`), a send or a receive (`<-sem`)
 * standing alone, an `if r := recover(); r != nil { … }`, a comment.
 */
function onlyReleases(stmt: Node, released: (call: Node) => boolean): boolean {
  switch (stmt.type) {
    case 'comment':
    case 'empty_statement':
    case 'send_statement':
      return true;
    case 'expression_statement': {
      const expr = stmt.namedChild(0);
      if (expr?.type === 'unary_expression' && expr.childForFieldName('operator')?.text === '<-') return true;
      return expr?.type === 'call_expression' && released(expr);
    }
    case 'if_statement': {
      const head = [stmt.childForFieldName('initializer'), stmt.childForFieldName('condition')];
      return head.some((h) => h && /\brecover\(\s*\)/.test(h.text));
    }
    default:
      return false;
  }
}

/**
 * A call of a context's cancel function by a name isReleaseCall does not know: the second result
 * of a `context.With…` call in the function making the channel or in the goroutine (`pingCtx, stop
 * := context.WithTimeout(…)`), a name declared a `context.CancelFunc`, or one such handed to the
 * literal or stored (cancel-aliases.ts).
 */
function cancels(call: Node, literal: Node, maker: Node): boolean {
  const callee = call.childForFieldName('function')?.text.replace(/\s/g, '') ?? '';
  if ((call.childForFieldName('arguments')?.namedChildCount ?? 1) !== 0) return false;
  const names = new Set<string>();
  for (const [, name] of maker.text.matchAll(/\w+\s*,\s*(\w+)\s*:?=\s*[\w.]*With(?:Cancel|Timeout|Deadline)\w*\(/g)) names.add(name);
  for (const [, name] of maker.text.matchAll(/(\w+)\s+(?:context\.)?CancelFunc\b/g)) names.add(name);
  if (names.has(callee)) return true;
  return [...names].some((n) => cancelAliases(literal, maker, n).some((a) => a.name === callee));
}
