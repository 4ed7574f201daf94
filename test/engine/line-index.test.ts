import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/engine/line-index.js';

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
