import type { PackageIndex } from '../../src/go/package-index.js';
import { throughOwnMethods } from './own-methods.js';
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
export function writesThroughWriterField(index: PackageIndex, typeName: string, method: Node): { call: string; type: string } | undefined {
  const fields = index.fieldsOf(typeName);
  return throughOwnMethods(index, typeName, method, ['call_expression'], (call, recv) => {
    const fn = call.childForFieldName('function')!;
    if (fn.type !== 'selector_expression') return undefined;
    const operand = fn.childForFieldName('operand')!;
    if (!WRITING.test(fn.childForFieldName('field')!.text) || operand.type !== 'selector_expression' || operand.childForFieldName('operand')?.text !== recv) return undefined;
    const field = fields.find((f) => !f.embedded && f.name === operand.childForFieldName('field')!.text);
    return field && isWriterType(index, field.typeNode) ? { call: `${fn.text}()`, type: field.typeNode.text } : undefined;
  });
}

/** An interface (literal or of the package) or another package's type, as a pointer or not. */
function isWriterType(index: PackageIndex, type: Node): boolean {
  const t = type.type === 'pointer_type' ? type.namedChildren[0] : type;
  if (!t) return false;
  if (t.type === 'interface_type' || t.type === 'qualified_type') return true;
  return t.type === 'type_identifier' && type.type !== 'pointer_type' && index.underlyingKind(t.text) === 'interface';
}
