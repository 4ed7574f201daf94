import type { PackageIndex } from '../../src/go/package-index.js';
import { receiverOf } from '../../src/go/declarations.js';
import type { Node } from '../../src/go/syntax.js';

/** Methods that write to a writer, encoder or printer (`Write`, `WriteString`, `Printf`, `Encode`, `Flush`). */
const WRITING = /^(Write|Print|Encode|Flush$)/;

/**
 * Where a method of the package (`s.Send(rec)`) calls a writing method on a field of its receiver
 * whose type is an interface (`w io.Writer`, an interface of the package) or another package's
 * type (`s.w.Write(rec)`), taking no lock of its own: the writer behind it may take no lock either
 * (a bytes.Buffer handed in as an io.Writer), and only the collection's lock kept two callers'
 * writes apart on it. Followed into the receiver's own methods it calls, which take no lock
 * either. As written, up to its paren (`s.w.Write()`), with the field's type.
 */
export function writesThroughWriterField(index: PackageIndex, typeName: string, method: Node, seen = new Set<string>()): { call: string; type: string } | undefined {
  const recv = receiverOf(method)?.name;
  const body = method.childForFieldName('body');
  const name = method.childForFieldName('name')?.text ?? '';
  if (!recv || !body || seen.has(name)) return undefined;
  seen.add(name);
  const fields = index.fieldsOf(typeName);
  for (const call of body.descendantsOfType('call_expression')) {
    const fn = call.childForFieldName('function')!;
    if (fn.type !== 'selector_expression') continue;
    const operand = fn.childForFieldName('operand')!;
    const called = fn.childForFieldName('field')!.text;
    if (operand.text === recv) {
      const own = index.method(typeName, called);
      const inner = own && !/\.(R?Lock|TryLock)\(\)/.test(own.node.text) ? writesThroughWriterField(index, typeName, own.node, seen) : undefined;
      if (inner) return inner;
      continue;
    }
    if (!WRITING.test(called) || operand.type !== 'selector_expression' || operand.childForFieldName('operand')?.text !== recv) continue;
    const field = fields.find((f) => !f.embedded && f.name === operand.childForFieldName('field')!.text);
    if (field && isWriterType(index, field.typeNode)) return { call: `${fn.text}()`, type: field.typeNode.text };
  }
  return undefined;
}

/** An interface (literal or of the package) or another package's type, as a pointer or not. */
function isWriterType(index: PackageIndex, type: Node): boolean {
  const t = type.type === 'pointer_type' ? type.namedChildren[0] : type;
  if (!t) return false;
  if (t.type === 'interface_type' || t.type === 'qualified_type') return true;
  return t.type === 'type_identifier' && type.type !== 'pointer_type' && index.underlyingKind(t.text) === 'interface';
}
