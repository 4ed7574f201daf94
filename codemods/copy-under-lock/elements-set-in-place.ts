import type { FileContext } from '../../src/engine/types.js';
import { receiverOf, type FieldDecl } from '../../src/go/declarations.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { callsStandardPackage, NOT_CALLS } from '../../src/go/called-functions.js';
import { unparen, type Node } from '../../src/go/syntax.js';

/** Another method writing elements of the field in place, and how. */
export interface ElementSetter {
  method: string;
  /** The assignment as written (`p.changeListeners[id] = nil`). */
  stmt: string;
  /** The element given nil: a removal that keeps the other elements' places (ids stay stable). */
  cleared: boolean;
}

/**
 * Another method of the type assigning an element of the slice field in place
 * (`p.changeListeners[id] = nil`), or of one of a map's slices (`eb.handlers[t][i] = nil`): a
 * reader that took the slice under the lock and loops over it after the unlock sees that write
 * through the array they share (a listener removed by an earlier one is skipped); over a copy it
 * would not, and could still use an element after the method that removed or replaced it returned
 * (fyne's preferences, a listener called after its RemoveChangeListener: a nil-pointer panic).
 */
export function elementsSetInPlace(typeName: string, field: FieldDecl, ofMapValue: boolean, method: Node, ctx: FileContext): ElementSetter | undefined {
  const name = regexEscaped(field.name);
  const written = new RegExp(`\\.${name}\\s*\\[[^\\]]*\\]${ofMapValue ? '\\s*\\[[^\\]]*\\]' : ''}\\s*([-+*/|&^]?=[^=]|\\+\\+|--)`);
  const self = method.childForFieldName('name')?.text;
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => written.test(text))) {
    if (m.name === self) continue;
    const recv = receiverOf(m.node)?.name;
    if (!recv) continue;
    const target = `${recv}.${field.name}`;
    for (const st of m.node.descendantsOfType(['assignment_statement', 'inc_statement', 'dec_statement'])) {
      const left = st.type === 'assignment_statement' ? st.childForFieldName('left')!.namedChildren : st.namedChildren.slice(0, 1);
      if (!left.some((l) => elementOf(unparen(l), target, ofMapValue))) continue;
      const right = st.type === 'assignment_statement' ? st.childForFieldName('right')!.namedChildren : [];
      const cleared = st.childForFieldName('operator')?.text === '=' && right.length === 1 && unparen(right[0]).type === 'nil';
      return { method: m.name, stmt: st.text, cleared };
    }
  }
  return undefined;
}

/** `target[i]`, or `target[k][i]` for a map's slice. */
function elementOf(n: Node, target: string, ofMapValue: boolean): boolean {
  if (n.type !== 'index_expression') return false;
  const operand = unparen(n.childForFieldName('operand')!);
  if (!ofMapValue) return operand.text === target;
  return operand.type === 'index_expression' && unparen(operand.childForFieldName('operand')!).text === target;
}

/**
 * A range over `name` after the unlock whose body calls out (`l()`, `s.Notify(v)`; not a builtin,
 * a conversion or a standard package's function): a call that may reach the method writing
 * elements in place, in this goroutine, while the loop runs. A loop that only reads (`n += t`)
 * cannot see such a write but by a race, which the copy removes.
 */
export function loopCallsOut(after: Node[], name: string): boolean {
  const loops = after.flatMap((a) => [a, ...a.descendantsOfType('for_statement')]).filter((f) => f.type === 'for_statement' && f.namedChildren.some((c) => c.type === 'range_clause' && unparen(c.childForFieldName('right')!).text === name));
  return loops.some((l) =>
    (l.childForFieldName('body')?.descendantsOfType('call_expression') ?? []).some((c) => {
      const fn = c.childForFieldName('function')!;
      return !(fn.type === 'identifier' && NOT_CALLS.has(fn.text)) && fn.type !== 'parenthesized_expression' && !callsStandardPackage(c);
    }),
  );
}

/** Why a copy of the slice would change what the loop after the unlock does. */
export function elementSetterReason(s: ElementSetter, collection: string, field: FieldDecl): string {
  const element = field.typeNode.type === 'map_type' ? field.typeNode.childForFieldName('value')?.childForFieldName('element') : field.typeNode.childForFieldName('element');
  const callbacks = /\bfunc\b/.test(element?.text ?? '');
  const during = 'during the loop';
  const effect = s.cleared
    ? callbacks
      ? `a copy would still call a listener removed ${during}`
      : `a copy would still use an element removed ${during}`
    : `a copy would still use an element's old value after it was replaced ${during}`;
  return `${s.method} ${s.cleared ? 'clears' : 'writes'} elements of ${collection} in place (${s.stmt}): the loop sees that change through the shared array, and ${effect}`;
}
