import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import type { Node } from '../../src/go/syntax.js';

const SOURCE = 'package p\n\n// Grüße, 世界 🎉\nfunc F(ctx int) string { return "héllo" + "🎉" }\n\nfunc G() { F(1) }\n';

function all(root: Node): Node[] {
  const out: Node[] = [];
  const cursor = root.walk();
  for (;;) {
    out.push(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return out;
  }
}

describe('node properties read from the node or kept', () => {
  it('give the offsets, text, type and parent the tree gives, in UTF-16 units', () => {
    const tree = parseGo(SOURCE);
    const nodes = all(tree.rootNode);
    expect(nodes.find((n) => n.type === 'interpreted_string_literal')!.text).toBe('"héllo"');
    expect(nodes.filter((n) => n.type === 'identifier').map((n) => n.text)).toEqual(['F', 'ctx', 'G', 'F']);
    for (const n of nodes) {
      // The cursor's own offsets and the parent's children, asked of the binding afresh.
      expect(n.text).toBe(SOURCE.slice(n.startIndex, n.endIndex));
      if (n.parent) expect(n.parent.children.some((c) => c.id === n.id)).toBe(true);
    }
  });

  it('give one id per node: the same node found twice, different nodes apart', () => {
    const tree = parseGo(SOURCE);
    const calls = tree.rootNode.descendantsOfType('call_expression');
    const again = tree.rootNode.descendantForIndex(calls[0].startIndex, calls[0].endIndex);
    expect(again.id).toBe(calls[0].id);
    const ids = all(tree.rootNode).map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('move with an edit of the tree', () => {
    const tree = parseGo(SOURCE);
    const g = tree.rootNode.descendantsOfType('function_declaration')[1];
    const [start, end] = [g.startIndex, g.endIndex];
    const at = SOURCE.indexOf('func F');
    tree.edit({ startIndex: at, oldEndIndex: at, newEndIndex: at + 3, startPosition: { row: 3, column: 0 }, oldEndPosition: { row: 3, column: 0 }, newEndPosition: { row: 3, column: 3 } });
    expect([g.startIndex, g.endIndex]).toEqual([start + 3, end + 3]);
  });
});
