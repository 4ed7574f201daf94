import { dirname, relative, sep } from 'node:path';
import { buildAndVet, hasGo } from '../go/go-build.js';
import { moduleFor } from './go-module.js';
import type { FileResult } from './process-path.js';
import { writeAtomically } from './write-file.js';

/** A package touched by fixes: its module, its files, and whether it built before. */
interface Pkg {
  moduleDir: string;
  /** `./internal/x` or `.`, relative to the module directory. */
  arg: string;
  files: FileResult[];
  builtBefore: boolean;
  beforeOutput: string;
}

export interface VerifyPlan {
  packages: Pkg[];
  /** Why verification cannot run at all (no Go toolchain). */
  unavailable?: string;
}

export interface VerifyOutcome {
  /** Packages that built before and not after: their files were restored. */
  rolledBack: { pkg: string; files: string[]; output: string }[];
  /** Packages that did not build before the fixes either: not judged. */
  unverified: { pkg: string; output: string }[];
}

/** Before writing: which packages the fixes touch and whether each builds and vets cleanly now. */
export function planVerification(files: FileResult[]): VerifyPlan {
  if (!hasGo()) return { packages: [], unavailable: 'no Go toolchain found: --verify skipped' };
  const byDir = new Map<string, Pkg>();
  for (const f of files) {
    if (f.fixed === undefined) continue;
    const dir = dirname(f.path);
    const mod = moduleFor(dir);
    if (!mod) continue;
    let pkg = byDir.get(dir);
    if (!pkg) {
      const rel = relative(mod.dir, dir).split(sep).join('/');
      byDir.set(dir, (pkg = { moduleDir: mod.dir, arg: rel ? `./${rel}` : '.', files: [], builtBefore: false, beforeOutput: '' }));
    }
    pkg.files.push(f);
  }
  const packages = [...byDir.values()];
  for (const [moduleDir, pkgs] of groupBy(packages, (p) => p.moduleDir)) {
    const all = buildAndVet(moduleDir, pkgs.map((p) => p.arg));
    for (const p of pkgs) {
      const res = all.ok ? all : buildAndVet(moduleDir, [p.arg]);
      p.builtBefore = res.ok;
      p.beforeOutput = res.output;
    }
  }
  return { packages };
}

/** After writing: a package that built before and fails now gets its files back, byte for byte. */
export function verifyAndRollback(plan: VerifyPlan, root: string): VerifyOutcome {
  const outcome: VerifyOutcome = { rolledBack: [], unverified: [] };
  const judged = plan.packages.filter((p) => p.builtBefore);
  for (const p of plan.packages.filter((x) => !x.builtBefore)) outcome.unverified.push({ pkg: name(p, root), output: p.beforeOutput });
  for (const [moduleDir, pkgs] of groupBy(judged, (p) => p.moduleDir)) {
    const all = buildAndVet(moduleDir, pkgs.map((p) => p.arg));
    if (all.ok) continue;
    for (const p of pkgs) {
      const res = pkgs.length === 1 ? all : buildAndVet(moduleDir, [p.arg]);
      if (res.ok) continue;
      for (const f of p.files) {
        const back = writeAtomically(f.path, f.original!, f.fixed!, f.mode!);
        const why = `rolled back: the package no longer builds or vets cleanly:\n${res.output}`;
        f.failed.push(...f.applied.map((finding) => ({ finding, reason: back.ok ? why : `${why}\n(restoring failed: ${back.reason})` })));
        f.applied = [];
        f.fixed = undefined;
      }
      outcome.rolledBack.push({ pkg: name(p, root), files: p.files.map((f) => f.file), output: res.output });
    }
  }
  return outcome;
}

function name(p: Pkg, root: string): string {
  return relative(root, `${p.moduleDir}/${p.arg}`).split(sep).join('/') || '.';
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}
