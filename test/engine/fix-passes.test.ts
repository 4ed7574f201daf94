import { describe, expect, it } from 'vitest';
import { PackageIndexCache } from '../../src/engine/package-cache.js';
import { fixSource, offsetBeforeEdits } from '../../src/engine/process-file.js';
import type { Codemod, RawFinding } from '../../src/engine/types.js';

// `first()` is renamed at once; `second()` can be renamed only when a call of `renamedFirst` is
// in; `never()` is never fixed. `never` and `second` share their message, as findings of one
// codemod often do. `staged` does both renames itself; `renamer` renames `first` alone, so that
// `waiting` (the rest of `staged`) sees its refusal lifted by another codemod's fix.
function stagedCodemod(id: string, renamesFirst: boolean, renamesSecond: boolean): Codemod {
  return {
    id,
    title: 'staged renames',
    docs: '',
    severity: 'warning',
    enabledByDefault: false,
    options: [],
    prefilter: () => true,
    find(ctx) {
      const out: RawFinding[] = [];
      const at = (name: string) => ctx.source.indexOf(`${name}()`, ctx.source.indexOf('func main'));
      const first = at('first');
      if (renamesFirst && first !== -1) out.push({ start: first, end: first + 5, message: 'first name', fix: { description: 'rename first', edits: [{ start: first, end: first + 5, text: 'renamedFirst' }] } });
      if (!renamesSecond) return out;
      const never = at('never');
      out.push({ start: never, end: never + 5, message: 'old name', reason: 'never' });
      const second = at('second');
      if (second === -1) return out;
      out.push(
        ctx.source.includes('\trenamedFirst()')
          ? { start: second, end: second + 6, message: 'old name', fix: { description: 'rename second', edits: [{ start: second, end: second + 6, text: 'renamedSecond' }] } }
          : { start: second, end: second + 6, message: 'old name', reason: 'waits for first' },
      );
      return out;
    },
  };
}

const staged = stagedCodemod('staged', true, true);
const renamer = stagedCodemod('renamer', true, false);
const waiting = stagedCodemod('waiting', false, true);

const SRC = `package main

func never()         {}
func first()         {}
func second()        {}
func renamedFirst()  {}
func renamedSecond() {}

func main() {
	never()
	first()
	second()
}
`;

describe('fixes applied over several passes', () => {
  it("credits a later pass to the finding at the same place, not the first with the same message, once another codemod's fix lifted its refusal", () => {
    const out = fixSource('/virtual/p.go', 'p.go', SRC, { codemods: [renamer, waiting], packages: new PackageIndexCache() });
    expect(out.fixed).toContain('\trenamedFirst()\n\trenamedSecond()\n');
    expect(out.applied.map((f) => f.line)).toEqual([11, 12]);
    expect(out.findings.filter((f) => out.applied.includes(f)).map((f) => f.line)).toEqual([11, 12]);
    const second = out.findings.find((f) => f.line === 12)!;
    expect(second.fix).toBeUndefined();
    expect(second.reason).toBe("fixed once the file's other fixes were in (rename second): see the patch");
    expect(out.failed).toEqual([]);
  });

  it("keeps a refusal that only the same codemod's own fixes would lift: its rewrites hide the code its reason names", () => {
    const out = fixSource('/virtual/p.go', 'p.go', SRC, { codemods: [staged], packages: new PackageIndexCache() });
    expect(out.fixed).toContain('\trenamedFirst()\n\tsecond()\n');
    expect(out.applied.map((f) => f.line)).toEqual([11]);
    expect(out.findings.find((f) => f.line === 12)!.reason).toBe('waits for first');
  });

  it('maps an offset back over the edits that moved it', () => {
    const edits = [
      { start: 2, end: 4, text: 'XYZW' }, // +2
      { start: 10, end: 10, text: '!' }, // +1
    ];
    expect(offsetBeforeEdits(1, edits)).toBe(1);
    expect(offsetBeforeEdits(3, edits)).toBe(2); // inside the first insertion: its start
    expect(offsetBeforeEdits(8, edits)).toBe(6);
    expect(offsetBeforeEdits(12, edits)).toBe(10); // the second insertion
    expect(offsetBeforeEdits(20, edits)).toBe(17);
  });
});
