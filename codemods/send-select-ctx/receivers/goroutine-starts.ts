import type { Node } from '../../../src/go/syntax.js';

// How a function starts goroutines: go statements, and function literals handed to a group's
// Go or to a goroutine launcher.

/**
 * A function literal given to `wg.Go` or `g.Go`, or to a goroutine launcher's method
 * (`s.GoRoutines.RunWithRestart(ctx, name, func(ctx context.Context) { … })`: cds' workers): it
 * runs as a goroutine.
 */
export function givenToGo(literal: Node): boolean {
  return literal.type === 'func_literal' && literal.parent?.type === 'argument_list' && /\.Go$|(^|\.)(Get)?[Gg]o[Rr]outines?(\(\))?\.\w+$/.test(literal.parent.parent?.childForFieldName('function')?.text ?? '');
}

/**
 * The goroutines a function starts: `go f(…)` and `go func() {…}()` (the call started, and its
 * literal), and `wg.Go(func() {…})` or `g.Go(func() error {…})` (the literal).
 */
export function goroutineStarts(fn: Node): { go: Node; started?: Node; literal?: Node }[] {
  const statements = fn.descendantsOfType('go_statement').map((go) => ({ go, started: go.namedChild(0) ?? undefined, literal: go.namedChild(0)?.childForFieldName('function') ?? undefined }));
  const groups = fn.descendantsOfType('call_expression').flatMap((call) => {
    const literal = call.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'func_literal');
    return literal && givenToGo(literal) ? [{ go: call, literal }] : [];
  });
  return [...statements, ...groups];
}
