import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codemods } from '../codemods/index.js';
import { run } from '../src/engine/run.js';
import { writeAtomically } from '../src/engine/write-file.js';
import { goconc } from './support/cli.js';
import { copyTree } from './support/copy-tree.js';
import { FIXTURES } from './support/paths.js';
import { tempDir, tempTree } from './support/temp-tree.js';

const FIXABLE = 'package svc\n\nimport "context"\n\nfunc Produce(ctx context.Context, out chan<- int) {\n\tout <- 1\n}\n';

/**
 * fixtures/hostile/ (small files kept byte for byte) copied to a temp dir, plus what is too big
 * or too odd to commit: 10,000 nested blocks, a 1 MB line, a file over 5 MB, a read-only file,
 * and a symbolic link to a file outside the tree.
 */
function hostileTree(): { dir: string; files: Record<string, Buffer> } {
  const dir = copyTree(join(FIXTURES, 'hostile'));
  const generated: Record<string, Buffer> = {
    'deep.go': Buffer.from(`package svc\n\nfunc deep() {\n${'{\n'.repeat(10000)}${'}\n'.repeat(10000)}}\n`),
    'long_line.go': Buffer.from(`package svc\n\nvar long = "${'x'.repeat(1 << 20)}"\n`),
    'huge.go': Buffer.from(`package svc\n\n${'// filler line of a very large generated-looking file\n'.repeat(110000)}`),

    // Files the Go toolchain ignores by name (an old copy kept beside the real one).
    '.reflector.go': Buffer.from(FIXABLE),
    '_old.go': Buffer.from(FIXABLE),
  };
  for (const [name, bytes] of Object.entries(generated)) writeFileSync(join(dir, name), bytes);
  chmodSync(join(dir, 'readonly.go'), 0o444);
  const outside = tempTree({ 'outside.go': FIXABLE });
  symlinkSync(join(outside, 'outside.go'), join(dir, 'link.go'));
  const files: Record<string, Buffer> = { ...generated };
  for (const name of ['broken.go', 'binary.go', 'empty.go', 'only_package.go', 'latin1.go', 'readonly.go']) files[name] = readFileSync(join(FIXTURES, 'hostile', name));
  return { dir, files };
}

