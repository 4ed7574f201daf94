import { ancestors, contains, enclosingFunction, FUNCTION_TYPES, type Node } from '../../src/go/syntax.js';
import { cancelAliases } from './cancel-aliases.js';

// A goroutine that ends, once it has sent, the context the receiver's select also waits on.

/**
 * The sending goroutine calls the cancel function of a context made in the function that makes
 * the channel (`ctx, cancel := context.WithTimeout(parent, MaxRTT)`) after its send, deferred
 * (`defer cancel()`, a failed ping waking the waiter) or not, and the select that receives the
 * value also has a `case <-ctx.Done():`. Unbuffered, the send waits for the receiver, so the
 * receive wins; buffered, the cancel may come first, both cases be ready and the select pick
 * either. The cancel call, the context's name and the Done case as written.
 */
export function cancelsWaitedContext(send: Node, make: Node, chan: string): { cancel: Node; ctx: string; done: string; via?: string } | undefined {
  const literal = ancestors(send).find((a) => FUNCTION_TYPES.has(a.type));
  const maker = enclosingFunction(make);
  if (!literal || !maker) return undefined;
  const made = [...maker.text.matchAll(/(\w+)\s*,\s*(\w+)\s*:?=\s*[\w.]*With(?:Cancel|Timeout|Deadline)\w*\(/g)];
  for (const [, ctx, cancelName] of made) {
    // Called by its own name, or by one it was handed to or stored under (cancel-aliases.ts).
    const names = new Map<string, string | undefined>([[cancelName, undefined], ...cancelAliases(literal, maker, cancelName).map((a) => [a.name, a.via] as [string, string])]);
    const cancel = literal.descendantsOfType('call_expression').find((c) => names.has(c.childForFieldName('function')?.text.replace(/\s/g, '') ?? '') && (c.startIndex > send.endIndex || ancestors(c).some((a) => a.type === 'defer_statement' && contains(literal, a))));
    if (!cancel) continue;
    const done = waitedWith(maker, chan, ctx);
    if (done) return { cancel, ctx, done, via: names.get(cancel.childForFieldName('function')!.text.replace(/\s/g, '')) };
  }
  return undefined;
}

/** A select in `fn` receiving from `chan` in one case and from `ctx.Done()` in another: that case's communication. */
function waitedWith(fn: Node, chan: string, ctx: string): string | undefined {
  for (const select of fn.descendantsOfType('select_statement')) {
    const comms = select.namedChildren.filter((c) => c.type === 'communication_case').map((c) => c.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '');
    const done = comms.find((c) => c === `<-${ctx}.Done()`);
    if (done && comms.some((c) => new RegExp(`(^|=)<-${chan}$`).test(c))) return done;
  }
  return undefined;
}
