import { applyEdits } from '../engine/apply-edits.js';
import { lineBreaksBefore } from '../engine/line-index.js';
import { editsOfFix } from '../engine/verify-fixes.js';
import type { FileResult } from '../engine/process-path.js';
import type { Edit, Fix } from '../engine/types.js';
import { hunks, linesAbove, linesBelow, patchHeader } from './patch.js';

/** Diffs (three lines of context) made ahead by `prepareFixDiffs`, by fix. */
const prepared = new WeakMap<Fix, string>();

/**
 * The unified diff one fix alone would make to a file: each group of its edits diffed over the
 * lines around it only (a fix that adds an import edits the top of the file and a function far
 * below), which gives the whole file's hunks from a fraction of its text.
 */
export function fixDiff(file: string, source: string, fix: Fix, context = 3): string {
  const known = context === 3 ? prepared.get(fix) : undefined;
  if (known !== undefined) return known;
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
 * Make the diffs of these files' fixes now, for a report to show later: called as results come
 * in from worker threads, it uses the main thread's idle time rather than delaying the report.
 */
export function prepareFixDiffs(files: readonly FileResult[]): void {
  for (const file of files) {
    if (file.original === undefined) continue;
    for (const f of file.findings) for (const fix of [...(f.fix ? [f.fix] : []), ...(f.alternatives ?? [])]) prepared.set(fix, fixDiff(file.file, file.original, fix));
  }
}
