import type { Colors } from '../report/colors.js';
import type { Outcome, ReviewSummary } from './review-session.js';

const COLUMNS: Outcome[] = ['applied', 'edited', 'skipped', 'failed', 'unreviewed'];

/** Counts per codemod and per file, as a small table. */
export function reviewSummary(summary: ReviewSummary, c: Colors): string {
  if (summary.records.length === 0) return 'No fixes to review.\n';
  const table = (key: 'codemod' | 'file') => {
    const rows = new Map<string, Record<Outcome, number>>();
    for (const r of summary.records) {
      const row = rows.get(r[key]) ?? { applied: 0, edited: 0, skipped: 0, failed: 0, unreviewed: 0 };
      row[r.outcome]++;
      rows.set(r[key], row);
    }
    const width = Math.max(key.length, ...[...rows.keys()].map((k) => k.length));
    const lines = [`${key.padEnd(width)}  ${COLUMNS.map((o) => o.padStart(11)).join('')}`];
    for (const [name, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`${name.padEnd(width)}  ${COLUMNS.map((o) => String(row[o]).padStart(11)).join('')}`);
    }
    return lines.join('\n');
  };
  const failures = summary.records.filter((r) => r.outcome === 'failed').map((r) => `  ${r.file}:${r.line}: ${r.codemod}: ${r.reason}`);
  return [c.bold('\nSummary'), table('codemod'), '', table('file'), ...(failures.length ? ['', c.yellow('Not applied:'), ...failures] : []), ''].join('\n') + '\n';
}
