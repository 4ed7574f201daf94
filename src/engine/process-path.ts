import { dirname } from 'node:path';
import { attachFixDiffs } from '../report/fix-diff.js';
import { moduleFor } from './go-module.js';
import { godebugFor } from './godebug.js';
import type { PackageIndexCache } from './package-cache.js';
import { analyzeSource, fixSource, type AnalyzeOptions } from './process-file.js';
import type { SuppressionScope } from './suppression.js';
import type { Codemod, Finding } from './types.js';

/** One Go file's outcome in a run. Plain data: it crosses from worker threads intact. */
export interface FileResult {
  path: string;
  /** Root-relative path with forward slashes. */
  file: string;
  /** Root-relative directory of the file's module ('' for the root), or undefined outside any module. */
  module?: string;
  /** The module path from its go.mod `module` line. */
  modulePath?: string;
  status: 'ok' | 'skipped' | 'error';
  reason?: string;
  /** What a reader should know of a file processed only in part. */
  note?: string;
  parsed: boolean;
  findings: Finding[];
  internalErrors: string[];
  /**
   * The text read; kept only for files with findings (reports and patches need it, and a write
   * refuses to replace a file whose text is no longer this).
   */
  original?: string;
  mode?: number;
  /** Fix mode: the text with every applied fix; absent when nothing changed. */
  fixed?: string;
  applied: Finding[];
  failed: { finding: Finding; reason: string }[];
}

export interface ProcessOptions {
  root: string;
  codemods: readonly Codemod[];
  codemodOptions?: Record<string, Record<string, unknown>>;
  mode: 'scan' | 'fix';
  goVersion?: string;
  suppressionScope?: SuppressionScope;
  /** Files larger than this are skipped with a message (default 5 MB). */
  maxFileBytes?: number;
  /** Scan: a file offered a fix must parse whole (fix mode always asks for it). */
  wholeFileForFixes?: boolean;
  /** Give each fix its diff (`Fix.diff`) for the report. */
  fixDiffs?: boolean;
}

/** Read, parse, find and (in fix mode) fix one file. Never throws: problems become its status. */
export function processPath(path: string, file: string, opts: ProcessOptions, packages: PackageIndexCache): FileResult {
  const mod = moduleFor(dirname(path));
  const base: FileResult = { path, file, status: 'ok', parsed: false, findings: [], internalErrors: [], applied: [], failed: [] };
  if (mod) {
    base.module = relativeDir(opts.root, mod.dir);
    base.modulePath = mod.path;
  }
  const read = packages.read(path);
  if (!read.ok) return { ...base, status: read.skipped ? 'skipped' : 'error', reason: read.reason };
  const text = read.source.text;
  const analyzeOpts = {
    codemods: opts.codemods,
    codemodOptions: opts.codemodOptions,
    goVersion: opts.goVersion ?? mod?.goVersion,
    godebug: godebugFor(path, text, mod),
    packages,
    suppressionScope: opts.suppressionScope,
    wholeFileForFixes: opts.wholeFileForFixes,
  };
  try {
    return analyzeOrFix(base, read.source, text, opts, analyzeOpts);
  } catch (err) {
    return { ...base, status: 'error', reason: `internal error: ${(err as Error).message}`, internalErrors: [(err as Error).stack ?? String(err)] };
  } finally {
    packages.release(path, text);
  }
}

function analyzeOrFix(base: FileResult, source: { mode: number }, text: string, opts: ProcessOptions, analyzeOpts: AnalyzeOptions): FileResult {
  const { path, file } = base;
  const outcome =
    opts.mode === 'fix'
      ? fixSource(path, file, text, analyzeOpts)
      : { ...analyzeSource(path, file, text, analyzeOpts), fixed: text, applied: [], failed: [] };
  const common = { ...base, mode: source.mode, parsed: outcome.parsed };
  if (outcome.syntaxError) {
    const { line, column } = outcome.syntaxError;
    return { ...common, status: 'error', reason: `syntax error at ${line}:${column}; the file is left alone` };
  }
  const keepText = outcome.findings.length > 0 || outcome.fixed !== text;
  if (opts.fixDiffs) attachFixDiffs(file, text, outcome.findings);
  return {
    ...common,
    ...(outcome.unreadDeclarations ? { note: unreadNote(outcome.unreadDeclarations) } : {}),
    original: keepText ? text : undefined,
    findings: outcome.findings,
    internalErrors: outcome.internalErrors,
    fixed: outcome.fixed !== text ? outcome.fixed : undefined,
    applied: outcome.applied,
    failed: outcome.failed,
  };
}

function unreadNote(lines: number[]): string {
  const where = lines.length === 1 ? `the declaration at line ${lines[0]} uses` : `the declarations at lines ${lines.join(', ')} use`;
  return `${where} Go syntax newer than goconc's grammar (tree-sitter-go); Go reads the file, goconc analysed the rest of it`;
}

function relativeDir(root: string, dir: string): string {
  const rel = dir.startsWith(root) ? dir.slice(root.length).replace(/^[\\/]+/, '') : dir;
  return rel.split('\\').join('/');
}
