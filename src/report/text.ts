import { isAbsolute, relative, resolve } from 'node:path';
import type { RunResult } from '../engine/run.js';
import { colorDiff, type Colors } from './colors.js';
import { fixDiff } from './fix-diff.js';
import { summarize } from './summary.js';

export interface TextOptions {
  colors: Colors;
  /** Print each fix as a diff under its finding. */
  diffs: boolean;
  cwd: string;
}

/** Human-readable findings: `file:line:col: severity codemod: message`, with fixes as diffs. */
export function textFindings(result: RunResult, opts: TextOptions): string {
  const c = opts.colors;
  const out: string[] = [];
  for (const file of result.files) {
    const shown = displayPath(result.root, file.file, opts.cwd);
    for (const f of file.findings) {
      const sev = f.severity === 'error' ? c.red(f.severity) : f.severity === 'warning' ? c.yellow(f.severity) : c.blue(f.severity);
      out.push(`${c.bold(`${shown}:${f.line}:${f.column}`)}: ${sev} ${c.magenta(f.codemod)}: ${f.message}`);
      if (f.fix) {
        out.push(`  ${c.green('fix')}: ${f.fix.description}`);
        for (const alt of f.alternatives ?? []) out.push(`  ${c.dim('alternative')}: ${alt.description}`);
        if (opts.diffs) out.push(indent(colorDiff(fixDiff(file.file, file.original!, f.fix), c)));
      } else {
        out.push(`  ${c.dim('no fix')}: ${f.reason}`);
      }
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/** Problems with files: unreadable, unparsable, internal errors; one line each. */
export function textProblems(result: RunResult, c: Colors, cwd: string): string {
  const out: string[] = [];
  for (const e of result.errors) out.push(`${c.red('error')}: ${isAbsolute(e.path) ? shortPath(e.path, cwd) : e.path}: ${e.reason}`);
  for (const f of result.files) {
    const shown = displayPath(result.root, f.file, cwd);
    if (f.status === 'error') out.push(`${c.red('error')}: ${shown}: ${f.reason}`);
    if (f.note) out.push(`${c.blue('note')}: ${shown}: ${f.note}`);
    for (const ie of f.internalErrors) out.push(`${c.red('internal error')}: ${shown}: ${ie}`);
    for (const x of f.failed) out.push(`${c.yellow('not applied')}: ${shown}:${x.finding.line}: ${x.finding.codemod}: ${x.reason}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/** The closing summary line(s). */
export function textSummary(result: RunResult, mode: 'scan' | 'dry-run' | 'write', c: Colors): string {
  const s = summarize(result);
  // Files neither parsed, skipped nor in error: a text search found none of the patterns in them.
  const spared = result.files.filter((f) => !f.parsed && f.status !== 'skipped' && f.status !== 'error').length;
  const parts = [
    `${s.filesDiscovered} Go files (${s.filesParsed} parsed${spared > 0 ? `, ${spared} with none of the patterns` : ''})`,
    `${s.findings} findings (${s.fixable} with a fix)`,
  ];
  if (mode === 'write') parts.push(`${s.fixesApplied} fixes applied`, `${s.fixesFailed} not applied`);
  if (mode === 'dry-run') parts.push(`${result.files.filter((f) => f.fixed !== undefined).length} files would change`);
  if (s.filesSkipped) parts.push(`${s.filesSkipped} skipped (${skipReasons(result)})`);
  if (s.filesWithErrors) parts.push(c.red(`${s.filesWithErrors} with errors`));
  if (s.filesPartlyAnalysed) parts.push(`${s.filesPartlyAnalysed} partly analysed`);
  const by = Object.entries(s.findingsByCodemod).map(([id, n]) => `${id}: ${n}`).join(', ');
  return `${parts.join(', ')} in ${(s.elapsedMs / 1000).toFixed(2)}s${by ? `\n  ${by}` : ''}\n`;
}

/** Why files were skipped, counted by reason in its short form: `24 generated, 2 ignored by .gitignore`. */
function skipReasons(result: RunResult): string {
  const reasons = [...result.files.filter((f) => f.status === 'skipped').map((f) => f.reason ?? 'skipped'), ...result.skipped.map((s) => s.reason)];
  const counts = new Map<string, number>();
  for (const r of reasons) {
    const short = r.replace(/\s*\(.*\)$/, '').replace(/ file$/, '');
    counts.set(short, (counts.get(short) ?? 0) + 1);
  }
  return [...counts].map(([r, n]) => `${n} ${r}`).join(', ');
}

export function displayPath(root: string, file: string, cwd: string): string {
  return shortPath(resolve(root, file), cwd);
}

/** Relative to cwd when below it, absolute otherwise. */
function shortPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel === '' ? '.' : rel.startsWith('..') ? abs : rel;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
