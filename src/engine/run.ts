import { relative, sep } from 'node:path';
import { gofmtClean, realignWithGofmt } from '../go/gofmt.js';
import { discoverGoFilesAsync, type Skipped } from './discover.js';
import type { FileResult } from './process-path.js';
import { changedSince, inShard, type Shard } from './select-files.js';
import type { SuppressionScope } from './suppression.js';
import type { Task } from './task.js';
import { TaskQueue, Workers } from './task-runner.js';
import type { Codemod } from './types.js';

export type { FileResult } from './process-path.js';

export interface RunOptions {
  paths: string[];
  /** Repository root: paths in reports and patches are relative to it. */
  root: string;
  codemods: readonly Codemod[];
  codemodOptions?: Record<string, Record<string, unknown>>;
  mode: 'scan' | 'fix';
  includeTestdata?: boolean;
  exclude?: { dir: string; patterns: string[] };
  /** Report `//goconc:ignore` comments that suppress nothing (scan). */
  suppressionScope?: SuppressionScope;
  /** Overrides the go.mod version for every file (tests, --go flag). */
  goVersion?: string;
  /** Worker threads; 1 runs everything in this thread. */
  jobs?: number;
  /** Files larger than this are skipped with a message (default 5 MB). */
  maxFileBytes?: number;
  /** Only Go files changed since this git revision (plus untracked ones). */
  since?: string;
  shard?: Shard;
  onProgress?: (done: number, total: number, findings: number) => void;
  /** Scan: a file offered a fix must parse whole, as in fix mode (the interactive review). */
  wholeFileForFixes?: boolean;
  /** Give each fix its diff (`Fix.diff`), made where its file is processed (a worker thread). */
  fixDiffs?: boolean;
}

export interface RunResult {
  root: string;
  files: FileResult[];
  /** Paths given that could not be read. */
  errors: Skipped[];
  /** Files passed over on purpose (ignored, excluded, symlinks). */
  skipped: Skipped[];
  /** Directories holding a go.mod, and go.work files, found under the paths. */
  modules: string[];
  workspaces: string[];
  /** Set when fixes could not be checked with gofmt (no Go toolchain). */
  gofmtUnavailable?: boolean;
  elapsedMs: number;
}

export function rootRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Discover, read, parse, find and (in fix mode) fix every Go file under the paths. */
export async function run(opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const options = taskOptions(opts);
  const workers = new Workers(opts.jobs ?? 1, opts.codemods, options);
  try {
    return await runWith(workers, options, opts, started);
  } finally {
    await workers.stop();
  }
}

async function runWith(workers: Workers, options: Task['options'], opts: RunOptions, started: number): Promise<RunResult> {
  const changed = opts.since ? changedSince(opts.since, opts.root) : undefined;
  let found = 0;
  let done = 0;
  let findings = 0;
  const queue = new TaskQueue(workers, opts.codemods, (batch) => {
    done += batch.length;
    findings += batch.reduce((n, f) => n + f.findings.length, 0);
    opts.onProgress?.(done, found, findings);
  });
  // Each package goes to the workers as soon as the walk has found it.
  const discovery = await discoverGoFilesAsync(opts.paths, { root: opts.root, includeTestdata: opts.includeTestdata, exclude: opts.exclude }, (pkg) => {
    let files = changed ? pkg.files.filter((f) => changed.has(f)) : pkg.files;
    if (opts.shard) files = inShard(files, opts.root, opts.shard);
    if (files.length === 0) return;
    found += files.length;
    queue.add({ files: files.map((path) => ({ path, file: rootRelative(opts.root, path) })), options });
  });
  const results = await queue.finish();
  const result: RunResult = {
    root: opts.root,
    files: results.flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    errors: discovery.errors,
    skipped: discovery.skipped,
    modules: discovery.modules,
    workspaces: discovery.workspaces,
    elapsedMs: 0,
  };
  if (opts.mode === 'fix') result.gofmtUnavailable = !checkFormatting(result.files);
  result.elapsedMs = performance.now() - started;
  return result;
}

function taskOptions(opts: RunOptions): Task['options'] {
  return {
    root: opts.root,
    codemodIds: opts.codemods.map((c) => c.id),
    codemodOptions: opts.codemodOptions,
    mode: opts.mode,
    goVersion: opts.goVersion,
    suppressionScope: opts.suppressionScope,
    maxFileBytes: opts.maxFileBytes,
    wholeFileForFixes: opts.wholeFileForFixes,
    fixDiffs: opts.fixDiffs,
  };
}

/**
 * Fixed files must stay gofmt-clean: a file that was clean and would not be after its fixes gets
 * none of them. Returns false when gofmt is not available.
 */
function checkFormatting(files: FileResult[]): boolean {
  const changed = files.filter((f) => f.fixed !== undefined);
  const verdicts = gofmtClean(changed.flatMap((f) => [f.original!, f.fixed!]));
  if (!verdicts) return false;
  changed.forEach((f, i) => {
    const [wasClean, isClean] = [verdicts[2 * i], verdicts[2 * i + 1]];
    if (wasClean && !isClean) {
      const realigned = realignWithGofmt(f.fixed!);
      if (realigned !== undefined) {
        f.fixed = realigned;
        return;
      }
      f.internalErrors.push(`fixes in ${f.file} would leave it not gofmt-clean; none applied`);
      f.failed.push(...f.applied.map((finding) => ({ finding, reason: 'the fixed file would not be gofmt-clean' })));
      f.applied = [];
      f.fixed = undefined;
    }
  });
  return true;
}
