import type { Node } from '../../../src/go/syntax.js';

/**
 * The function literal a go statement runs: the one it calls (`go func() { … }()`), or one it
 * hands to the call it starts (`go PanicRecovery(errs, func() { … })`, `go safe.Go(func() { … })`,
 * pulumi's step generator), which runs in that goroutine too. With `within`, only a literal
 * containing it.
 */
export function goroutineBody(go: Node, within?: Node): Node | undefined {
  const started = go.namedChild(0);
  const called = started?.childForFieldName('function');
  if (called?.type === 'func_literal') return called;
  const handed = started?.type === 'call_expression' ? (started.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type === 'func_literal') : [];
  return within ? handed.find((l) => l.startIndex <= within.startIndex && within.endIndex <= l.endIndex) : handed.length === 1 ? handed[0] : undefined;
}
