import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { goconc } from './support/cli.js';
import { describeWithGo, go } from './support/go-toolchain.js';
import { tempTree } from './support/temp-tree.js';

// Go 1.26's `new(expr)`: valid Go that tree-sitter-go 0.25 does not read.
const NEWER = 'func newID(out chan<- *uint64) {\n\tout <- new(uint64(7))\n}\n';
const SOURCE = `package svc

import "context"

func Produce(ctx context.Context, out chan<- int) {
\tout <- 1
}

${NEWER}
func Count(items []int) int {
\treturn len(items)
}
`;
const GO_MOD = 'module example.com/svc\n\ngo 1.26\n';

/** Whether this machine's Go reads `new(expr)` (Go 1.26 and later). */
function goReadsNewExpr(): boolean {
  return spawnSync('gofmt', ['-e'], { input: `package p\n\n${NEWER}`, encoding: 'utf8' }).status === 0;
}

describeWithGo('syntax newer than the grammar', () => {
  it('scans the rest of a file Go reads, and says which declarations it left out', () => {
    const dir = tempTree({ 'go.mod': GO_MOD, 'a.go': SOURCE });
    const res = goconc(['scan', '--json'], dir);
    const report = JSON.parse(res.stdout);
    if (!goReadsNewExpr()) {
      // An older Go cannot vouch for the file: it stays a syntax error, left alone.
      expect(res.status).toBe(2);
      expect(report.errors.map((e: { file: string }) => e.file)).toEqual(['a.go']);
      return;
    }
    expect(res.status).toBe(1);
    expect(report.errors).toEqual([]);
    // The send in Produce is found and fixable; the one in newID, which goconc cannot read, is not reported.
    expect(report.findings.map((f: { line: number; fix: unknown }) => [f.line, !!f.fix])).toEqual([[6, true]]);
    expect(report.notes).toEqual([{ file: 'a.go', note: expect.stringMatching(/^the declaration at line 9 uses Go syntax newer than goconc's grammar/) }]);
    expect(report.summary).toMatchObject({ filesWithErrors: 0, filesPartlyAnalysed: 1 });
    expect(goconc(['scan'], dir).stderr).toContain("note: a.go: the declaration at line 9 uses Go syntax newer than goconc's grammar");
  });

  it('fixes the rest of such a file: the declaration it cannot read is kept byte for byte, and the result builds', () => {
    if (!goReadsNewExpr()) return;
    const dir = tempTree({ 'go.mod': GO_MOD, 'a.go': SOURCE });
    const fix = goconc(['fix', '--write'], dir);
    expect(fix.stderr).not.toContain('error');
    const fixed = readFileSync(join(dir, 'a.go'), 'utf8');
    expect(fixed).not.toBe(SOURCE);
    expect(fixed).toContain(`\n${NEWER}`);
    expect(fixed).toContain('case <-ctx.Done():');
    expect(go(['vet', './...'], dir).output).toBe('');
    expect(spawnSync('gofmt', ['-l', '.'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
    const again = JSON.parse(goconc(['scan', '--json'], dir).stdout);
    expect(again.findings.filter((f: { fix: unknown }) => f.fix)).toEqual([]);
  });

  it('fixes a file whose unreadable declaration holds nothing a codemod looks for (parsed whole only to fix)', () => {
    if (!goReadsNewExpr()) return;
    const source = SOURCE.replace(NEWER, 'func one() *int {\n\treturn new(int(1))\n}\n');
    const dir = tempTree({ 'go.mod': GO_MOD, 'a.go': source });
    const fix = goconc(['fix', '--write'], dir);
    expect(fix.status, fix.stderr).toBe(0);
    expect(fix.stderr).toContain("note: a.go: the declaration at line 9 uses Go syntax newer than goconc's grammar");
    expect(readFileSync(join(dir, 'a.go'), 'utf8')).toContain('case <-ctx.Done():');
    expect(go(['vet', './...'], dir).output).toBe('');
  });

  it('carries the note into GitHub annotations and merged shard reports', () => {
    if (!goReadsNewExpr()) return;
    const dir = tempTree({ 'go.mod': GO_MOD, 'a/a.go': SOURCE.replace('package svc', 'package a'), 'b/b.go': SOURCE.replace('package svc', 'package b') });
    expect(goconc(['scan', '--format', 'github'], dir).stdout).toMatch(/^::notice file=a\/a\.go,title=goconc::the declaration at line 9 uses/m);
    const whole = JSON.parse(goconc(['scan', '--json'], dir).stdout);
    const shards = [1, 2].map((k) => {
      const path = join(dir, `shard${k}.json`);
      writeFileSync(path, goconc(['scan', '--json', '--shard', `${k}/2`], dir).stdout);
      return path;
    });
    const merged = JSON.parse(goconc(['report', 'merge', ...shards], dir).stdout);
    expect(whole.notes.map((n: { file: string }) => n.file)).toEqual(['a/a.go', 'b/b.go']);
    expect(merged.notes).toEqual(whole.notes);
    expect(merged.summary.filesPartlyAnalysed).toBe(2);
  });

  it('leaves a file alone when Go does not read it either', () => {
    const broken = `${SOURCE}\nfunc other() {{\n\treturn\n}\n`;
    const dir = tempTree({ 'go.mod': GO_MOD, 'a.go': broken });
    const fix = goconc(['fix', '--write'], dir);
    expect(fix.status).toBe(2);
    expect(fix.stderr).toMatch(/error: a\.go: syntax error at \d+:\d+; the file is left alone/);
    expect(readFileSync(join(dir, 'a.go'), 'utf8')).toBe(broken);
  });
});
