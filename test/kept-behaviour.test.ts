import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { codemods } from '../codemods/index.js';
import { goconc } from './support/cli.js';
import { copyTree } from './support/copy-tree.js';
import { parseWants } from './support/fixture-cases.js';
import { describeWithGo, go } from './support/go-toolchain.js';
import { FIXTURES } from './support/paths.js';

/**
 * fixtures/kept/<case>/ is a Go module whose test passes on the code as written: a shape where a
 * rewrite once changed behaviour beyond the hazard (a bounded pool that deadlocked, a context
 * that made a call panic or a send drop the newest value). goconc must still report it, as each
 * `// want "re"` says (message, and the reason where there is no fix), and the module's test must
 * still pass once `goconc fix --write --aggressive` has run every codemod on it, the opt-in ones too.
 */
const KEPT = join(FIXTURES, 'kept');
const modules = existsSync(KEPT) ? readdirSync(KEPT).filter((d) => existsSync(join(KEPT, d, 'go.mod'))).sort() : [];
const EVERY = ['--aggressive', '--only', codemods.map((c) => c.id).join(',')];

interface JsonFinding {
  file: string;
  line: number;
  message: string;
  reason: string | null;
  fix: unknown;
}

describeWithGo('kept modules: the Go test passes on legacy code and still passes after goconc', () => {
  it('there are kept modules, each with a test and a want', () => {
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules) {
      const files = readdirSync(join(KEPT, m));
      expect(files.some((f) => f.endsWith('_test.go')), m).toBe(true);
      expect(files.some((f) => !f.endsWith('_test.go') && f.endsWith('.go') && parseWants(readFileSync(join(KEPT, m, f), 'utf8')).length > 0), m).toBe(true);
    }
  });

  for (const name of modules) {
    it(name, () => {
      const dir = copyTree(join(KEPT, name));
      const before = go(['test', '-count=1', './...'], dir);
      expect(before.status, `expected the test to pass on the code as written:\n${before.output}`).toBe(0);

      const scan = goconc(['scan', '--json', ...EVERY, '.'], dir);
      const findings = (JSON.parse(scan.stdout) as { findings: JsonFinding[] }).findings;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.go'))) {
        for (const want of parseWants(readFileSync(join(dir, file), 'utf8'))) {
          const texts = findings.filter((f) => f.file === file && f.line === want.line).map((f) => (f.fix ? f.message : `${f.message} (no fix: ${f.reason})`));
          expect(texts.some((t) => want.pattern.test(t)), `${file}:${want.line} ${want.pattern}, reported: ${texts.join(' | ') || 'nothing'}`).toBe(true);
        }
      }

      const fix = goconc(['fix', '--write', ...EVERY, '.'], dir);
      expect(fix.stderr).not.toMatch(/^(not applied|internal error):/m);
      const after = go(['test', '-count=1', './...'], dir);
      expect(after.status, `expected the test to still pass after goconc fix:\n${after.output}`).toBe(0);
    });
  }
});
