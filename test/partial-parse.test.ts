import { describe, expect, it } from 'vitest';
import { codemods } from '../codemods/index.js';
import { PackageIndexCache } from '../src/engine/package-cache.js';
import { partialRanges } from '../src/engine/partial-parse.js';
import { analyzeSource } from '../src/engine/process-file.js';
import type { Codemod } from '../src/engine/types.js';
import { fixtureInputs } from './support/fixture-cases.js';

/** Every codemod without triggers: every file is parsed whole. */
const whole: Codemod[] = codemods.map((c) => ({ ...c, triggers: undefined }));

/** Functions no codemod looks into, enough of them for the partial parse to leave them out. */
const PADDING = Array.from({ length: 80 }, (_, i) => `\n// pad${i} is filler.\nfunc pad${i}(n int) int {\n\tx := n * ${i}\n\treturn x + 1\n}\n`).join('');

describe('partial parsing', () => {
  it('leaves out only functions no active codemod looks into, with the same findings and fixes as a whole parse', () => {
    let partial = 0;
    for (const { codemod, case: c, name, text } of fixtureInputs()) {
      const source = text + PADDING;
      const active = codemods.filter((m) => m.prefilter(source, c.goVersion));
      if (partialRanges(source, active)) partial++;
      const opts = { goVersion: c.goVersion, packages: new PackageIndexCache() };
      const a = analyzeSource(`/virtual/${c.name}/${name}`, name, source, { ...opts, codemods });
      const b = analyzeSource(`/virtual/${c.name}/${name}`, name, source, { ...opts, codemods: whole, packages: new PackageIndexCache() });
      const key = (f: (typeof a.findings)[number]) => JSON.stringify([f.codemod, f.line, f.column, f.message, f.reason, f.fix?.edits, f.alternatives?.map((x) => x.edits)]);
      expect(a.findings.map(key), `${codemod.id}/${c.name}`).toEqual(b.findings.map(key));
      expect(a.syntaxError, `${codemod.id}/${c.name}`).toEqual(b.syntaxError);
      // In fix mode a file offered a fix is parsed whole again from its partial tree: the same
      // tree as a fresh parse.
      if (a.findings.some((f) => f.fix || f.alternatives)) {
        const forFix = analyzeSource(`/virtual/${c.name}/${name}`, name, source, { ...opts, codemods, packages: new PackageIndexCache(), wholeFileForFixes: true });
        expect(forFix.findings.map(key), `${codemod.id}/${c.name}`).toEqual(b.findings.map(key));
        expect(forFix.tree?.rootNode.toString(), `${codemod.id}/${c.name}`).toBe(b.tree?.rootNode.toString());
      }
    }
    expect(partial).toBeGreaterThan(100);
  });

  it('asks a codemod whose trigger is a test on function text about each function', () => {
    const cul = codemods.filter((c) => c.id === 'copy-under-lock');
    const method = (name: string, body: string) => `\nfunc (s *S) ${name}() {\n\ts.mu.Lock()\n${body}}\n`;
    const src =
      'package p\n\nimport "sync"\n\ntype S struct {\n\tmu sync.Mutex\n\tm  map[string]int\n}\n' +
      method('deferred', '\tdefer s.mu.Unlock()\n\ts.m["a"] = 1\n') +
      method('ranges', '\tdefer s.mu.Unlock()\n\tfor k := range s.m {\n\t\t_ = k\n\t}\n') +
      method('handsOut', '\tv := s.m["a"]\n\ts.mu.Unlock()\n\t_ = v\n') +
      PADDING;
    const kept = partialRanges(src, cul)!.map((r) => src.slice(r.startIndex, r.endIndex)).join('');
    expect(kept).not.toContain('deferred()');
    expect(kept).toContain('ranges()');
    expect(kept).toContain('handsOut()');
  });

  it('keeps the header, declarations and triggered functions, and parses whole when a cut is wrong', () => {
    const src = `package p\n\nimport "time"\n\ntype T struct{ c chan int }\n${PADDING}\nfunc (t T) send() {\n\tt.c <- 1\n}\n${PADDING}`;
    const send = codemods.filter((c) => c.id === 'send-select-ctx');
    const ranges = partialRanges(src, send)!;
    const kept = ranges.map((r) => src.slice(r.startIndex, r.endIndex)).join('');
    expect(kept).toContain('type T struct');
    expect(kept).toContain('t.c <- 1');
    expect(kept).not.toContain('func pad3(');
    // A type or a constant after a function left out is kept on its own (a constant may count
    // workers); a variable only when it holds a trigger (a function literal may).
    const between = src.replace('func (t T) send()', 'type U struct{ d chan int }\n\nconst n = 1\n\nvar f = func(c chan int) { c <- n }\n\nvar m = 2\n\nfunc (t T) send()');
    const keptBetween = partialRanges(between, send)!.map((r) => between.slice(r.startIndex, r.endIndex)).join('');
    expect(keptBetween).toContain('type U struct{ d chan int }');
    expect(keptBetween).toContain('var f = func(c chan int) { c <- n }');
    expect(keptBetween).toContain('const n = 1');
    expect(keptBetween).not.toContain('var m = 2');
    expect(keptBetween).not.toContain('func pad79(');
    expect(analyzeSource('/virtual/p.go', 'p.go', between, { codemods: send, goVersion: '1.22', packages: new PackageIndexCache() }).findings.map((f) => f.line)).toHaveLength(2);
    const res = analyzeSource('/virtual/p.go', 'p.go', src, { codemods: send, goVersion: '1.22', packages: new PackageIndexCache() });
    expect(res.findings.map((f) => f.line)).toEqual([src.slice(0, src.indexOf('t.c <-')).split('\n').length]);
    // A function left out that does not parse goes unnoticed by a scan, fixes included (checked
    // over the functions parsed); to fix, a file must parse whole, or it is refused as any file
    // that does not parse.
    const broken = src.replace('func pad5(n int) int {', 'func pad5(n int) int {{');
    const analyze = (text: string, wholeFileForFixes = false) =>
      analyzeSource('/virtual/p.go', 'p.go', text, { codemods: send, goVersion: '1.22', packages: new PackageIndexCache(), wholeFileForFixes });
    expect(analyze(broken).findings.map((f) => f.reason)).toEqual(['no cancellation source in scope (no context.Context or done channel to select on)']);
    const fixable = broken.replace('import "time"', 'import "context"').replace('func (t T) send() {', 'func (t T) send(ctx context.Context) {');
    expect(analyze(fixable.replace('{{', '{')).findings[0].fix).toBeDefined();
    expect(analyze(fixable.replace('{{', '{'), true).findings[0].fix).toBeDefined();
    expect(analyze(fixable).findings[0].fix).toBeDefined();
    expect(analyze(fixable, true).syntaxError).toBeDefined();
    expect(analyze(fixable, true).findings).toEqual([]);
  });
});
