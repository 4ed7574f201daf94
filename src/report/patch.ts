import { structuredPatch } from 'diff';
import { lineBreaksBefore } from '../engine/line-index.js';

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
  return [...patchHeader(change.file), ...hunks(change.before, change.after, context)].join('\n') + '\n';
}

/** The lines that name the file a patch changes. */
export function patchHeader(file: string): string[] {
  // As git does: a name with spaces ends with a tab on the ---/+++ lines, so patch(1) reads it whole.
  const end = file.includes(' ') ? '\t' : '';
  return [`diff --git a/${file} b/${file}`, `--- a/${file}${end}`, `+++ b/${file}${end}`];
}

/**
 * The hunks (as lines) of a diff of two texts, or of two parts of a file: whole lines, starting
 * after line `oldLine` of the file before and `newLine` of the file after, with more than
 * `context` unchanged lines around their changes unless they reach the file's ends.
 */
export function hunks(before: string, after: string, context: number, oldLine = 0, newLine = oldLine): string[] {
  const w = changedWindow(before, after, context + 1);
  const out: string[] = [];
  for (const h of structuredPatch('a', 'b', w.before, w.after, '', '', { context }).hunks) {
    out.push(`@@ -${range(h.oldStart + oldLine + w.skipped, h.oldLines)} +${range(h.newStart + newLine + w.skipped, h.newLines)} @@`, ...h.lines);
  }
  return out;
}

/**
 * The part of both texts that differs, widened to whole lines plus `margin` unchanged lines on
 * each side: diffing it gives the same hunks as diffing whole files, far faster on large ones.
 */
function changedWindow(before: string, after: string, margin: number): { before: string; after: string; skipped: number } {
  const max = Math.min(before.length, after.length);
  const start = commonLength(max, (i, n) => before.slice(i, i + n) === after.slice(i, i + n), (i) => before.charCodeAt(i) === after.charCodeAt(i));
  const end = commonLength(
    max - start,
    (i, n) => before.slice(before.length - i - n, before.length - i) === after.slice(after.length - i - n, after.length - i),
    (i) => before.charCodeAt(before.length - 1 - i) === after.charCodeAt(after.length - 1 - i),
  );
  // `margin` whole lines before the first difference and after the last one (in the unchanged suffix).
  const from = linesAbove(before, start, margin);
  const tail = before.length - linesBelow(before, before.length - end, margin);
  const skipped = lineBreaksBefore(before, from);
  return { before: before.slice(from, before.length - tail), after: after.slice(from, after.length - tail), skipped };
}

/** The start of the line `n` lines above the one holding `offset`. */
export function linesAbove(text: string, offset: number, n: number): number {
  let at = text.lastIndexOf('\n', offset - 1) + 1;
  for (let i = 0; i < n && at > 0; i++) at = text.lastIndexOf('\n', at - 2) + 1;
  return at;
}

/** The end (past its line break, or the end of the text) of the line `n` lines below the one holding `offset`. */
export function linesBelow(text: string, offset: number, n: number): number {
  let at = offset;
  for (let i = 0; i <= n; i++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return text.length;
    at = nl + 1;
  }
  return at;
}

/**
 * How many positions from 0 are alike, up to `max`: compared a block at a time (string equality
 * is native and fast), then one character at a time in the first block that differs.
 */
function commonLength(max: number, blockAlike: (at: number, length: number) => boolean, charAlike: (at: number) => boolean): number {
  const BLOCK = 4096;
  let n = 0;
  while (n + BLOCK <= max && blockAlike(n, BLOCK)) n += BLOCK;
  while (n < max && charAlike(n)) n++;
  return n;
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
