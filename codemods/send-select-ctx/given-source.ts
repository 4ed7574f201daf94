import { declarationOf } from '../../src/go/scope.js';
import { unparen, type Node } from '../../src/go/syntax.js';

/**
 * Whether the call, or one it is chained on, is given one of the contexts (`rdb.Set(ctx,
 * k).Err()`), or is a method of a value made by such a call (`cmd.Run()`, with `cmd :=
 * exec.CommandContext(ctx, …)`: killed once the context is done).
 */
export function givesSource(call: Node, contexts: string[]): boolean {
  const given = (c: Node) => chainedCalls(c).some((link) => link.childForFieldName('arguments')?.namedChildren.some((arg) => contexts.includes(arg.text)));
  if (given(call)) return true;
  const operand = call.childForFieldName('function')?.childForFieldName('operand');
  const made = operand?.type === 'identifier' ? declarationOf(operand.text, call) : undefined;
  const value = made && 'local' in made && made.local.value ? unparen(made.local.value) : undefined;
  return value?.type === 'call_expression' && given(value);
}

/** A call and those it is chained on: `rdb.Set(ctx, k, v).Err()` → the Err call, then the Set call. */
function chainedCalls(call: Node): Node[] {
  const out: Node[] = [];
  for (let c: Node | null = call; c?.type === 'call_expression'; ) {
    out.push(c);
    const fn: Node | null = c.childForFieldName('function');
    c = fn?.type === 'selector_expression' ? unparen(fn.childForFieldName('operand')!) : null;
  }
  return out;
}
