import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { discoverGoFiles } from '../engine/discover.js';
import { moduleFor, parseGoMod } from '../engine/go-module.js';
import { parseGoWork } from '../engine/go-work.js';
import { rootRelative } from '../engine/run.js';
import { repoRoot } from './repo-root.js';

/** `godebug k=v …`, or '' when there are no godebug lines. */
const godebugText = (g: Record<string, string>) => (Object.keys(g).length ? `  godebug ${Object.entries(g).map(([k, v]) => `${k}=${v}`).join(' ')}` : '');

/**
 * `--list-modules`: each module under the paths (and the one holding them) with its Go version and
 * godebug lines; then go.work files.
 */
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
    return { dir: rootRelative(root, dir) || '.', module: m.path ?? null, go: m.goVersion ?? null, toolchain: m.toolchain ?? null, godebug: m.godebug };
  });
  const workspaces = d.workspaces.map((w) => {
    const work = parseGoWork(readFileSync(w, 'utf8'), w);
    return { file: rootRelative(root, w), use: work.use, godebug: work.godebug };
  });
  if (json) return JSON.stringify({ modules, workspaces }, null, 2) + '\n';
  const width = Math.max(0, ...modules.map((m) => m.dir.length));
  const lines = modules.map(
    (m) => `${m.dir.padEnd(width)}  ${m.module ?? '(no module line)'}  ${m.go ? `go ${m.go}` : '(no go line: newest rules apply)'}${m.toolchain ? `  toolchain ${m.toolchain}` : ''}${godebugText(m.godebug)}`,
  );
  for (const w of workspaces) lines.push(`${w.file}  use ${w.use.join(' ')}${godebugText(w.godebug)}`);
  return lines.length ? lines.join('\n') + '\n' : 'no Go modules found\n';
}
