import { declarationAt } from './declarations.js';

/** Where a file declares each function (`name`) and method (`.name`), and their texts, found once. */
export class FileFunctions {
  readonly starts = new Map<string, number[]>();
  /** Every function's start, ascending. */
  private readonly ascending: number[] = [];
  private readonly declarations = new Map<number, string | undefined>();
  /** Where each name followed by `(` (a call, a declaration, a conversion) starts, and its parenthesis: found on first ask. */
  private parens: Map<string, [number, number][]> | undefined;

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

  /** Each `name (` that no word character precedes: where it starts, and the offset of its `(`. */
  parensAfter(name: string): [number, number][] {
    if (!this.parens) {
      this.parens = new Map();
      // Each `(`, and the word before it across white space: far faster than a regular expression.
      const text = this.text;
      for (let paren = text.indexOf('('); paren !== -1; paren = text.indexOf('(', paren + 1)) {
        let end = paren;
        while (end > 0 && SPACE.has(text.charCodeAt(end - 1))) end--;
        let start = end;
        while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
        if (start === end) continue;
        const word = text.slice(start, end);
        const known = this.parens.get(word);
        if (known) known.push([start, paren]);
        else this.parens.set(word, [[start, paren]]);
      }
    }
    return this.parens.get(name) ?? [];
  }

  /** The text of the function starting there (see `declarationAt`). */
  declarationAt(start: number): string | undefined {
    if (!this.declarations.has(start)) this.declarations.set(start, declarationAt(this.text, start));
    return this.declarations.get(start);
  }
}

/** White space as `\s` has it in Go source (space, tab, line breaks). */
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]);

/** Whether a UTF-16 code is a `\w` character (letters, digits, `_`) or `$`. */
function isWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
}
