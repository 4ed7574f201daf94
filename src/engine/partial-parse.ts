import type Parser from 'tree-sitter';
import { pointsAt } from './line-index.js';
import type { Codemod } from './types.js';

/**
 * The parts of a file worth parsing for the active codemods: all of it but the top-level
 * functions (and variables and constants) in which none of their triggers occurs. Large files (tests above all) are mostly
 * functions no codemod looks at, and a parse costs in proportion to the text it covers.
 *
 * A file is cut into segments at each line starting with `func`, `type`, `var` or `const` (gofmt
 * puts every top-level declaration there, and nothing else); a function's or variable's segment
 * is left out when it holds no trigger (a variable may hold a function literal), so the package
 * clause, imports, types and constants (a count of workers) are always parsed. Undefined when the
 * whole file should be parsed: a codemod without triggers, or nothing to leave out. A cut that
 * is not a real boundary (in a raw string) gives a tree with errors, and the caller parses the
 * whole file instead.
 */
export function partialRanges(source: string, active: readonly Codemod[]): Parser.Range[] | undefined {
  if (active.some((c) => !c.triggers)) return undefined;
  const starts = segmentStarts(source);
  if (starts.length < 4) return undefined;
  const hits = triggerOffsets(source, active);
  const tests = active.flatMap((c) => (typeof c.triggers === 'function' ? [c.triggers] : []));
  let h = 0;
  const keep = keptSegments(starts, (k, s, e) => {
    while (h < hits.length && hits[h] < s) h++;
    return k === 0 || source.startsWith('type', s) || source.startsWith('const', s) || (h < hits.length && hits[h] < e) || tests.some((test) => test(source.slice(s, e)));
  });
  const kept = keep.reduce((n, [s, e]) => n + e - s, 0);
  if (kept === source.length) return undefined;
  return parseRanges(source, keep);
}

/**
 * Where the file's top-level segments start: 0 (the package clause and imports), then each line
 * starting a top-level declaration; the file's length last.
 */
export function segmentStarts(source: string): number[] {
  // The package clause comes first, so a declaration never starts the file.
  const starts = [0];
  const cut = new RegExp(DECLARATION_LINE.source, 'g');
  for (let m = cut.exec(source); m; m = cut.exec(source)) starts.push(m.index + 1);
  starts.push(source.length);
  return starts;
}

/** The spans of the segments `wanted` keeps (asked in file order), adjacent ones merged. */
export function keptSegments(starts: number[], wanted: (k: number, start: number, end: number) => boolean): [number, number][] {
  const keep: [number, number][] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    const [s, e] = [starts[k], starts[k + 1]];
    if (!wanted(k, s, e)) continue;
    const last = keep[keep.length - 1];
    if (last && last[1] === s) last[1] = e;
    else keep.push([s, e]);
  }
  return keep;
}

/** Spans of a source as the parser's included ranges. */
export function parseRanges(source: string, spans: [number, number][]): Parser.Range[] {
  const points = pointsAt(source, spans.flat());
  return spans.map(([s, e], i) => ({ startIndex: s, endIndex: e, startPosition: points[2 * i], endPosition: points[2 * i + 1] }));
}

/** The line break before a top-level declaration. */
const DECLARATION_LINE = /\n(?=(?:func|type|var|const)[\s(])/;

function triggerOffsets(source: string, active: readonly Codemod[]): number[] {
  const out: number[] = [];
  for (const c of active) {
    if (!(c.triggers instanceof RegExp)) continue;
    const re = new RegExp(c.triggers.source, c.triggers.flags.replace('g', '') + 'g');
    for (let m = re.exec(source); m; m = re.exec(source)) {
      out.push(m.index);
      if (m[0] === '') re.lastIndex++;
    }
  }
  return out.sort((a, b) => a - b);
}
