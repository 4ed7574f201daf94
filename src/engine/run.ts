import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { dirname, relative, sep } from 'node:path';
import { gofmtClean } from '../go/gofmt.js';
import { discoverGoFiles, type Skipped } from './discover.js';
import { moduleFor } from './go-module.js';
import { PackageIndexCache } from './package-cache.js';
import { analyzeSource, fixSource } from './process-file.js';
import { readGoSource } from './read-source.js';
import type { SuppressionScope } from './suppression.js';
import type { Codemod, Finding } from './types.js';

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
  onFile?: (done: number, total: number) => void;
}

export interface FileResult {
  path: string;
  /** Root-relative path with forward slashes. */
  file: string;
  status: 'ok' | 'skipped' | 'error';
  reason?: string;
  parsed: boolean;
  findings: Finding[];
  internalErrors: string[];
  original?: string;
  hash?: string;
  mode?: number;
  /** Fix mode: the text with every applied fix; absent when nothing changed. */
  fixed?: string;
  applied: Finding[];
  failed: { finding: Finding; reason: string }[];
}

export interface RunResult {
  root: string;
  files: FileResult[];
  /** Paths given that could not be read, files passed over on purpose. */
  errors: Skipped[];
  skipped: Skipped[];
  /** Set when fixes could not be checked with gofmt (no Go toolchain). */
  gofmtUnavailable?: boolean;
  elapsedMs: number;
}

const YIELD_EVERY = 32;

export function rootRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Discover, read, parse, find and (in fix mode) fix every Go file under the paths. */
export async function run(opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const discovery = discoverGoFiles(opts.paths, { root: opts.root, includeTestdata: opts.includeTestdata, exclude: opts.exclude });
  const packages = new PackageIndexCache();
  const files: FileResult[] = [];
  for (const [i, path] of discovery.files.entries()) {
    files.push(processFile(path, opts, packages));
    opts.onFile?.(i + 1, discovery.files.length);
    // Native trees are freed only when the event loop turns.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
  }
  const result: RunResult = {
    root: opts.root,
    files,
    errors: discovery.errors,
    skipped: discovery.skipped,
    elapsedMs: 0,
  };
  if (opts.mode === 'fix') result.gofmtUnavailable = !checkFormatting(files);
  result.elapsedMs = performance.now() - started;
  return result;
}

function processFile(path: string, opts: RunOptions, packages: PackageIndexCache): FileResult {
  const file = rootRelative(opts.root, path);
  const base = { path, file, parsed: false, findings: [], internalErrors: [], applied: [], failed: [] };
  const read = readGoSource(path);
  if (!read.ok) return { ...base, status: read.skipped ? 'skipped' : 'error', reason: read.reason };
  const text = read.source.text;
  const analyzeOpts = {
    codemods: opts.codemods,
    codemodOptions: opts.codemodOptions,
    goVersion: opts.goVersion ?? moduleFor(dirname(path))?.goVersion,
    packages,
    suppressionScope: opts.suppressionScope,
  };
  const outcome = opts.mode === 'fix' ? fixSource(path, file, text, analyzeOpts) : { ...analyzeSource(path, file, text, analyzeOpts), fixed: text, applied: [], failed: [] };
  const common = { ...base, original: text, hash: read.source.hash, mode: read.source.mode, parsed: outcome.parsed };
  if (outcome.syntaxError) {
    const { line, column } = outcome.syntaxError;
    return { ...common, status: 'error', reason: `syntax error at ${line}:${column}; the file is left alone` };
  }
  return {
    ...common,
    status: 'ok',
    findings: outcome.findings,
    internalErrors: outcome.internalErrors,
    fixed: outcome.fixed !== text ? outcome.fixed : undefined,
    applied: outcome.applied,
    failed: outcome.failed,
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
      f.internalErrors.push(`fixes in ${f.file} would leave it not gofmt-clean; none applied`);
      f.failed.push(...f.applied.map((finding) => ({ finding, reason: 'the fixed file would not be gofmt-clean' })));
      f.applied = [];
      f.fixed = undefined;
    }
  });
  return true;
}
