import type { Edit } from '../engine/types.js';

interface Applied {
  start: number;
  end: number;
  delta: number;
}

/**
 * Edits applied to a file so far, batch by batch, so that a range of the original text can be
 * located in the current text: shifted past earlier edits, or reported gone when an applied
 * edit touched it.
 */
export class EditJournal {
  private readonly batches: Applied[][] = [];

  /** Record one batch of edits, all in the coordinates of the text they were applied to. */
  record(edits: Edit[]): void {
    this.batches.push(edits.map((e) => ({ start: e.start, end: e.end, delta: e.text.length - (e.end - e.start) })));
  }

  /** The range [start, end) of the original text in the current text, or undefined when an edit touched it. */
  mapRange(start: number, end: number): [number, number] | undefined {
    let s = start;
    let e = end;
    for (const batch of this.batches) {
      let shift = 0;
      for (const a of batch) {
        const before = a.start === a.end ? a.start <= s : a.end <= s;
        const after = a.start >= e && !(a.start === a.end && a.start === s && s === e);
        if (before) shift += a.delta;
        else if (!after) return undefined;
      }
      s += shift;
      e += shift;
    }
    return [s, e];
  }

  /** Edits of the original text moved into the current text; undefined if any of them was touched. */
  mapEdits(edits: Edit[]): Edit[] | undefined {
    const out: Edit[] = [];
    for (const e of edits) {
      const r = this.mapRange(e.start, e.end);
      if (!r) return undefined;
      out.push({ start: r[0], end: r[1], text: e.text });
    }
    return out;
  }
}
