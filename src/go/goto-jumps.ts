import type Parser from 'tree-sitter';
import type { Edit } from '../engine/types.js';
import { ancestors, enclosingFunction, same, type Node } from './syntax.js';

/**
 * Go refuses a `goto` that jumps forward over a variable declaration into its scope (`goto
 * finally jumps over declaration of sem`). Whether the edits declare something (`:=`, `var`)
 * at a point such a jump passes: after a `goto L` and before the label `L:` in the label's own
 * block. The jump, e.g. `the fix declares a variable that goto finally (line 29) would jump over
 * to its label: Go does not compile that`.
 */
export function jumpedOverBy(edits: readonly Edit[], tree: Parser.Tree): string | undefined {
  for (const e of edits) {
    if (!/:=|\bvar\b/.test(e.text)) continue;
    const at = tree.rootNode.descendantForIndex(e.start);
    const block = blockAt(at);
    const fn = enclosingFunction(at);
    if (!block || !fn) continue;
    const labels = new Set(block.namedChildren.filter((s) => s.type === 'labeled_statement' && s.startIndex >= e.end).map((s) => s.childForFieldName('label')!.text));
    if (labels.size === 0) continue;
    const jump = fn
      .descendantsOfType('goto_statement')
      .find((g) => g.endIndex <= e.start && labels.has(g.namedChild(0)?.text ?? '') && same(enclosingFunction(g), fn));
    if (jump) return `the fix declares a variable that ${jump.text} (line ${jump.startPosition.row + 1}) would jump over to its label: Go does not compile that`;
  }
  return undefined;
}

/** The statement list a declaration placed at `node` would belong to. */
function blockAt(node: Node): Node | undefined {
  for (const a of [node, ...ancestors(node)]) {
    if (a.type === 'statement_list') return a;
    if (a.type === 'block') return a.namedChildren.find((c) => c.type === 'statement_list');
  }
  return undefined;
}
