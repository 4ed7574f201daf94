import type { PackageIndex } from '../../src/go/package-index.js';
import { receiverOf } from '../../src/go/declarations.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * Visits, in order, the nodes of `types` in a method's body, and at each call on its receiver of
 * another method of the type that takes no lock of its own, that method's nodes in turn (each
 * method once): what an element's method does to its receiver, its own helpers included. The first
 * answer `visit` gives (with the receiver's name as the method declares it), or undefined.
 */
export function throughOwnMethods<T>(index: PackageIndex, typeName: string, method: Node, types: string[], visit: (n: Node, recv: string) => T | undefined, seen = new Set<string>()): T | undefined {
  const recv = receiverOf(method)?.name;
  const body = method.childForFieldName('body');
  const name = method.childForFieldName('name')?.text ?? '';
  if (!recv || !body || seen.has(name)) return undefined;
  seen.add(name);
  for (const n of body.descendantsOfType([...new Set([...types, 'call_expression'])])) {
    const fn = n.type === 'call_expression' ? n.childForFieldName('function') : undefined;
    if (fn?.type === 'selector_expression' && fn.childForFieldName('operand')!.text === recv) {
      const own = index.method(typeName, fn.childForFieldName('field')!.text);
      const inner = own && !/\.(R?Lock|TryLock)\(\)/.test(own.node.text) ? throughOwnMethods(index, typeName, own.node, types, visit, seen) : undefined;
      if (inner !== undefined) return inner;
      continue;
    }
    if (!types.includes(n.type)) continue;
    const found = visit(n, recv);
    if (found !== undefined) return found;
  }
  return undefined;
}
