import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/engine/apply-edits.js';
import { countErrors, parseGo } from '../../src/engine/parser.js';
import type { Edit, Finding } from '../../src/engine/types.js';
import { partialRanges } from '../../src/engine/partial-parse.js';
import { ParseChecker, verifyFixes } from '../../src/engine/verify-fixes.js';
import { fixtureInputs } from '../support/fixture-cases.js';
import { random } from '../support/random.js';

const SNIPPETS = ['', '{', '}', '\n', 'x := 1\n', 'select {\ncase <-ctx.Done():\n}\n', '// é ü 世界\n', '"ünï"', ')', 'go f()\n', 'ctx'];

/** Functions no codemod looks into, enough of them for a partial parse to leave them out. */
const PADDING = Array.from({ length: 40 }, (_, i) => `\nfunc pad${i}(n int) int {\n\treturn n * ${i}\n}\n`).join('');

const finding = (over: Partial<Finding>): Finding => ({
  codemod: 'test', file: 'a.go', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', start: 0, end: 0, message: 'm', ...over,
});

/**
 * The oracle: whether a whole-file parse has no error; undefined when it reads a label at the top
 * level (`t:` left by a line split before a type): the grammar takes the declaration after it as
 * the labelled statement, Go rejects it, and a check by declarations, parsing the label alone,
 * judges it apart.
 */
function parsesWhole(text: string): boolean | undefined {
  const tree = parseGo(text);
  if (tree.rootNode.namedChildren.some((n) => n.type === 'labeled_statement')) return undefined;
  return countErrors(tree) === 0;
}

describe('fix verification', () => {
  /** Random edits (one to three, sorted, apart) of a source. */
  function randomEdits(source: string, next: () => number): Edit[] {
    const edits: Edit[] = [];
    let at = 0;
    for (let k = 0; k < 1 + Math.floor(next() * 3); k++) {
      const start = at + Math.floor(next() * (source.length - at) * 0.5);
      const end = Math.min(source.length, start + (next() < 0.5 ? 0 : Math.floor(next() * 12)));
      edits.push({ start, end, text: SNIPPETS[Math.floor(next() * SNIPPETS.length)] });
      at = end + 1;
      if (at >= source.length) break;
    }
    return edits;
  }

  const inputs = () => fixtureInputs().slice(0, 60).map((i) => ({ ...i, source: i.text.replace('package ', '// ç’est ça — 世界\npackage ') }));

  it.each([
    ['declarations parsed alone', true],
    ['the file reparsed', false],
  ])('agrees with a full parse on random edits of the fixture corpus, non-ASCII text included (%s)', (_, byDeclaration) => {
    const next = random(7);
    let checked = 0;
    for (const { source } of inputs()) {
      const tree = parseGo(source);
      if (tree.rootNode.hasError) continue;
      const checker = new ParseChecker(source, tree, undefined, byDeclaration);
      for (let round = 0; round < 8; round++) {
        const edits = randomEdits(source, next);
        const expected = parsesWhole(applyEdits(source, edits));
        if (expected === undefined) continue;
        expect(checker.parses(edits), JSON.stringify(edits)).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it.each([
    ['declarations parsed alone', true],
    ['the file reparsed', false],
  ])('agrees with a full parse over the parts of a partly parsed file, and parses it whole for an edit elsewhere (%s)', (_, byDeclaration) => {
    const next = random(11);
    let inside = 0;
    let outside = 0;
    for (const { codemod, case: c, source: text } of inputs()) {
      const source = text + PADDING;
      const ranges = partialRanges(source, [codemod]);
      if (!ranges) continue;
      const tree = parseGo(source, ranges);
      if (tree.rootNode.hasError) continue;
      const checker = new ParseChecker(source, tree, ranges, byDeclaration);
      const covered = (e: Edit) => ranges.some((r) => r.startIndex <= e.start && e.end <= r.endIndex);
      for (let round = 0; round < 8; round++) {
        // Most edits inside the parsed functions (as fixes are), some anywhere.
        const edits = next() < 0.8 ? randomEdits(source.slice(0, ranges[ranges.length - 1].endIndex), next).filter(covered) : randomEdits(source, next);
        if (edits.length === 0) continue;
        if (edits.every(covered)) inside++;
        else outside++;
        const expected = parsesWhole(applyEdits(source, edits));
        if (expected === undefined) continue;
        expect(checker.parses(edits), `${c.name}: ${JSON.stringify(edits)}`).toBe(expected);
      }
    }
    expect(inside).toBeGreaterThan(100);
    expect(outside).toBeGreaterThan(10);
  });

  it('counts a missing terminator between top-level statements, which the tree lists no node for', () => {
    expect(countErrors(parseGo('package p\n\nfunc f() {}\n'))).toBe(0);
    expect(countErrors(parseGo('package p\nx y\n'))).toBeGreaterThan(0);
    expect(countErrors(parseGo('package p\n\nfunc f() {\n}ctx\n\nfunc g() {}\n'))).toBeGreaterThan(0);
  });

  it('rejects an edit that breaks the declaration it lies in, and one that breaks the text around it', () => {
    const source = 'package p\n\n// f does little.\nfunc f() {\n\tg()\n}\n\nfunc g() {}\n';
    const checker = new ParseChecker(source, parseGo(source));
    const call = source.indexOf('g()');
    expect(checker.parses([{ start: call, end: call + 3, text: 'select {\ncase <-ctx.Done():\n}' }])).toBe(true);
    expect(checker.parses([{ start: call, end: call, text: '{' }])).toBe(false);
    // Unterminated: the rest of the file would be in the comment or string.
    expect(checker.parses([{ start: call, end: call, text: '/* ' }])).toBe(false);
    expect(checker.parses([{ start: call, end: call, text: '`' }])).toBe(false);
    // Text glued to the end of a declaration.
    const end = source.indexOf('}\n') + 1;
    expect(checker.parses([{ start: end, end, text: 'ctx' }])).toBe(false);
    // Before the package clause.
    expect(checker.parses([{ start: 0, end: 0, text: '}\n' }])).toBe(false);
  });

  it('drops a fix that does not parse, keeps one that does, and falls back to a valid alternative', () => {
    const source = 'package p\n\nfunc f() {\n\tg()\n}\n\nfunc g() {}\n';
    const call = source.indexOf('g()');
    const good = { description: 'ok', edits: [{ start: call, end: call + 3, text: 'g() // checked' }] };
    const bad = { description: 'bad', edits: [{ start: call, end: call, text: '{' }] };
    const findings = [
      finding({ fix: bad, alternatives: [good] }),
      finding({ fix: { description: 'bad too', edits: [{ start: source.length - 2, end: source.length - 2, text: ')' }] } }),
    ];
    const errors: string[] = [];
    verifyFixes(findings, source, parseGo(source), errors);
    expect(findings[0].fix).toBe(good);
    expect(findings[0].alternatives).toBeUndefined();
    expect(findings[1].fix).toBeUndefined();
    expect(findings[1].reason).toBe('internal error: the proposed fix did not parse');
    expect(errors).toHaveLength(2);
  });

  it('places the imports a fix needs once, for reports to reuse', () => {
    const source = 'package p\n\nfunc f() {}\n';
    const fix = { description: 'd', edits: [{ start: source.indexOf('{}'), end: source.indexOf('{}') + 2, text: '{ _ = runtime.NumCPU() }' }], imports: ['runtime'] };
    verifyFixes([finding({ fix })], source, parseGo(source), []);
    expect(applyEdits(source, fix.resolved!)).toBe('package p\n\nimport "runtime"\n\nfunc f() { _ = runtime.NumCPU() }\n');
  });
});
