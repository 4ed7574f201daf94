import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatch } from 'diff';
import { filePatch, unifiedPatch, type FileChange } from '../../src/report/patch.js';
import { tempTree } from '../support/temp-tree.js';

const changes: FileChange[] = [
  { file: 'a.go', before: 'package a\n\nfunc f() {\n\tch <- 1\n}\n', after: 'package a\n\nfunc f() {\n\tselect {\n\tcase ch <- 1:\n\t}\n}\n' },
  { file: 'sub dir/b.go', before: 'package b\n// é 😀\nvar x = 1', after: 'package b\n// é 😀\nvar x = 2' },
  { file: 'c.go', before: 'package c\r\n\r\nvar y = 1\r\n', after: 'package c\r\n\r\nvar y = 2\r\n' },
];

function treeOf(which: 'before' | 'after'): Record<string, string> {
  return Object.fromEntries(changes.map((c) => [c.file, c[which]]));
}

describe('unifiedPatch', () => {
  const patch = unifiedPatch(changes);

  it('uses git-style a/ b/ headers relative to the root', () => {
    expect(patch).toContain('diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,5 +1,7 @@\n');
    expect(patch).toContain('\\ No newline at end of file');
  });

  it('finds the changed part at any offset, from the start or the end, in texts compared a block at a time', () => {
    const before = Array.from({ length: 1200 }, (_, i) => `line ${i}`).join('\n') + '\n';
    for (const at of [0, 1, 4095, 4096, 4097, 8191, 8192, before.length - 4097, before.length - 4096, before.length - 1]) {
      for (const after of [before.slice(0, at) + 'X' + before.slice(at), before.slice(0, at) + before.slice(at + 1)]) {
        expect(applyPatch(before, filePatch({ file: 'f.go', before, after })), `at ${at}`).toBe(after);
      }
    }
  });

  it('numbers hunks right in a large file with changes far apart, near both ends', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const after = [...lines];
    after[2] = 'changed 2';
    after.splice(2500, 1, 'changed 2500a', 'changed 2500b');
    after[4999] = 'changed last';
    const before = lines.join('\n') + '\n';
    const text = unifiedPatch([{ file: 'big.go', before, after: after.join('\n') + '\n' }]);
    expect(text).toContain('@@ -1,6 +1,6 @@');
    expect(text).toContain('@@ -2498,7 +2498,8 @@');
    expect(text).toContain('@@ -4996,5 +4997,5 @@');
    const dir = tempTree({ 'big.go': before });
    writeFileSync(join(dir, 'big.patch'), text);
    expect(spawnSync('git', ['apply', 'big.patch'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'big.go'), 'utf8')).toBe(after.join('\n') + '\n');
  });

  it('is empty when nothing changed', () => {
    expect(unifiedPatch([{ file: 'x.go', before: 'a\n', after: 'a\n' }])).toBe('');
  });

  it('applies with git apply, yielding exactly the fixed files', () => {
    const dir = tempTree(treeOf('before'));
    writeFileSync(join(dir, 'fix.patch'), patch);
    const res = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    for (const c of changes) expect(readFileSync(join(dir, c.file), 'utf8')).toBe(c.after);
  });

  it('applies with patch -p1, yielding exactly the fixed files', () => {
    const probe = spawnSync('patch', ['--version']);
    if (probe.status !== 0) {
      console.warn('NOTICE: `patch` is not installed; skipping the patch -p1 check');
      return;
    }
    const dir = tempTree(treeOf('before'));
    writeFileSync(join(dir, 'fix.patch'), patch);
    const res = spawnSync('patch', ['-p1', '-i', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
    expect(res.status, res.stdout + res.stderr).toBe(0);
    for (const c of changes) expect(readFileSync(join(dir, c.file), 'utf8')).toBe(c.after);
  });
});
