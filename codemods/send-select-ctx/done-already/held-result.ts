import type { CancellationSource } from '../../../src/go/cancellation.js';
import { ancestors, contains, enclosingFunction, firstLine, same, unparen, type Node } from '../../../src/go/syntax.js';
import { takenOrGivenUp } from './done-already.js';
import { derivedFrom } from '../sources/derived-contexts.js';
import { givesSource } from './given-source.js';

/**
 * As `carriesResultOf`, for a result sent as the name holding it: `err := sy.apply(ctx, ev)`, then
 * `acks <- err` (okteto's watcher acking each change in its goroutine's loop), past comments and
 * `if`s that only wrap it (`if err != nil { err = fmt.Errorf("apply %s: %w", ev, err) }`). The
 * call ends once the context is done, and its report is what the reader waits for: the send is in
 * a loop that takes a request with a receive before it (\`ev := <-events\`), so each value answers
 * one (a first-answer-wins send outside such a loop keeps its fix). What it
 * reports, e.g. `the result of sy.apply(ctx, ev), held in err`, or undefined.
 */
export function heldResultOf(send: Node, fn: Node, source: CancellationSource): string | undefined {
  const value = send.childForFieldName('value');
  const name = value && unparen(value).type === 'identifier' ? unparen(value).text : undefined;
  if (!source.isContext || !name || name === '_' || !answersReceived(send, fn)) return undefined;
  let prev = send.previousNamedSibling;
  let wrapped = false;
  while (prev?.type === 'comment' || prev?.type === 'if_statement') {
    if (prev.type === 'if_statement') {
      const sets = assignmentsTo(prev, name);
      // Only a wrap of the name itself: `err = fmt.Errorf("…: %w", err)`.
      if (!sets.every((right) => right.descendantsOfType('identifier').some((id) => id.text === name))) return undefined;
      wrapped ||= sets.length > 0;
    }
    prev = prev.previousNamedSibling;
  }
  if (prev?.type !== 'short_var_declaration' && prev?.type !== 'assignment_statement') return undefined;
  if (!same(prev.parent, send.parent)) return undefined;
  const left = prev.childForFieldName('left')?.namedChildren ?? [];
  const right = prev.childForFieldName('right')?.namedChildren ?? [];
  const call = right.length === 1 ? unparen(right[0]) : undefined;
  if (call?.type !== 'call_expression' || !left.some((n) => n.text === name)) return undefined;
  if (!givesSource(call, [source.expr, ...derivedFrom(source.expr, fn)]) || takenOrGivenUp(send, source)) return undefined;
  return `the result of ${firstLine(call.text)}, held in ${name}${wrapped ? ' (wrapped when it failed)' : ''}`;
}

/** The right-hand sides of the assignments to `name` in `node` (`name = …`, `x, name = …`). */
function assignmentsTo(node: Node, name: string): Node[] {
  const sets: Node[] = [];
  for (const a of node.descendantsOfType(['assignment_statement', 'short_var_declaration'])) {
    const left = a.childForFieldName('left')?.namedChildren ?? [];
    if (left.some((n) => n.text === name)) sets.push(a.childForFieldName('right')!);
  }
  return sets;
}

/** The send is in a `for` of `fn` that receives from a channel before it, outside any select: a loop answering each request it takes. */
function answersReceived(send: Node, fn: Node): boolean {
  const loop = ancestors(send).find((a) => a.type === 'for_statement' || same(a, fn));
  if (loop?.type !== 'for_statement') return false;
  return loop.descendantsOfType('unary_expression').some((u) => u.childForFieldName('operator')?.text === '<-' && u.endIndex < send.startIndex && same(enclosingFunction(u), fn) && !ancestors(u).some((a) => a.type === 'select_statement' && contains(loop, a)));
}
