/** Offsets → 1-based line and byte column (as Go tools count), for one source text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line of a JS string offset. */
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column in UTF-8 bytes of a JS string offset. */
  column(offset: number): number {
    const start = this.starts[this.line(offset) - 1];
    return Buffer.byteLength(this.text.slice(start, offset), 'utf8') + 1;
  }
}
