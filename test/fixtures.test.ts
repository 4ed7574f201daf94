import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countErrors, parseGo } from '../src/engine/parser.js';
import { fixtureCodemods, loadCases, parseWants, wantText } from './support/fixture-cases.js';
import { SNAPSHOTS } from './support/paths.js';
import { allFindings, findingsListing, runCase } from './support/run-fixture.js';

// Every codemod with a fixtures/<id>/ directory: findings = wants, exact output, re-parse clean,
// idempotent, and snapshots of findings and patch.
for (const codemod of fixtureCodemods()) {
  describe(`fixtures/${codemod.id}`, () => {
    const cases = loadCases(codemod);

    it('has cases, positive and negative', () => {
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.some((c) => c.outputs.size > 0)).toBe(true);
      expect(cases.some((c) => [...c.inputs.values()].every((t) => parseWants(t).length === 0))).toBe(true);
    });

    for (const c of cases) {
      it(c.name, async () => {
        const { first, fixed, second, patch } = await runCase(c);
        for (const f of first.files) {
          expect(f.status, `${f.file}: ${f.reason}`).toBe('ok');
          expect(f.internalErrors).toEqual([]);
        }

        for (const [file, input] of c.inputs) {
          // Findings are exactly the want lines, each matching its pattern.
          const wants = parseWants(input);
          const got = allFindings(first).filter((f) => f.file === file);
          expect(got.map((f) => f.line), `${file}: reported lines`).toEqual(wants.map((w) => w.line));
          wants.forEach((w, i) => expect(wantText(got[i]), `${file}:${w.line}`).toMatch(w.pattern));

          // The fixed text is the expected output byte for byte (or the input, unchanged).
          const out = fixed.get(file)!;
          expect(out, `${file}: fixed output`).toBe(c.outputs.get(file) ?? input);
          expect(countErrors(parseGo(out)), `${file}: re-parse`).toBe(0);
        }

        // Idempotent: a second run offers no fix, and what stays unfixable stays reported.
        const again = allFindings(second);
        expect(again.filter((f) => f.fix).map((f) => `${f.file}:${f.line}`)).toEqual([]);
        expect(again.length).toBe(allFindings(first).filter((f) => !f.fix).length);

        await expect(findingsListing(first)).toMatchFileSnapshot(join(SNAPSHOTS, codemod.id, `${c.name}.findings.txt`));
        if (patch) await expect(patch).toMatchFileSnapshot(join(SNAPSHOTS, codemod.id, `${c.name}.patch`));
      });
    }
  });
}
