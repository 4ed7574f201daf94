import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tempDir } from './support/temp-tree.js';
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fixtureCodemods, loadCases, writePackage, type FixtureCase } from './support/fixture-cases.js';
import { describeWithGo, go } from './support/go-toolchain.js';
import { FIXTURES } from './support/paths.js';

function goFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return goFilesUnder(p);
    return name.endsWith('.go') ? [p] : [];
  });
}

describeWithGo('fixtures checked with the Go toolchain', () => {
  it('every fixture file (inputs, expected outputs, demo) is gofmt-clean', () => {
    // fixtures/hostile/ is broken on purpose (syntax errors, binary, Latin-1).
    const files = goFilesUnder(FIXTURES).filter((f) => !relative(FIXTURES, f).startsWith('hostile/'));
    expect(files.length).toBeGreaterThan(0);
    const res = spawnSync('gofmt', ['-l', ...files], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.stdout.split('\n').filter(Boolean).map((f) => relative(FIXTURES, f))).toEqual([]);
  });

  for (const codemod of fixtureCodemods()) {
    it(`${codemod.id}: every input and expected output passes go vet (inputs without the loopclosure and waitgroup analyzers)`, () => {
      const byVersion = new Map<string, FixtureCase[]>();
      for (const c of loadCases(codemod)) byVersion.set(c.goVersion, [...(byVersion.get(c.goVersion) ?? []), c]);
      for (const [version, cases] of byVersion) {
        const root = tempDir(`goconc-vet-${codemod.id}-`);
        writeFileSync(join(root, 'go.mod'), `module example.com/fixtures\n\ngo ${version}\n`);
        for (const c of cases) {
          writePackage(c, 'input', join(root, 'input', c.name));
          if (c.outputs.size) writePackage(c, 'output', join(root, 'output', c.name));
        }
        // Legacy inputs may hold the very hazards goconc removes and vet reports (loop-variable capture below Go 1.22, wg.Add inside the goroutine);
        // expected outputs are vetted with every analyzer.
        const inputs = go(['vet', '-loopclosure=false', '-waitgroup=false', './input/...'], root);
        expect(inputs.status, `go vet of inputs (go ${version}) failed:\n${inputs.output}`).toBe(0);
        if (cases.some((c) => c.outputs.size)) {
          const outputs = go(['vet', './output/...'], root);
          expect(outputs.status, `go vet of expected outputs (go ${version}) failed:\n${outputs.output}`).toBe(0);
        }
      }
    });
  }
});
