import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goconc } from './support/cli.js';
import { copyTree } from './support/copy-tree.js';
import { describeWithGo, go } from './support/go-toolchain.js';
import { FIXTURES, REPO, SNAPSHOTS } from './support/paths.js';

const DEMO = join(FIXTURES, 'demo');

function goFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.go')) out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const withoutTiming = (text: string) => text.replace(/ in \d+\.\d+s/g, ' in <time>');

describe('the bundled demo', () => {
  it('README command: fix --dry-run fixtures/demo prints the patch (snapshot) and exits 1', () => {
    const res = goconc(['fix', '--dry-run', 'fixtures/demo'], REPO);
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/^diff --git a\/fixtures\/demo\//);
    return expect(res.stdout).toMatchFileSnapshot(join(SNAPSHOTS, 'demo', 'fix-dry-run.patch'));
  });

  it('scan lists every finding, with and without a fix (snapshot)', async () => {
    const res = goconc(['scan', '--no-diff', 'fixtures/demo'], REPO);
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('no fix: no cancellation source in scope');
    await expect(withoutTiming(res.stdout)).toMatchFileSnapshot(join(SNAPSHOTS, 'demo', 'scan.txt'));
  });

  it('the patch applies with git apply and gives exactly what fix --write writes', () => {
    const patched = copyTree(DEMO);
    const written = copyTree(DEMO);
    const patch = goconc(['fix', '--dry-run'], patched).stdout;
    writeFileSync(join(patched, '..', 'demo.patch'), patch);
    const check = spawnSync('git', ['apply', '--check', '../demo.patch'], { cwd: patched, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(spawnSync('git', ['apply', '../demo.patch'], { cwd: patched }).status).toBe(0);

    const write = goconc(['fix', '--write'], written);
    expect(write.status, write.stderr).toBe(0);
    expect(goFiles(written)).toEqual(goFiles(patched));

    const again = goconc(['fix', '--dry-run'], written);
    expect(again.stdout).toBe('');
    expect(again.status).toBe(0);
  });
});

describe('the demo with a config file and suppressions', () => {
  it('goconc.yaml switches codemods off and //goconc:ignore silences one finding', () => {
    const dir = copyTree(DEMO);
    writeFileSync(join(dir, 'goconc.yaml'), 'codemods:\n  bounded-goroutines: false\nfail-on: warning\n');
    const notify = join(dir, 'internal/notify/notify.go');
    writeFileSync(notify, readFileSync(notify, 'utf8').replace('\tqueue <- msg\n', '\tqueue <- msg //goconc:ignore send-select-ctx // the panel drains its queue forever\n'));
    const res = goconc(['scan', '--json'], dir);
    const findings = JSON.parse(res.stdout).findings as { codemod: string; file: string }[];
    expect(findings.some((f) => f.codemod === 'bounded-goroutines')).toBe(false);
    expect(findings.some((f) => f.file === 'internal/notify/notify.go')).toBe(false);
    expect(findings.filter((f) => f.codemod === 'send-select-ctx')).toHaveLength(6);
    expect(res.status).toBe(1);
  });
});

describeWithGo('the demo checked with Go', () => {
  it('passes go vet', () => {
    const res = go(['vet', './...'], copyTree(DEMO));
    expect(res.status, res.output).toBe(0);
  });

  it('its leak tests fail on the legacy code and pass under -race once goconc rewrote it', () => {
    const legacy = go(['test', '-count=1', './...'], copyTree(DEMO));
    expect(legacy.status).not.toBe(0);
    expect(legacy.output).toContain('goroutine still blocked on a send after ctx was cancelled');
    expect(legacy.output).toContain('watch goroutine still blocked sending on errChan');

    const fixed = copyTree(DEMO);
    expect(goconc(['fix', '--write'], fixed).status).toBe(0);
    const after = go(['test', '-race', '-count=1', './...'], fixed);
    expect(after.status, after.output).toBe(0);
  });
});
