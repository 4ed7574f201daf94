import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goconc } from './support/cli.js';
import { REPO } from './support/paths.js';
import { tempTree } from './support/temp-tree.js';

const FIXABLE = `package svc

import "context"

func produce(ctx context.Context, out chan<- int) {
	for i := 0; i < 3; i++ {
		out <- i
	}
}
`;

describe('goconc CLI', () => {
  it('prints help, version, and the codemod list', () => {
    const help = goconc(['--help'], REPO);
    expect(help.status).toBe(0);
    for (const cmd of ['scan', 'fix', 'list', 'explain']) expect(help.stdout).toContain(cmd);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(goconc(['--version'], REPO).stdout.trim()).toBe(pkg.version);
    expect(goconc(['list'], REPO).stdout).toMatch(/^send-select-ctx\s+default\s+warning\s+/m);
  });

  it('explains a codemod with its before/after', () => {
    const res = goconc(['explain', 'send-select-ctx'], REPO);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('## Before');
    expect(res.stdout).toContain('## After');
    expect(res.stdout).toContain('case <-s.ctx.Done():');
  });

  it('treats usage mistakes as exit 2 with a message', () => {
    const unknownFlag = goconc(['scan', '--bogus'], REPO);
    expect(unknownFlag.status).toBe(2);
    expect(unknownFlag.stderr).toContain("unknown option '--bogus'");
    const unknownCodemod = goconc(['scan', '--only', 'nope', '.'], REPO);
    expect(unknownCodemod.status).toBe(2);
    expect(unknownCodemod.stderr).toContain('unknown codemod "nope" (known: send-select-ctx');
    expect(goconc(['explain', 'nope'], REPO).status).toBe(2);
    expect(goconc(['scan', '--fail-on', 'fatal'], REPO).status).toBe(2);
  });

  it('scan exits 1 on findings, 0 on a clean tree, and honours --fail-on', () => {
    const dirty = tempTree({ 'go.mod': 'module example.com/svc\n\ngo 1.22\n', 'svc.go': FIXABLE });
    const res = goconc(['scan'], dirty);
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('svc.go:7:3: warning send-select-ctx: blocking send on out');
    expect(res.stdout).toContain('+\t\t\tcase <-ctx.Done():');
    expect(goconc(['scan', '--fail-on', 'error'], dirty).status).toBe(0);
    const clean = tempTree({ 'ok.go': 'package ok\n\nfunc f() {}\n' });
    expect(goconc(['scan'], clean).status).toBe(0);
  });

  it('scan --json reports findings with their fix as a diff', () => {
    const dir = tempTree({ 'svc.go': FIXABLE });
    const res = goconc(['scan', '--json'], dir);
    const report = JSON.parse(res.stdout);
    expect(report.version).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ codemod: 'send-select-ctx', file: 'svc.go', line: 7, column: 3, severity: 'warning' });
    expect(report.findings[0].fix.diff).toContain('+\t\tcase out <- i:');
    expect(report.summary).toMatchObject({ findings: 1, fixable: 1, filesDiscovered: 1 });
  });

  it('fix --write rewrites in place; a second run finds nothing to fix', () => {
    const dir = tempTree({ 'svc.go': FIXABLE });
    const res = goconc(['fix', '--write'], dir);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toContain('fixed svc.go (1 fix)');
    expect(readFileSync(join(dir, 'svc.go'), 'utf8')).toContain('\t\tselect {\n\t\tcase out <- i:\n\t\tdefault:\n\t\t\tselect {\n\t\t\tcase out <- i:\n\t\t\tcase <-ctx.Done():\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n');
    const again = goconc(['fix', '--dry-run'], dir);
    expect(again.stdout).toBe('');
    expect(again.status).toBe(0);
  });

  it('--send-shape select writes the plain select; a bad shape is an error naming the choices', () => {
    const dir = tempTree({ 'svc.go': FIXABLE });
    const res = goconc(['fix', '--write', '--send-shape', 'select'], dir);
    expect(res.status, res.stderr).toBe(0);
    expect(readFileSync(join(dir, 'svc.go'), 'utf8')).toContain('\t\tselect {\n\t\tcase out <- i:\n\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\t}\n');
    const bad = goconc(['fix', '--dry-run', '--send-shape', 'first'], tempTree({ 'svc.go': FIXABLE }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--send-shape: expected one of send-first, select, got "first"');
  });

  it('--skip and --only select codemods', () => {
    const dir = tempTree({ 'svc.go': FIXABLE });
    expect(goconc(['scan', '--skip', 'send-select-ctx'], dir).status).toBe(0);
    expect(goconc(['scan', '--only', 'send-select-ctx'], dir).status).toBe(1);
  });

  it('reports bad files by path and reason, fixes the rest, and writes nothing to them', () => {
    const broken = 'package svc\n\nfunc broken( {\n\tch <- 1\n';
    const binary = Buffer.from([0x70, 0x61, 0x00, 0x01, 0x3c, 0x2d]);
    const latin1 = Buffer.from('package svc\n// caf\xe9\nvar c = make(chan int)\nfunc f() { c <- 1 }\n', 'latin1');
    const dir = tempTree({ 'broken.go': broken, 'binary.go': binary, 'latin1.go': latin1, 'svc.go': FIXABLE, 'empty.go': '' });
    const res = goconc(['fix', '--write'], dir);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/error: broken\.go: syntax error at 3:\d+; the file is left alone/);
    expect(res.stderr).toContain('error: binary.go: binary content (NUL bytes), not Go source');
    expect(res.stderr).toContain('error: latin1.go: not valid UTF-8');
    expect(res.stderr).toContain('fixed svc.go');
    expect(readFileSync(join(dir, 'broken.go'), 'utf8')).toBe(broken);
    expect(readFileSync(join(dir, 'binary.go'))).toEqual(binary);
    expect(readFileSync(join(dir, 'latin1.go'))).toEqual(latin1);
  });

  it('reports a path that does not exist', () => {
    const res = goconc(['scan', 'missing/dir'], REPO);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('error: missing/dir: no such file or directory');
  });

  it('reports an unreadable file by path (skipped when running as root, which reads anything)', () => {
    if (process.getuid?.() === 0) {
      console.warn('NOTICE: running as root; the unreadable-file case cannot be produced here');
      return;
    }
    const dir = tempTree({ 'secret.go': FIXABLE });
    chmodSync(join(dir, 'secret.go'), 0o000);
    const res = goconc(['scan'], dir);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('error: secret.go: permission denied');
  });

  it('skips generated files', () => {
    const dir = tempTree({ 'gen.go': `// Code generated by mockgen. DO NOT EDIT.\n\n${FIXABLE}` });
    const res = goconc(['scan', '--json'], dir);
    const report = JSON.parse(res.stdout);
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([{ file: 'gen.go', reason: 'generated file (Code generated … DO NOT EDIT)' }]);
    // The text summary says why, counted by reason.
    expect(goconc(['scan'], dir).stdout).toContain('1 skipped (1 generated)');
  });
});
