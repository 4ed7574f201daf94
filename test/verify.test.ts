import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../src/engine/run.js';
import { planVerification, verifyAndRollback } from '../src/engine/verify-build.js';
import { writeResults } from '../src/engine/write-results.js';
import type { Codemod } from '../src/engine/types.js';
import { goconc } from './support/cli.js';
import { describeWithGo } from './support/go-toolchain.js';
import { tempTree } from './support/temp-tree.js';

/** A codemod whose fix parses but does not compile: it calls a function that does not exist. */
const broken: Codemod = {
  id: 'broken-for-test',
  title: 'emits Go that does not build',
  docs: '',
  severity: 'warning',
  enabledByDefault: false,
  options: [],
  prefilter: (text) => text.includes('func Work'),
  find(ctx) {
    const body = ctx.tree.rootNode.descendantsOfType('function_declaration').find((f) => f.childForFieldName('name')?.text === 'Work')?.childForFieldName('body');
    if (!body) return [];
    return [{ start: body.startIndex, end: body.startIndex + 1, message: 'test', fix: { description: 'break the build', edits: [{ start: body.startIndex + 1, end: body.startIndex + 1, text: '\n\tdoesNotExist()' }] } }];
  },
};

const OK = 'package good\n\nfunc Work() {\n\tprintln("work")\n}\n';
const BAD_BEFORE = 'package bad\n\nfunc Work() {\n\tundefinedAlready()\n}\n';

describeWithGo('--verify', () => {
  it('rolls back a package the fixes broke, reports the compiler output, and leaves one that never built unjudged', async () => {
    const dir = tempTree({ 'go.mod': 'module example.com/v\n\ngo 1.22\n', 'good/good.go': OK, 'bad/bad.go': BAD_BEFORE });
    const result = await run({ paths: [dir], root: dir, codemods: [broken], mode: 'fix' });
    const plan = planVerification(result.files);
    expect(plan.unavailable).toBeUndefined();
    const written = await writeResults(result.files, dir, () => {});
    expect(written.written.map((f) => f.file).sort()).toEqual(['bad/bad.go', 'good/good.go']);
    const outcome = verifyAndRollback(plan, dir);

    expect(readFileSync(join(dir, 'good/good.go'), 'utf8')).toBe(OK);
    expect(outcome.rolledBack.map((r) => r.pkg)).toEqual(['good']);
    expect(outcome.rolledBack[0].output).toContain('undefined: doesNotExist');
    const good = result.files.find((f) => f.file === 'good/good.go')!;
    expect(good.applied).toEqual([]);
    expect(good.failed[0].reason).toMatch(/rolled back: the package no longer builds or vets cleanly:[\s\S]*undefined: doesNotExist/);

    expect(outcome.unverified.map((u) => u.pkg)).toEqual(['bad']);
    expect(readFileSync(join(dir, 'bad/bad.go'), 'utf8')).toContain('doesNotExist()');
  });

  it('says the changed packages were verified when they build', () => {
    const dir = tempTree({ 'go.mod': 'module example.com/v\n\ngo 1.22\n', 'svc/svc.go': 'package svc\n\nimport "context"\n\nfunc Produce(ctx context.Context, out chan<- int) {\n\tout <- 1\n}\n' });
    const res = goconc(['fix', '--write', '--verify', '--gofmt'], dir);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toContain('verified: 1 changed packages build and vet cleanly');
  });
});
