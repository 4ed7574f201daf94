import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { discoverGoFiles } from '../engine/discover.js';
import { moduleFor, parseGoMod } from '../engine/go-module.js';
import { rootRelative } from '../engine/run.js';
import { repoRoot } from './repo-root.js';

/** `--list-modules`: each module under the paths (and the one holding them) with its Go version; then go.work files. */
export function listModules(paths: string[], json: boolean): string {
  const cwd = process.cwd();
  const root = repoRoot(cwd);
  const given = paths.length ? paths : ['.'];
  const d = discoverGoFiles(given, { root });
  const dirs = new Set(d.modules);
  for (const p of given) {
    const mod = moduleFor(resolve(p));
    if (mod) dirs.add(mod.dir);
  }
  const modules = [...dirs].sort().map((dir) => {
    const m = parseGoMod(readFileSync(`${dir}/go.mod`, 'utf8'), dir);
    return { dir: rootRelative(root, dir) || '.', module: m.path ?? null, go: m.goVersion ?? null, toolchain: m.toolchain ?? null };
  });
  const workspaces = d.workspaces.map((w) => {
    const text = readFileSync(w, 'utf8').replace(/\/\/[^\n]*/g, '');
    const uses = [...text.matchAll(/^\s*use\s+([^\s(]+)\s*$/gm), ...[...text.matchAll(/use\s*\(([^)]*)\)/g)].flatMap((b) => [...b[1].matchAll(/(\S+)/g)])].map((u) => u[1]);
    return { file: rootRelative(root, w), use: uses };
  });
  if (json) return JSON.stringify({ modules, workspaces }, null, 2) + '\n';
  const width = Math.max(0, ...modules.map((m) => m.dir.length));
  const lines = modules.map((m) => `${m.dir.padEnd(width)}  ${m.module ?? '(no module line)'}  ${m.go ? `go ${m.go}` : '(no go line: newest rules apply)'}${m.toolchain ? `  toolchain ${m.toolchain}` : ''}`);
  for (const w of workspaces) lines.push(`${w.file}  use ${w.use.join(' ')}`);
  return lines.length ? lines.join('\n') + '\n' : 'no Go modules found\n';
}
