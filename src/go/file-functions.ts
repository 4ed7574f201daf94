import { declarationAt } from './declarations.js';

/** Where a file declares each function (`name`) and method (`.name`), and their texts, found once. */
export class FileFunctions {
  readonly starts = new Map<string, number[]>();
  /** Every function's start, ascending. */
  private readonly ascending: number[] = [];
  private readonly declarations = new Map<number, string | undefined>();

  constructor(readonly text: string) {
    for (const m of text.matchAll(/^func[ \t]*(\([^)]*\))?[ \t]*(\w+)/gm)) {
      const key = `${m[1] ? '.' : ''}${m[2]}`;
      this.starts.set(key, [...(this.starts.get(key) ?? []), m.index!]);
      this.ascending.push(m.index!);
    }
  }

  /** The start of the last function starting at or before `offset`. */
  startBefore(offset: number): number | undefined {
    let [lo, hi] = [0, this.ascending.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ascending[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : this.ascending[lo - 1];
  }

  /** The text of the function starting there (see `declarationAt`). */
  declarationAt(start: number): string | undefined {
    if (!this.declarations.has(start)) this.declarations.set(start, declarationAt(this.text, start));
    return this.declarations.get(start);
  }
}
