import type { PackageIndex } from '../../src/go/package-index.js';
import { importName, importSpecs } from '../../src/go/imports.js';
import type { Node } from '../../src/go/syntax.js';
import { notSafeForConcurrentUse } from './unsafe-elements.js';
import { throughOwnMethods } from './own-methods.js';

/** container/list's and container/ring's methods that change the list. */
const CONTAINER_MUTATORS: Record<string, string[]> = {
  'container/list': ['Remove', 'PushBack', 'PushFront', 'PushBackList', 'PushFrontList', 'InsertBefore', 'InsertAfter', 'MoveToFront', 'MoveToBack', 'MoveBefore', 'MoveAfter', 'Init'],
  'container/ring': ['Link', 'Unlink'],
};
/** Methods of the types not safe for concurrent use (`*bufio.Writer`…) that only read. */
const READERS = new Set(['Len', 'Cap', 'Size', 'Available', 'Buffered', 'String', 'Bytes', 'AvailableBuffer']);

/**
 * Where a method of the package changes its receiver's state through its fields rather than by
 * assigning them: a call that changes a container/list field (`s.idle.Remove(e)`,
 * `s.busy.PushFront(c)`), any but a reading call on a field of a type not safe for concurrent use
 * (`s.bw.Write(p)`, `s.bw.Flush()` on a `*bufio.Writer`), `delete(s.m, k)` or `clear(s.m)`, an
 * element or counter written (`s.m[k] = v`, `s.n++`, `s.n += d`). Followed into the receiver's
 * own methods it calls, which take no lock either. As written, up to its paren (`s.idle.Remove()`).
 */
export function mutatesThroughFields(index: PackageIndex, typeName: string, method: Node): string | undefined {
  const fields = index.fieldsOf(typeName);
  return throughOwnMethods(index, typeName, method, ['call_expression', 'assignment_statement', 'inc_statement', 'dec_statement'], (n, recv) => {
    const onRecv = (x: Node | null | undefined) => (x?.type === 'selector_expression' && x.childForFieldName('operand')?.text === recv ? x.childForFieldName('field')!.text : undefined);
    if (n.type !== 'call_expression') {
      const targets = n.type === 'assignment_statement' ? n.childForFieldName('left')!.namedChildren : [n.namedChild(0)!];
      const op = n.type === 'assignment_statement' ? n.childForFieldName('operator')?.text : '++';
      for (const t of targets) {
        const indexed = t.type === 'index_expression' ? t.childForFieldName('operand') : undefined;
        // `s.f = v` is the plain assignment unlockedMethodPlan reads; here its element or an update.
        if (onRecv(indexed) || (op !== '=' && op !== ':=' && onRecv(t))) return n.text.split('\n')[0];
      }
      return undefined;
    }
    const fn = n.childForFieldName('function')!;
    const args = n.childForFieldName('arguments')?.namedChildren ?? [];
    if (fn.type === 'identifier' && (fn.text === 'delete' || fn.text === 'clear') && onRecv(args[0])) return `${fn.text}(${args[0].text}, …)`;
    if (fn.type !== 'selector_expression') return undefined;
    const field = fields.find((f) => !f.embedded && f.name === onRecv(fn.childForFieldName('operand')));
    return field && changesField(field.typeNode, fn.childForFieldName('field')!.text) ? `${fn.text}()` : undefined;
  });
}

/** Whether calling `method` on a field of this type changes it: a container's mutator, or any non-reading method of a type not safe for concurrent use. */
function changesField(type: Node, method: string): boolean {
  if (notSafeForConcurrentUse(type)) return !READERS.has(method);
  const q = type.type === 'pointer_type' ? type.namedChildren[0] : type;
  if (q?.type !== 'qualified_type') return false;
  const pkg = q.childForFieldName('package')!.text;
  const spec = importSpecs(q.tree).find((s) => (s.alias ?? importName(s.path)) === pkg);
  return !!spec && (CONTAINER_MUTATORS[spec.path]?.includes(method) ?? false);
}
