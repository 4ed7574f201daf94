import { goAtLeast } from '../../src/engine/go-module.js';
import type { Fix } from '../../src/engine/types.js';
import { callsOf } from '../../src/go/find-by-text.js';
import { variableType } from '../../src/go/wait-groups.js';
import { deleteLines, lineEnd, lineStart, statementsOf, type Node } from '../../src/go/syntax.js';

/**
 * Go 1.25's `wg.Go(f)` counts the goroutine before starting it and marks it done after f
 * returns: the shape `go func() { wg.Add(1); defer wg.Done(); … }()` becomes
 * `wg.Go(func() { … })`. Only where that is the same program: the group is a sync.WaitGroup
 * declared in the function, the count is 1, the literal takes and returns nothing, the Add comes
 * first and `defer wg.Done()` right after it (so Done runs last, as in wg.Go), and the group's
 * only Done is that one. Each of the two alone on its line; a comment after the Add moves to the
 * end of the `wg.Go(func() {` line.
 */
export function waitGroupGoFix(source: string, goVersion: string | undefined, go: Node, literal: Node, call: Node, add: Node, wg: Node): Fix | undefined {
  if (!goAtLeast(goVersion, '1.25') || wg.type !== 'identifier') return undefined;
  if (!isWaitGroup(wg.text, go)) return undefined;
  if (add.childForFieldName('arguments')?.namedChildren.map((a) => a.text).join() !== '1') return undefined;
  const params = literal.childForFieldName('parameters')!.namedChildren;
  if (params.length > 0 || literal.childForFieldName('result') || call.childForFieldName('arguments')!.namedChildren.length > 0) return undefined;
  const body = statementsOf(literal.childForFieldName('body')).filter((c) => c.type !== 'comment');
  const [first, second] = body;
  if (first?.namedChild(0)?.startIndex !== add.startIndex || second?.type !== 'defer_statement') return undefined;
  if (second.namedChild(0)?.text.replace(/\s/g, '') !== `${wg.text}.Done()`) return undefined;
  if (callsOf(literal, source, `${wg.text}.Done`).length !== 1) return undefined;
  const comment = trailing(source, first);
  if (comment === undefined || trailing(source, second) !== '' || !aloneOnLine(source, first) || !aloneOnLine(source, second)) return undefined;
  // The line opening the goroutine takes the Add's comment: it must end with the body's brace.
  const opening = lineEnd(source, go.startIndex);
  if (comment && !source.slice(go.startIndex, opening).trimEnd().endsWith('{')) return undefined;
  return {
    description: `start the goroutine with ${wg.text}.Go, which counts it before it starts (Go 1.25)`,
    edits: [
      { start: go.startIndex, end: literal.startIndex, text: `${wg.text}.Go(` },
      ...(comment ? [{ start: opening, end: opening, text: ` ${comment}` }] : []),
      deleteLines(source, first),
      deleteLines(source, second),
      { start: literal.endIndex, end: call.endIndex, text: ')' },
    ],
  };
}

/** Declared in the enclosing functions as a sync.WaitGroup (a value, a pointer, or made by new / &{}). */
function isWaitGroup(name: string, at: Node): boolean {
  return variableType(name, at)?.replace(/^\*/, '') === 'sync.WaitGroup';
}

function aloneOnLine(source: string, stmt: Node): boolean {
  return source.slice(lineStart(source, stmt.startIndex), stmt.startIndex).trim() === '';
}

/** What follows a statement on its line: '' or a line comment; undefined for anything else. */
function trailing(source: string, stmt: Node): string | undefined {
  const rest = source.slice(stmt.endIndex, lineEnd(source, stmt.endIndex)).trim();
  return rest === '' || rest.startsWith('//') ? rest : undefined;
}
