import { structuredPatch } from 'diff';

export interface FileChange {
  /** Root-relative path with forward slashes. */
  file: string;
  before: string;
  after: string;
}

/**
 * A git-style unified diff of one file (`diff --git a/… b/…`), which `git apply` and
 * `patch -p1` both accept. Empty when nothing changed.
 */
export function filePatch(change: FileChange, context = 3): string {
  if (change.before === change.after) return '';
  const p = structuredPatch(`a/${change.file}`, `b/${change.file}`, change.before, change.after, '', '', { context });
  // As git does: a name with spaces ends with a tab on the ---/+++ lines, so patch(1) reads it whole.
  const end = change.file.includes(' ') ? '\t' : '';
  const out = [`diff --git a/${change.file} b/${change.file}`, `--- a/${change.file}${end}`, `+++ b/${change.file}${end}`];
  for (const h of p.hunks) {
    out.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`);
    out.push(...h.lines);
  }
  return out.join('\n') + '\n';
}

function range(start: number, lines: number): string {
  // An empty side starts one line earlier in unified diff notation.
  const s = lines === 0 ? Math.max(0, start - 1) : start;
  return lines === 1 ? `${s}` : `${s},${lines}`;
}

/** One patch for a whole run: the files in the order given. */
export function unifiedPatch(changes: FileChange[], context = 3): string {
  return changes.map((c) => filePatch(c, context)).join('');
}
