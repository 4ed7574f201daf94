import type { Log } from 'sarif';
import { JSON_SCHEMA_VERSION } from './json.js';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  codemod: string;
}

export interface JsonReport {
  version: number;
  command: string;
  findings: JsonFinding[];
  errors: unknown[];
  /** Absent from reports of goconc before notes were added. */
  notes?: unknown[];
  skipped: unknown[];
  summary: Record<string, unknown>;
}

/** Merge shard reports (`--json`) into one: findings in a stable order, counts added up, wall time the longest. */
export function mergeJsonReports(reports: { path: string; report: JsonReport }[]): JsonReport {
  for (const { path, report } of reports) {
    if (report.version !== JSON_SCHEMA_VERSION) throw new Error(`${path}: report schema version ${report.version}, expected ${JSON_SCHEMA_VERSION}`);
  }
  const findings = reports.flatMap((r) => r.report.findings);
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.codemod.localeCompare(b.codemod)));
  const summary: Record<string, unknown> = {};
  for (const { report } of reports) {
    for (const [k, v] of Object.entries(report.summary)) {
      if (k === 'elapsedMs') summary[k] = Math.max(Number(summary[k] ?? 0), Number(v));
      else if (typeof v === 'number') summary[k] = Number(summary[k] ?? 0) + v;
      else if (v && typeof v === 'object') {
        const into = (summary[k] ??= {}) as Record<string, number>;
        for (const [kk, vv] of Object.entries(v as Record<string, number>)) into[kk] = (into[kk] ?? 0) + vv;
      }
    }
  }
  const byCodemod = summary.findingsByCodemod as Record<string, number> | undefined;
  if (byCodemod) summary.findingsByCodemod = Object.fromEntries(Object.entries(byCodemod).sort());
  return {
    version: JSON_SCHEMA_VERSION,
    command: reports[0]?.report.command ?? 'scan',
    findings,
    errors: reports.flatMap((r) => r.report.errors),
    notes: reports.flatMap((r) => (r.report.notes ?? []) as { file: string }[]).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    skipped: reports.flatMap((r) => r.report.skipped),
    summary,
  };
}

/** Merge shard SARIF logs: one run of goconc holding every result. */
export function mergeSarifLogs(logs: { path: string; log: Log }[]): Log {
  const [first, ...rest] = logs;
  const merged: Log = JSON.parse(JSON.stringify(first.log));
  const run = merged.runs[0];
  for (const { path, log } of rest) {
    const other = log.runs?.[0];
    if (!other || other.tool.driver.name !== run.tool.driver.name) throw new Error(`${path}: not a goconc SARIF log`);
    run.results = [...(run.results ?? []), ...(other.results ?? [])];
  }
  return merged;
}
