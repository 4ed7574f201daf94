import { describe, expect, it } from 'vitest';
import { applyEdits, checkEdits, overlaps } from '../../src/engine/apply-edits.js';

describe('applyEdits', () => {
  it('applies edits in any order by position, insertions included', () => {
    const out = applyEdits('abcdef', [
      { start: 4, end: 6, text: 'XY' },
      { start: 0, end: 1, text: 'A' },
      { start: 2, end: 2, text: '-' },
    ]);
    expect(out).toBe('Ab-cdXY');
  });

  it('rejects overlapping edits instead of merging them', () => {
    expect(() => applyEdits('abcdef', [{ start: 1, end: 4, text: 'x' }, { start: 3, end: 5, text: 'y' }])).toThrow(/overlap/);
    expect(() => checkEdits([{ start: 2, end: 2, text: 'a' }, { start: 2, end: 2, text: 'b' }], 6)).toThrow(/overlap/);
  });

  it('rejects edits outside the text', () => {
    expect(() => applyEdits('abc', [{ start: 2, end: 9, text: '' }])).toThrow(/outside/);
  });

  it('treats touching ranges as separate', () => {
    expect(overlaps({ start: 0, end: 2, text: '' }, { start: 2, end: 4, text: '' })).toBe(false);
    expect(applyEdits('abcd', [{ start: 0, end: 2, text: 'X' }, { start: 2, end: 4, text: 'Y' }])).toBe('XY');
  });

  it('slices non-ASCII text by JS string offsets', () => {
    const src = 'é😀x';
    expect(applyEdits(src, [{ start: 3, end: 4, text: 'y' }])).toBe('é😀y');
  });
});
