import { applyEdits } from '../engine/apply-edits.js';
import { lineBreaksBefore } from '../engine/line-index.js';
import { editsOfFix } from '../engine/verify-fixes.js';
import type { Edit, Finding, Fix } from '../engine/types.js';
import { hunks, linesAbove, linesBelow, patchHeader } from './patch.js';

/**
 * The unified diff one fix alone would make to a file: each group of its edits diffed over the
 * lines around it only (a fix that adds an import edits the top of the file and a function far
 * below), which gives the whole file's hunks from a fraction of its text.
 */
export function fixDiff(file: string, source: string, fix: Fix, context = 3): string {
  if (context === 3 && fix.diff !== undefined) return fix.diff;
  const out: string[] = [];
  let added = 0;
  for (const { from, to, edits } of editGroups(source, editsOfFix(source, fix), context + 1)) {
    const before = source.slice(from, to);
    const after = applyEdits(before, edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from })));
    const line = lineBreaksBefore(source, from);
    out.push(...hunks(before, after, context, line, line + added));
    added += lineBreaksBefore(after, after.length) - lineBreaksBefore(before, before.length);
  }
  return out.length === 0 ? '' : [...patchHeader(file), ...out].join('\n') + '\n';
}

/**
 * Edits grouped with the whole lines around them, `margin` more on each side: groups that would
 * touch are one, so the changes of two groups are always more than two margins apart.
 */
function editGroups(source: string, edits: Edit[], margin: number): { from: number; to: number; edits: Edit[] }[] {
  const groups: { from: number; to: number; edits: Edit[] }[] = [];
  for (const e of edits) {
    const from = linesAbove(source, e.start, margin);
    const to = linesBelow(source, e.end, margin);
    const last = groups[groups.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.edits.push(e);
    } else groups.push({ from, to, edits: [e] });
  }
  return groups;
}

/**
 * Give each fix of these findings its diff (`Fix.diff`), for a report to show later: done where
 * the file was processed, a worker thread in a parallel run, rather than in the main thread.
 */
export function attachFixDiffs(file: string, source: string, findings: readonly Finding[]): void {
  for (const f of findings) for (const fix of [...(f.fix ? [f.fix] : []), ...(f.alternatives ?? [])]) fix.diff = fixDiff(file, source, fix);
}
