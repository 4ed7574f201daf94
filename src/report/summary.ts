import type { RunResult } from '../engine/run.js';

export interface Summary {
  filesDiscovered: number;
  filesParsed: number;
  filesSkipped: number;
  filesWithErrors: number;
  /** Files analysed without some declarations (syntax newer than goconc's grammar). */
  filesPartlyAnalysed: number;
  findings: number;
  fixable: number;
  findingsByCodemod: Record<string, number>;
  fixesApplied: number;
  fixesFailed: number;
  internalErrors: number;
  elapsedMs: number;
}

export function summarize(result: RunResult): Summary {
  const byCodemod: Record<string, number> = {};
  let findings = 0;
  let fixable = 0;
  for (const f of result.files.flatMap((r) => r.findings)) {
    findings++;
    if (f.fix) fixable++;
    byCodemod[f.codemod] = (byCodemod[f.codemod] ?? 0) + 1;
  }
  return {
    filesDiscovered: result.files.length,
    filesParsed: result.files.filter((f) => f.parsed).length,
    filesSkipped: result.files.filter((f) => f.status === 'skipped').length + result.skipped.length,
    filesWithErrors: result.files.filter((f) => f.status === 'error').length + result.errors.length,
    filesPartlyAnalysed: result.files.filter((f) => f.note !== undefined).length,
    findings,
    fixable,
    findingsByCodemod: Object.fromEntries(Object.entries(byCodemod).sort()),
    fixesApplied: result.files.reduce((n, f) => n + f.applied.length, 0),
    fixesFailed: result.files.reduce((n, f) => n + f.failed.length, 0),
    internalErrors: result.files.reduce((n, f) => n + f.internalErrors.length, 0),
    elapsedMs: Math.round(result.elapsedMs),
  };
}
