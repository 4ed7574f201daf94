import Parser from 'tree-sitter';
import Go from 'tree-sitter-go';
import './cached-node-properties.js';

let parser: Parser | undefined;

/** One parser per thread, reused. */
function goParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Go as unknown as Parser.Language);
  }
  return parser;
}

/** The Node binding reads the source in chunks; large files need a larger buffer. */
const bufferSize = (source: string) => Math.max(32 * 1024, source.length * 2 + 1);

/** Parse Go source with tree-sitter-go (only `ranges` of it when given). */
export function parseGo(source: string, ranges?: Parser.Range[]): Parser.Tree {
  return goParser().parse(source, undefined, { bufferSize: bufferSize(source), ...(ranges ? { includedRanges: ranges } : {}) });
}

/**
 * Parse an edited source again, reusing the unchanged parts of `old` (already told of the edits):
 * only `ranges` of it when given, else the whole of it (also when `old` covered only part).
 */
export function reparseGo(source: string, old: Parser.Tree, ranges?: Parser.Range[]): Parser.Tree {
  return goParser().parse(source, old, { bufferSize: bufferSize(source), ...(ranges ? { includedRanges: ranges } : {}) });
}

/**
 * Number of ERROR and MISSING nodes in a tree (at least 1 when it has any error): a fix must
 * never raise it. A missing statement terminator is not among the children the binding lists
 * (`x y` at the top level), so only the root's error flag tells of it.
 */
export function countErrors(tree: Parser.Tree): number {
  if (!tree.rootNode.hasError) return 0;
  return Math.max(1, errorOffsets(tree).length);
}

/** Where each ERROR and MISSING node of a tree starts, in file order. */
export function errorOffsets(tree: Parser.Tree): number[] {
  const out: number[] = [];
  const cursor = tree.walk();
  let done = false;
  while (!done) {
    const n = cursor.currentNode;
    if (n.type === 'ERROR' || n.isMissing) out.push(n.startIndex);
    if (n.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  return out;
}
