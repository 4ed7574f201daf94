import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goconc } from './support/cli.js';
import { CLI } from './support/paths.js';
import { tempDir, tempTree } from './support/temp-tree.js';

const send = (pkg: string, n: number) => `package ${pkg}

import "context"

func Produce${n}(ctx context.Context, out chan<- int) {
	out <- ${n}
}
`;

/** A monorepo: a root module, a nested module with no go line, a go.work, many packages. */
function monorepo(packages = 24): string {
  const files: Record<string, string> = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    'go.mod': 'module example.com/mono\n\ngo 1.21\n\ntoolchain go1.22.3\n',
    'go.work': 'go 1.22\n\nuse (\n\t.\n\t./tools\n)\n',
    'tools/go.mod': 'module example.com/mono/tools\n',
    'tools/gen/gen.go': send('gen', 999),
  };
  for (let i = 0; i < packages; i++) files[`svc/p${i}/p.go`] = send(`p${i}`, i);
  return tempTree(files);
}

const findingsOf = (json: string) => JSON.parse(json).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`);

describe('monorepo runs', () => {
  it('--list-modules lists nested modules with their go and toolchain lines, and go.work files', () => {
    const dir = monorepo(2);
    const res = goconc(['scan', '--list-modules'], dir);
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(
      '.      example.com/mono  go 1.21  toolchain go1.22.3\n' +
        'tools  example.com/mono/tools  (no go line: newest rules apply)\n' +
        'go.work  use . ./tools\n',
    );
  });

  it('--list-modules shows the godebug lines of go.mod and go.work files', () => {
    const dir = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'go.mod': 'module example.com/d\n\ngo 1.23\n\ngodebug (\n\tasynctimerchan=1\n\tpanicnil=1\n)\n',
      'go.work': 'go 1.23\n\nuse .\n\ngodebug asynctimerchan=1\n',
      'p.go': 'package d\n',
    });
    expect(goconc(['scan', '--list-modules'], dir).stdout).toBe('.  example.com/d  go 1.23  godebug asynctimerchan=1 panicnil=1\ngo.work  use .  godebug asynctimerchan=1\n');
    const json = JSON.parse(goconc(['scan', '--list-modules', '--json'], dir).stdout);
    expect(json.modules[0].godebug).toEqual({ asynctimerchan: '1', panicnil: '1' });
    expect(json.workspaces[0].godebug).toEqual({ asynctimerchan: '1' });
  });

  it('tags every finding with its module, and --patch-dir writes one patch per module', () => {
    const dir = monorepo(2);
    const json = JSON.parse(goconc(['scan', '--json'], dir).stdout);
    expect(json.findings.map((f: { file: string }) => f.file)).toEqual(['svc/p0/p.go', 'svc/p1/p.go', 'tools/gen/gen.go']);
    const out = join(dir, 'patches');
    const res = goconc(['fix', '--patch-dir', out], dir);
    expect(res.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['example.com_mono.patch', 'example.com_mono_tools.patch']);
    expect(readFileSync(join(out, 'example.com_mono_tools.patch'), 'utf8')).toContain('diff --git a/tools/gen/gen.go b/tools/gen/gen.go');
    expect(readFileSync(join(out, 'example.com_mono.patch'), 'utf8')).not.toContain('tools/gen');
  });

  it('gives identical findings and patch bytes with --jobs 1 and --jobs 2', () => {
    const dir = monorepo(120);
    const j1 = goconc(['scan', '--json', '--jobs', '1'], dir);
    const j2 = goconc(['scan', '--json', '--jobs', '2'], dir);
    expect(findingsOf(j2.stdout)).toEqual(findingsOf(j1.stdout));
    expect(findingsOf(j1.stdout)).toHaveLength(121);
    const p1 = goconc(['fix', '--dry-run', '--jobs', '1'], dir).stdout;
    const p2 = goconc(['fix', '--dry-run', '--jobs', '2'], dir).stdout;
    expect(p2).toBe(p1);
    expect(p1.match(/^diff --git /gm)).toHaveLength(121);
  });

  it('--jobs 2 runs the files on worker threads of the built CLI (a CPU profile per thread)', () => {
    const dir = monorepo(80);
    const profiles = tempDir();
    const res = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, CLI, 'scan', '--json', '--jobs', '2'], { cwd: dir, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(1);
    expect(findingsOf(res.stdout)).toHaveLength(81);
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: the main thread is 0.
    const threads = new Set(readdirSync(profiles).map((f) => f.split('.')[4]));
    expect([...threads].sort()).toEqual(['0', '1', '2']);
  });

  it('--shard k/n partitions the packages exactly: every finding in one shard only', () => {
    const dir = monorepo(40);
    const all = findingsOf(goconc(['scan', '--json'], dir).stdout);
    const shards = [1, 2, 3].map((k) => findingsOf(goconc(['scan', '--json', '--shard', `${k}/3`], dir).stdout));
    expect(shards.every((s) => s.length > 0)).toBe(true);
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(new Set(shards.flat()).size).toBe(all.length);
    // Stable: the same shard twice is the same.
    expect(findingsOf(goconc(['scan', '--json', '--shard', '2/3'], dir).stdout)).toEqual(shards[1]);
  });

  it('--since REV takes only Go files changed since the revision, plus untracked ones', () => {
    const dir = tempDir();
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    writeFileSync(join(dir, 'go.mod'), 'module example.com/s\n\ngo 1.22\n');
    writeFileSync(join(dir, 'old.go'), send('s', 1));
    writeFileSync(join(dir, 'changed.go'), 'package s\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    writeFileSync(join(dir, 'changed.go'), send('s', 2).replace('package s\n', 'package s\n\n// edited\n'));
    writeFileSync(join(dir, 'new.go'), send('s', 3));
    const files = (args: string[]) => JSON.parse(goconc(['scan', '--json', ...args], dir).stdout).findings.map((f: { file: string }) => f.file);
    expect(files([])).toEqual(['changed.go', 'new.go', 'old.go']);
    expect(files(['--since', 'HEAD'])).toEqual(['changed.go', 'new.go']);
    const bad = goconc(['scan', '--since', 'no-such-rev'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--since no-such-rev: fatal: (bad revision|ambiguous argument)/);
  });

  it('says in its summary how many files a text search ruled out, apart from those skipped', () => {
    const dir = tempTree({
      'go.mod': 'module example.com/s\n\ngo 1.22\n',
      'send.go': send('s', 1),
      'plain.go': 'package s\n\nfunc add(a, b int) int { return a + b }\n',
      'gen.go': '// Code generated by hand. DO NOT EDIT.\n\n' + send('s', 2),
    });
    expect(goconc(['scan', '--no-diff'], dir).stdout).toMatch(/^3 Go files \(1 parsed, 1 with none of the patterns\), 1 findings .*, 1 skipped \(1 generated\)/m);
  });

  it('prints no progress bar and no summary with --quiet, or when stderr is not a terminal', () => {
    const dir = monorepo(2);
    const quiet = goconc(['scan', '--quiet', '--no-diff'], dir);
    expect(quiet.stdout).not.toMatch(/Go files \(/);
    expect(quiet.stderr).toBe('');
    expect(goconc(['scan', '--no-diff'], dir).stderr).toBe('');
  });
});
