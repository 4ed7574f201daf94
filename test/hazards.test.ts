import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { codemods } from '../codemods/index.js';
import { goconc } from './support/cli.js';
import { copyTree } from './support/copy-tree.js';
import { describeWithGo, go } from './support/go-toolchain.js';
import { FIXTURES } from './support/paths.js';

/**
 * fixtures/hazards/<codemod>/ is a Go module whose tests fail on the legacy code because of the
 * hazard the codemod removes (leak, unbounded concurrency, deadlock, race). Each must fail as
 * written, and pass under -race once `goconc fix --write --only <codemod>` has rewritten it.
 */
const HAZARDS = join(FIXTURES, 'hazards');
/** Two builds and two runs under -race, each compiling the race runtime: slow on a busy machine. */
const HAZARD_TIMEOUT = 180_000;
const modules = existsSync(HAZARDS) ? readdirSync(HAZARDS).filter((d) => existsSync(join(HAZARDS, d, 'go.mod'))).sort() : [];

describeWithGo('hazard modules: the Go test fails on legacy code and passes after goconc', () => {
  it('every default codemod proves itself on a hazard module', () => {
    expect(codemods.filter((c) => c.enabledByDefault && !modules.includes(c.id)).map((c) => c.id)).toEqual([]);
  });

  for (const id of modules) {
    it(id, () => {
      const dir = copyTree(join(HAZARDS, id));
      const before = go(['test', '-race', '-count=1', './...'], dir);
      expect(before.status, `expected the hazard test to fail on the legacy code:\n${before.output}`).not.toBe(0);
      // A failed test, or the hazard's own panic (sync: WaitGroup misuse…) in a goroutine the test
      // started, which ends the test binary before the test can report; never a build failure.
      expect(before.output).toMatch(/--- FAIL|^panic: /m);
      expect(before.output).not.toMatch(/\[(build|setup) failed\]/);

      const fix = goconc(['fix', '--write', '--only', id, '.'], dir);
      expect(fix.status, fix.stderr).toBe(0);
      expect(fix.stderr).toMatch(/fixed /);

      const after = go(['test', '-race', '-count=1', './...'], dir);
      expect(after.status, `expected the hazard test to pass after goconc fix:\n${after.output}`).toBe(0);
      expect(go(['vet', './...'], dir).status).toBe(0);
    }, HAZARD_TIMEOUT);

    it(`${id}, with every default codemod at once: still fixed, and a second run changes nothing`, () => {
      const dir = copyTree(join(HAZARDS, id));
      const fix = goconc(['fix', '--write', '.'], dir);
      expect(fix.stderr).not.toMatch(/^(not applied|internal error):/m);
      const after = go(['test', '-race', '-count=1', './...'], dir);
      expect(after.status, `expected the hazard test to pass after goconc fix:\n${after.output}`).toBe(0);
      expect(goconc(['fix', '--dry-run', '.'], dir).stdout).toBe('');
    }, HAZARD_TIMEOUT);
  }
});
