import MagicString from 'magic-string';
import type { Edit } from './types.js';

/** Two edits overlap when their ranges share a character, or both insert at the same point. */
export function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Sorted copies of edits; throws on an edit out of range or overlapping another. */
export function checkEdits(edits: Edit[], length: number): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (!(e.start >= 0 && e.start <= e.end && e.end <= length)) {
      throw new Error(`edit [${e.start}, ${e.end}) is outside the file (length ${length})`);
    }
    if (i > 0 && overlaps(sorted[i - 1], e)) {
      throw new Error(`edits [${sorted[i - 1].start}, ${sorted[i - 1].end}) and [${e.start}, ${e.end}) overlap`);
    }
  }
  return sorted;
}

/** Apply non-overlapping edits to source with magic-string. */
export function applyEdits(source: string, edits: Edit[]): string {
  const s = new MagicString(source);
  for (const e of checkEdits(edits, source.length)) {
    if (e.start === e.end) s.appendLeft(e.start, e.text);
    else s.overwrite(e.start, e.end, e.text);
  }
  return s.toString();
}
