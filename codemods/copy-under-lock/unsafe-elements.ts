import type { FileContext } from '../../src/engine/types.js';
import type { FieldDecl } from '../../src/go/declarations.js';
import { importName, importSpecs } from '../../src/go/imports.js';
import type { CriticalSection } from '../../src/go/lock-regions.js';
import { otherSections } from './other-sections.js';
import type { Node } from '../../src/go/syntax.js';
import type { Rewrite } from './rewrites.js';

/**
 * Types documented as not safe for concurrent use, by import path: pointers to these (`*bufio.Writer`),
 * and the hash interfaces as they are. A gorilla websocket takes one writer at a time.
 */
const UNSAFE_POINTED: Record<string, string[]> = {
  bufio: ['Writer', 'Reader', 'ReadWriter'],
  bytes: ['Buffer'],
  strings: ['Builder'],
  'text/tabwriter': ['Writer'],
  'encoding/csv': ['Writer'],
  'encoding/json': ['Encoder', 'Decoder'],
  'encoding/gob': ['Encoder'],
  'compress/gzip': ['Writer'],
  'compress/zlib': ['Writer'],
  'compress/flate': ['Writer'],
  'math/rand': ['Rand'],
  'math/rand/v2': ['Rand'],
  'net/textproto': ['Writer'],
  'github.com/gorilla/websocket': ['Conn'],
};
// Held by value, another package's type is refused before this check (it may hold a map); listed
// so that the reason stays right if that rule ever lets them through.
const UNSAFE_VALUES: Record<string, string[]> = { hash: ['Hash', 'Hash32', 'Hash64'] };

/**
 * A fix that would copy a collection whose elements the loop uses are of a type not safe for
 * concurrent use (`map[int64]*bufio.Writer`, ranged as `w`) becomes a refusal: the lock kept each
 * element's uses apart, not only the collection (Record writes to a user's writer under a.mu), and
 * after unlocking the loop's calls (`w.Flush()`) would run beside them (a miniflux-shaped audit
 * log: records lost or torn, races under -race). Other rewrites are left as they are.
 */
export function unlessUnsafeElements(plan: Rewrite, loop: Node, ranged: FieldDecl, vars: string[], cs: CriticalSection, method: Node, typeName: string, ctx: FileContext): Rewrite {
  if (!plan.ok) return plan;
  const used = usedElement(ranged, vars);
  if (!used) return plan;
  const { type, name: element } = used;
  const other = otherUser(typeName, cs, ranged.name, method, ctx);
  const name = method.childForFieldName('name')?.text ?? 'this method';
  // Under a read lock, only uses under the write lock were kept apart from this loop.
  const lock = cs.read ? `${cs.mutex}'s write lock` : cs.mutex;
  const kept = other ? `${other} uses them under ${lock}` : cs.read ? `any use under ${lock}` : `two ${name} calls, or any other use under ${lock}`;
  const callee = callOn(loop, element) ?? `the loop's use of ${element}`;
  return { ok: false, reason: `the elements are ${type.text}, not safe for concurrent use: the lock also kept their uses apart (${kept}), and after unlocking, ${callee} would run beside them` };
}

/** A range variable that is bound (a map's key or value, a slice's element) of a type not safe for concurrent use, and that type. */
function usedElement(ranged: FieldDecl, vars: string[]): { type: Node; name: string } | undefined {
  const t = ranged.typeNode;
  const slots: [number, Node | null][] = t.type === 'map_type' ? [[1, t.childForFieldName('value')], [0, t.childForFieldName('key')]] : t.type === 'slice_type' ? [[1, t.childForFieldName('element')]] : [];
  for (const [i, type] of slots) {
    if (type && vars[i] && vars[i] !== '_' && notSafeForConcurrentUse(type)) return { type, name: vars[i] };
  }
  return undefined;
}

/** The first call in the loop on the element or given it, up to its paren: `w.Flush()`, `fmt.Fprintf(w, …)`. */
function callOn(loop: Node, element: string): string | undefined {
  for (const c of loop.childForFieldName('body')!.descendantsOfType('call_expression')) {
    const fn = c.childForFieldName('function')!;
    if (fn.type === 'selector_expression' && fn.childForFieldName('operand')!.text === element) return `${fn.text}()`;
    if ((c.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.text === element)) return `${fn.text}(…)`;
  }
  return undefined;
}

/** `*bufio.Writer`, `hash.Hash`…, with the package resolved through the declaring file's imports. */
export function notSafeForConcurrentUse(type: Node): boolean {
  const pointer = type.type === 'pointer_type';
  const q = pointer ? type.namedChildren[0] : type;
  if (q?.type !== 'qualified_type') return false;
  const pkg = q.childForFieldName('package')!.text;
  const name = q.childForFieldName('name')!.text;
  const spec = importSpecs(q.tree).find((s) => (s.alias ?? importName(s.path)) === pkg);
  return !!spec && ((pointer ? UNSAFE_POINTED : UNSAFE_VALUES)[spec.path]?.includes(name) ?? false);
}

/**
 * Another method of the type that reads an element of the field (`a.writers[userID]`) or ranges
 * over it under the same mutex (its write lock, when this loop holds a read lock): a use the lock
 * kept apart from this loop's. Its name.
 */
function otherUser(typeName: string, cs: CriticalSection, field: string, method: Node, ctx: FileContext): string | undefined {
  for (const { name, section, target } of otherSections(typeName, cs, field, method, ctx)) {
    const nodes = section.inside.flatMap((st) => [st, ...st.descendantsOfType(['index_expression', 'range_clause'])]);
    const uses = nodes.some((n) =>
      n.type === 'range_clause'
        ? n.childForFieldName('right')?.text === target && (n.childForFieldName('left')?.namedChildren.length ?? 0) > 0
        : n.type === 'index_expression' && n.childForFieldName('operand')?.text === target && !storedTo(n),
    );
    if (uses) return name;
  }
  return undefined;
}

/** `m[k] = v`: the entry written, not used. */
function storedTo(n: Node): boolean {
  const list = n.parent;
  return list?.type === 'expression_list' && list.parent?.type === 'assignment_statement' && list.parent.childForFieldName('left')?.id === list.id;
}
