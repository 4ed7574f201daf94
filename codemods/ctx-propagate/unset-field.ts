import type { CancellationSource } from '../../src/go/cancellation.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * A context field the function sets only after the call (`s.client, err = NewClient(context.TODO(),
 * …)`, then `s.ctx, s.cancel = context.WithCancel(…)`): at the call it is nil on a fresh value (a
 * panic), or the last run's, cancelled. The line of the first assignment, or undefined.
 */
export function fieldSetAfterCall(call: Node, source: CancellationSource): number | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const body = source.fn.childForFieldName('body');
  if (!body) return undefined;
  const sets = new RegExp(`(^|[^\\w.])${regexEscaped(source.expr)}\\s*(,\\s*[\\w.]+\\s*)*=[^=]`, 'g');
  const first = sets.exec(body.text);
  if (!first) return undefined;
  const at = body.startIndex + first.index + first[1].length;
  return at > call.endIndex ? body.text.slice(0, first.index).split('\n').length + body.startPosition.row : undefined;
}

/**
 * A context field the package uses only once tested not nil (`if c.driver.context != nil { ctx =
 * c.driver.context }`): one left unset (an option not given) is nil, and a call given it would
 * panic. A lazy default (`if conn.ctx == nil { conn.ctx = context.Background() }`) says nothing of
 * the kind, and a field of the name that more than one struct of the package declares is left
 * alone (the test may be another type's). The test as written, or undefined.
 */
export function fieldTestedForNil(source: CancellationSource, index: PackageIndex): string | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const tests = nilTests(source.expr.slice(source.expr.lastIndexOf('.') + 1), index);
  // The source's own expression first (`r.Context != nil` before `operation.Context != nil`).
  return tests.find((t) => t.includes(source.expr)) ?? tests[0];
}

/** The package's `x.field != nil` tests, none when more than one struct declares the field; by package and field. */
const testsByIndex = new WeakMap<PackageIndex, Map<string, string[]>>();

function nilTests(name: string, index: PackageIndex): string[] {
  let byField = testsByIndex.get(index);
  if (!byField) testsByIndex.set(index, (byField = new Map()));
  let tests = byField.get(name);
  if (!tests) {
    const field = regexEscaped(name);
    const declared = new RegExp(`^\\s+${field}\\s+context\\.Context\\b`, 'gm');
    const texts = index.allTexts();
    const test = new RegExp(`[\\w.]*\\.${field}\\s*!=\\s*nil\\b|\\bnil\\s*!=\\s*[\\w.]*\\.${field}\\b`, 'g');
    tests = texts.reduce((n, text) => n + (text.match(declared)?.length ?? 0), 0) > 1 ? [] : texts.flatMap((text) => Array.from(text.matchAll(test), (m) => m[0]));
    byField.set(name, tests);
  }
  return tests;
}
