import { ancestors, contains, enclosingFunction, firstLine, nextStatement, type Node } from './syntax.js';

/**
 * A context the function starting a goroutine uses only before the go statement, and that the
 * goroutine (`literal`, the body the go statement runs) never names (`load(ctx, path)`, then
 * `go func() { for { …; save(c) } }()`: a variant of incubator-answer's cache, whose saves stopped
 * once start-up's context was done; maddy's `p.PubSub.Subscribe(ctx, "__updates")`, then a
 * forwarding goroutine). It bounds the set-up, not the goroutine. Its first use, as written (the
 * call it is in, or the name), and every use. `statusAfter`: a read of its state after the go
 * statement (`return ctx.Err()`, the set-up's outcome) does not count as a use there.
 */
export function usedOnlyBeforeGo(go: Node, literal: Node, name: string, statusAfter = false): { setup: string; uses: Node[]; readAfter: boolean } | undefined {
  const outer = enclosingFunction(go);
  if (!outer || literal.descendantsOfType('identifier').some((id) => id.text === name)) return undefined;
  const uses = outer.childForFieldName('body')?.descendantsOfType('identifier').filter((id) => id.text === name) ?? [];
  const after = (id: Node) => id.startIndex > go.startIndex && !(statusAfter && readsStatus(id));
  if (uses.length === 0 || uses[0].startIndex > go.startIndex || uses.some(after)) return undefined;
  const call = ancestors(uses[0]).find((a) => a.type === 'call_expression');
  return { setup: call ? firstLine(call.text) : name, uses, readAfter: uses.some((id) => id.startIndex > go.startIndex) };
}

/** `ctx.Err()`: a read of whether the context is done, which neither waits for it nor hands it on. */
function readsStatus(id: Node): boolean {
  const selector = id.parent;
  if (selector?.type !== 'selector_expression' || selector.childForFieldName('field')?.text !== 'Err') return false;
  const call = selector.parent;
  return call?.type === 'call_expression' && call.childForFieldName('arguments')?.namedChildCount === 0;
}

/**
 * A context the function hands, after the go statement, only to the return right after it
 * (`go func() { for { l.beat(); … } }(); return l.acquire(ctx)`), the goroutine never naming it:
 * the function returns as soon as that call does, and the goroutine outlives it. The context may
 * bound that one call (a lock's acquisition, a request) and not the goroutine (the lock's
 * keep-alive, stopped by Unlock). The return's first line.
 */
export function handedOnlyToReturn(go: Node, literal: Node, name: string): string | undefined {
  const outer = enclosingFunction(go);
  const ret = nextStatement(go);
  if (!outer || ret?.type !== 'return_statement' || nextStatement(ret) || go.parent?.parent?.id !== outer.childForFieldName('body')?.id) return undefined;
  if (literal.descendantsOfType('identifier').some((id) => id.text === name)) return undefined;
  const after = outer.childForFieldName('body')!.descendantsOfType('identifier').filter((id) => id.text === name && id.startIndex > go.endIndex);
  return after.length > 0 && after.every((id) => contains(ret, id)) ? firstLine(ret.text) : undefined;
}