describe('hostile input', () => {
  const { dir, files } = hostileTree();
  const res = goconc(['fix', '--write', '.'], dir);

  it('reports each bad file by path and reason, and exits 2', () => {
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/error: broken\.go: syntax error at 9:\d+; the file is left alone/);
    expect(res.stderr).toContain('error: binary.go: binary content (NUL bytes), not Go source');
    expect(res.stderr).toContain('error: latin1.go: not valid UTF-8');
    expect(res.stderr).toContain('error: readonly.go: not written: read-only file; not modified');
  });

  it('leaves every hostile file byte for byte as it was', () => {
    for (const name of ['broken.go', 'binary.go', 'empty.go', 'only_package.go', 'deep.go', 'long_line.go', 'latin1.go', 'huge.go', 'readonly.go', '.reflector.go', '_old.go']) {
      expect(readFileSync(join(dir, name)).equals(files[name]), name).toBe(true);
    }
  });

  it('skips what it must not edit, saying why', () => {
    const json = JSON.parse(goconc(['scan', '--json', '.'], dir).stdout);
    const skipped = Object.fromEntries(json.skipped.map((s: { file: string; reason: string }) => [s.file, s.reason]));
    expect(skipped['huge.go']).toBe('larger than 5 MB (--max-file-size)');
    const bigger = JSON.parse(goconc(['scan', '--json', '--max-file-size', '8', '.'], dir).stdout);
    expect(bigger.skipped.map((s: { file: string }) => s.file)).not.toContain('huge.go');
    expect(skipped['link.go']).toBe('symbolic link (not followed)');
    expect(skipped['.reflector.go']).toBe("name starts with '.' or '_': the Go toolchain ignores the file");
    expect(skipped['_old.go']).toBe("name starts with '.' or '_': the Go toolchain ignores the file");
  });

  it('still fixes the ordinary files, CRLF and BOM kept, paths with spaces and unicode included', () => {
    expect(readFileSync(join(dir, 'ok.go'), 'utf8')).toContain('\tselect {\n\tcase out <- 1:\n');
    const crlf = readFileSync(join(dir, 'crlf.go'), 'utf8');
    expect(crlf).toContain('\tselect {\r\n\tcase out <- 1:\r\n\tdefault:\r\n\t\tselect {\r\n\t\tcase out <- 1:\r\n\t\tcase <-ctx.Done():\r\n\t\t\treturn\r\n\t\t}\r\n\t}\r\n');
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    const bom = readFileSync(join(dir, 'bom.go'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.toString('utf8')).toContain('case out <- 1:');
    expect(readFileSync(join(dir, 'dir with spaces/ünïcode file.go'), 'utf8')).toContain('case out <- 1:');
  });

  it('never writes through a symbolic link', () => {
    expect(readFileSync(join(dir, 'link.go'), 'utf8')).toBe(FIXABLE);
  });

  it('does not write a file given from outside the repository root, and says so', () => {
    const root = tempTree({ 'go.mod': 'module example.com/r\n\ngo 1.22\n' });
    const elsewhere = tempTree({ 'svc.go': FIXABLE });
    const out = goconc(['fix', '--write', join(elsewhere, 'svc.go')], root);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(`svc.go: not written: outside the repository root ${root} (run goconc from the repository that holds it)`);
    expect(readFileSync(join(elsewhere, 'svc.go'), 'utf8')).toBe(FIXABLE);
  });

  it('makes patches for paths with spaces and unicode that git apply and patch -p1 accept', () => {
    const fresh = tempTree({ 'dir with spaces/ünïcode file.go': FIXABLE });
    const patch = goconc(['fix', '--dry-run'], fresh).stdout;
    // Outside the tree it applies to, in a directory removed after the tests.
    const p = join(tempDir(), 'fix.patch');
    writeFileSync(p, patch);
    expect(spawnSync('git', ['apply', '--check', p], { cwd: fresh }).status).toBe(0);
    if (spawnSync('patch', ['--version']).status === 0) {
      expect(spawnSync('patch', ['-p1', '--dry-run', '-i', p], { cwd: fresh }).status).toBe(0);
    }
  });

  it('reports a path that does not exist and a directory it cannot read', () => {
    expect(goconc(['scan', 'nope/nothing'], dir).stderr).toContain('error: nope/nothing: no such file or directory');
    if (process.getuid?.() === 0) {
      console.warn('NOTICE: running as root; an unreadable directory cannot be produced here');
      return;
    }
    const locked = tempDir();
    mkdirSync(join(locked, 'secret'));
    chmodSync(join(locked, 'secret'), 0o000);
    expect(goconc(['scan', '.'], locked).stderr).toContain('permission denied');
  });

  it('refuses to overwrite a file changed since it was read', () => {
    const d = tempTree({ 'a.go': FIXABLE });
    const path = join(d, 'a.go');
    writeFileSync(path, FIXABLE + '// edited meanwhile\n');
    expect(writeAtomically(path, 'package replaced\n', FIXABLE, 0o644)).toEqual({ ok: false, reason: 'changed on disk since it was read; not overwritten' });
    expect(readFileSync(path, 'utf8')).toBe(FIXABLE + '// edited meanwhile\n');
  });

  it('does not fix a file with a syntax error in a function no codemod looks into, though a scan shows the fix', async () => {
    // Only Produce is parsed by a scan; fix, and the interactive review, parse the file whole.
    const source = FIXABLE + '\nfunc other() {{\n\treturn\n}\n\nfunc more() {}\n';
    const dir = tempTree({ 'go.mod': 'module example.com/svc\n\ngo 1.22\n', 'a.go': source });
    const scan = JSON.parse(goconc(['scan', '--json'], dir).stdout);
    expect(scan.findings.map((f: { fix?: unknown }) => !!f.fix)).toEqual([true]);
    const fix = goconc(['fix', '--dry-run'], dir);
    expect(fix.status).toBe(2);
    expect(fix.stdout).toBe('');
    expect(fix.stderr).toContain('a.go: syntax error at ');
    const review = await run({ paths: [dir], root: dir, codemods, mode: 'scan', wholeFileForFixes: true });
    expect(review.files.map((f) => [f.status, f.findings.length])).toEqual([['error', 0]]);
    expect(readFileSync(join(dir, 'a.go'), 'utf8')).toBe(source);
  });
});
