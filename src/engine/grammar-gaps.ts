import type Parser from 'tree-sitter';
import { goParses } from '../go/gofmt.js';
import { LineIndex } from './line-index.js';
import { errorOffsets, parseGo } from './parser.js';
import { keptSegments, parseRanges, segmentStarts } from './partial-parse.js';

/**
 * A file Go reads whose tree-sitter tree has errors: syntax newer than the grammar (tree-sitter-go
 * 0.25 does not read Go 1.26's `new(expr)`). The file is analysed without the top-level
 * declarations holding the errors: they parse alone as they do in the file, so the rest of it is
 * read right.
 */
export interface GrammarGaps {
  /** The tree of the file without those declarations, free of errors. */
  tree: Parser.Tree;
  /** The parts of the file `tree` covers. */
  ranges: Parser.Range[];
  /** First line of each declaration left out. */
  lines: number[];
}

/**
 * When `tree` (of the whole file) has errors only in top-level declarations after the imports,
 * and Go's parser reads the file (gofmt says so), the file parsed without those declarations.
 * Undefined when the file is broken for Go too, when no Go toolchain can tell, or when the errors
 * lie in the package clause or imports: the file is then a syntax error, left alone.
 */
export function aroundGrammarGaps(source: string, tree: Parser.Tree): GrammarGaps | undefined {
  const gaps = withoutErrors(source, tree);
  return gaps && goParses(source) === true ? gaps : undefined;
}

/**
 * A package's other files, read for their declarations: one with errors gives the declarations
 * without them (whether Go reads the file or not, the rest of it declares what it declares).
 */
export function parseDeclarations(source: string): Parser.Tree {
  const tree = parseGo(source);
  return tree.rootNode.hasError ? (withoutErrors(source, tree)?.tree ?? tree) : tree;
}

function withoutErrors(source: string, tree: Parser.Tree): GrammarGaps | undefined {
  const errors = errorOffsets(tree);
  // A missing terminator at the top level shows only as the root's error flag: no place to cut.
  if (errors.length === 0) return undefined;
  const starts = segmentStarts(source);
  // The segments holding an error (errors come in file order; one at the very end holds none).
  const holding = new Set<number>();
  let k = 0;
  for (const at of errors.filter((e) => e < source.length)) {
    while (at >= starts[k + 1]) k++;
    holding.add(k);
  }
  if (holding.size === 0 || holding.has(0)) return undefined;
  const keep = keptSegments(starts, (k) => !holding.has(k));
  const left = [...holding].map((k) => starts[k]);
  const ranges = parseRanges(source, keep);
  const without = parseGo(source, ranges);
  if (without.rootNode.hasError) return undefined;
  const lines = new LineIndex(source);
  return { tree: without, ranges, lines: left.map((s) => lines.line(s)) };
}
