import { describe, expect, it } from 'vitest';
import { codemods } from '../codemods/index.js';
import { PackageIndexCache } from '../src/engine/package-cache.js';
import { analyzeSource } from '../src/engine/process-file.js';
import type { Codemod } from '../src/engine/types.js';
import { fixtureInputs } from './support/fixture-cases.js';

/** Every codemod with its prefilter switched off: every file is parsed. */
const unfiltered: Codemod[] = codemods.map((c) => ({ ...c, prefilter: () => true }));

describe('the text prefilter', () => {
  it('never hides a finding: prefiltered and full-parse runs agree on every fixture', () => {
    const inputs = fixtureInputs();
    for (const { codemod, case: c, name, text } of inputs) {
      const opts = { goVersion: c.goVersion, packages: new PackageIndexCache() };
      const filtered = analyzeSource(`/virtual/${c.name}/${name}`, name, text, { ...opts, codemods });
      const full = analyzeSource(`/virtual/${c.name}/${name}`, name, text, { ...opts, codemods: unfiltered });
      const key = (f: { codemod: string; line: number; column: number; message: string }) => `${f.codemod}@${f.line}:${f.column} ${f.message}`;
      expect(filtered.findings.map(key), `${codemod.id}/${c.name}`).toEqual(full.findings.map(key));
    }
    expect(inputs.length).toBeGreaterThan(100);
  });

  it('spares files no codemod could match from parsing', () => {
    const res = analyzeSource('/virtual/a.go', 'a.go', 'package a\n\nfunc Add(a, b int) int { return a + b }\n', { codemods, goVersion: '1.22', packages: new PackageIndexCache() });
    expect(res.parsed).toBe(false);
  });
});
