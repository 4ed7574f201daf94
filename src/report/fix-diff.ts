import { applyEdits } from '../engine/apply-edits.js';
import { editsOfFix } from '../engine/verify-fixes.js';
import type { FileResult } from '../engine/process-path.js';
import type { Fix } from '../engine/types.js';
import { filePatch } from './patch.js';

/** Diffs (three lines of context) made ahead by `prepareFixDiffs`, by fix. */
const prepared = new WeakMap<Fix, string>();

/** The unified diff one fix alone would make to a file. */
export function fixDiff(file: string, source: string, fix: Fix, context = 3): string {
  const known = context === 3 ? prepared.get(fix) : undefined;
  if (known !== undefined) return known;
  const after = applyEdits(source, editsOfFix(source, fix));
  return filePatch({ file, before: source, after }, context);
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
