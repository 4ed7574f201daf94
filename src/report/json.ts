import { isAbsolute } from 'node:path';
import { rootRelative, type RunResult } from '../engine/run.js';
import type { Finding, Fix } from '../engine/types.js';
import { fixDiff } from './fix-diff.js';
import { summarize } from './summary.js';

/** Version of the JSON report schema; bumped on any incompatible change. */
export const JSON_SCHEMA_VERSION = 1;

interface JsonFix {
  description: string;
  diff: string;
}

/**
 * The `--json` report: every finding (with its fix as a diff and alternative fixes), files that
 * could not be processed, and the summary. Stable order: by file, then position.
 */
export function jsonReport(result: RunResult, command: string): object {
  const shown = (p: string) => (isAbsolute(p) ? rootRelative(result.root, p) : p);
  const sources = new Map(result.files.map((f) => [f.file, f.original ?? '']));
  const fixJson = (f: Finding, fix: Fix): JsonFix => ({ description: fix.description, diff: fixDiff(f.file, sources.get(f.file)!, fix) });
  return {
    version: JSON_SCHEMA_VERSION,
    command,
    findings: result.files.flatMap((file) =>
      file.findings.map((f) => ({
        codemod: f.codemod,
        file: f.file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        severity: f.severity,
        message: f.message,
        fix: f.fix ? fixJson(f, f.fix) : null,
        alternatives: (f.alternatives ?? []).map((a) => fixJson(f, a)),
        reason: f.reason ?? null,
        applied: file.applied.includes(f),
      })),
    ),
    errors: [
      ...result.errors.map((e) => ({ file: shown(e.path), reason: e.reason })),
      ...result.files.filter((f) => f.status === 'error').map((f) => ({ file: f.file, reason: f.reason })),
      ...result.files.flatMap((f) => f.internalErrors.map((reason) => ({ file: f.file, reason: `internal error: ${reason}` }))),
    ],
    notes: result.files.filter((f) => f.note !== undefined).map((f) => ({ file: f.file, note: f.note })),
    skipped: [
      ...result.skipped.map((s) => ({ file: shown(s.path), reason: s.reason })),
      ...result.files.filter((f) => f.status === 'skipped').map((f) => ({ file: f.file, reason: f.reason })),
    ],
    summary: summarize(result),
  };
}
