import type { PackageIndex } from '../../src/go/package-index.js';
import { baseTypeName } from '../../src/go/declarations.js';
import { inGoroutine, inSelectWithDefault, type Node } from '../../src/go/syntax.js';

/**
 * What a method of this package does when called, from its body: whether it may block (sends
 * outside a select with a default, receives, Lock, Wait, Sleep, calls of the blocking list) —
 * or undefined when the method is not declared here. A Close that only closes a channel inside
 * a sync.Once is not blocking, nor is what a goroutine the method starts does.
 */
export function methodMayBlock(index: PackageIndex, typeName: string, method: string, methods: string[], seen = new Set<string>()): boolean | undefined {
  const decl = index.method(typeName, method);
  const body = decl?.node.childForFieldName('body');
  if (!body) return undefined;
  const key = `${typeName}.${method}`;
  if (seen.has(key)) return false;
  seen.add(key);
  for (const n of body.descendantsOfType(['send_statement', 'unary_expression', 'call_expression'])) {
    // Work a goroutine started here does (`go c.Close(ctx)`) waits there, not in the caller.
    if (inGoroutine(n, body)) continue;
    if (n.type === 'send_statement') {
      if (!inSelectWithDefault(n)) return true;
    } else if (n.type === 'unary_expression') {
      if (n.childForFieldName('operator')?.text === '<-' && !inSelectWithDefault(n)) return true;
    } else {
      const fn = n.childForFieldName('function')!;
      const name = fn.type === 'selector_expression' ? fn.childForFieldName('field')!.text : fn.text;
      if (name === 'Do' && /once/i.test(fn.text)) continue; // sync.Once: runs its function once
      if (['Lock', 'RLock', 'Wait', 'Sleep'].includes(name)) return true;
      if (fn.type === 'selector_expression' && (methods.includes(name) || /^(Send|Write)[A-Z]/.test(name))) {
        // A call on the receiver's own method: follow it; anything else counts by its name.
        const operand = fn.childForFieldName('operand')!.text;
        const recvName = decl!.node.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('name')?.text;
        if (operand === recvName) {
          if (methodMayBlock(index, typeName, name, methods, seen) !== false) return true;
          continue;
        }
        if (name !== 'Do') return true;
      }
    }
  }
  return false;
}

/** The named type of a range variable over a map or slice field (`map[*Client]bool` → Client for the key). */
export function elementType(fieldType: Node, position: 'key' | 'value'): string | undefined {
  if (fieldType.type === 'map_type') {
    const t = fieldType.childForFieldName(position === 'key' ? 'key' : 'value');
    return t ? baseTypeName(t.text) : undefined;
  }
  if (fieldType.type === 'slice_type' && position === 'value') {
    const t = fieldType.childForFieldName('element');
    return t ? baseTypeName(t.text) : undefined;
  }
  return undefined;
}
