import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/engine/apply-edits.js';
import type { Edit } from '../../src/engine/types.js';
import { fixDiff } from '../../src/report/fix-diff.js';
import { filePatch } from '../../src/report/patch.js';
import { random } from '../support/random.js';

const TEXTS = ['', 'x', '\n', 'ctx\n', 'select {\n\tcase <-ctx.Done():\n\t}\n', '\t// é 世界\n', '}\n\n', 'line 3\n'];

describe('fixDiff', () => {
  it('gives the diff of the whole file, though it diffs only the lines around each group of edits', () => {
    const next = random(3);
    const lines = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? '' : `line ${i % 9} é`));
    for (let round = 0; round < 400; round++) {
      const source = lines.slice(0, 5 + Math.floor(next() * 55)).join('\n') + (next() < 0.5 ? '\n' : '');
      const edits: Edit[] = [];
      for (let at = 0; at < source.length && edits.length < 4; ) {
        const start = at + Math.floor(next() * (source.length - at) * 0.6);
        const end = Math.min(source.length, start + (next() < 0.5 ? 0 : Math.floor(next() * 20)));
        edits.push({ start, end, text: TEXTS[Math.floor(next() * TEXTS.length)] });
        at = end + 1;
      }
      const fix = { description: 'd', edits };
      expect(fixDiff('a.go', source, fix), JSON.stringify({ source, edits })).toBe(filePatch({ file: 'a.go', before: source, after: applyEdits(source, edits) }));
    }
  });
});
