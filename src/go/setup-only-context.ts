import { ancestors, enclosingFunction, firstLine, type Node } from './syntax.js';

/**
 * A context the function starting a goroutine uses only before the go statement, and that the
 * goroutine (`literal`, the body the go statement runs) never names (`load(ctx, path)`, then
 * `go func() { for { …; save(c) } }()`: a variant of incubator-answer's cache, whose saves stopped
 * once start-up's context was done; maddy's `p.PubSub.Subscribe(ctx, "__updates")`, then a
 * forwarding goroutine). It bounds the set-up, not the goroutine. Its first use, as written (the
 * call it is in, or the name), and every use.
 */
export function usedOnlyBeforeGo(go: Node, literal: Node, name: string): { setup: string; uses: Node[] } | undefined {
  const outer = enclosingFunction(go);
  if (!outer || literal.descendantsOfType('identifier').some((id) => id.text === name)) return undefined;
  const uses = outer.childForFieldName('body')?.descendantsOfType('identifier').filter((id) => id.text === name) ?? [];
  if (uses.length === 0 || uses.some((id) => id.startIndex > go.startIndex)) return undefined;
  const call = ancestors(uses[0]).find((a) => a.type === 'call_expression');
  return { setup: call ? firstLine(call.text) : name, uses };
}
