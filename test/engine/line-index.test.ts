import { describe, expect, it } from 'vitest';
import { LineIndex, lineStarts, pointAt, pointsAt } from '../../src/engine/line-index.js';

describe('LineIndex', () => {
  it('gives 1-based lines and byte columns as Go tools count them', () => {
    const text = 'package x\n// héllo 😀 world\n\tch <- v\n';
    const idx = new LineIndex(text);
    const world = text.indexOf('world');
    expect(idx.line(world)).toBe(2);
    // "// h" = 4 bytes, é = 2, "llo " = 4, 😀 = 4, " " = 1 → world starts at byte 15, column 16.
    expect(idx.column(world)).toBe(16);
    expect(idx.line(text.indexOf('ch'))).toBe(3);
    expect(idx.column(text.indexOf('ch'))).toBe(2);
    expect(idx.line(0)).toBe(1);
    expect(idx.column(0)).toBe(1);
  });
});

describe('pointsAt', () => {
  it('gives the points pointAt gives, for increasing offsets (repeated, at line breaks, at the end)', () => {
    const text = 'package x\r\n\n// héllo 😀\n\tch <- v\n\n}';
    const offsets = [0, 0, 9, 10, 11, 12, text.indexOf('😀'), text.indexOf('ch'), text.indexOf('ch'), text.length - 2, text.length - 1, text.length];
    const starts = lineStarts(text);
    expect(pointsAt(text, offsets)).toEqual(offsets.map((o) => pointAt(starts, o)));
    expect(pointsAt(text, [])).toEqual([]);
  });
});
