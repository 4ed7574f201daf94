/** Offsets of the start of each line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based row and column in string units (as the tree-sitter binding counts them) of an offset. */
export function pointAt(starts: number[], offset: number): { row: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - starts[lo] };
}

/** How many line breaks come before `offset`. */
export function lineBreaksBefore(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** `pointAt` for offsets in increasing order, counting the line breaks before them once. */
export function pointsAt(text: string, offsets: number[]): { row: number; column: number }[] {
  let row = 0;
  let lineStart = 0;
  let nl = text.indexOf('\n');
  return offsets.map((offset) => {
    for (; nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      row++;
      lineStart = nl + 1;
    }
    return { row, column: offset - lineStart };
  });
}

/** Offsets → 1-based line and byte column (as Go tools count), for one source text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  /** 1-based line of a JS string offset. */
  line(offset: number): number {
    return pointAt(this.starts, offset).row + 1;
  }

  /** 1-based column in UTF-8 bytes of a JS string offset. */
  column(offset: number): number {
    const start = this.starts[this.line(offset) - 1];
    return Buffer.byteLength(this.text.slice(start, offset), 'utf8') + 1;
  }
}
