import { resultsOf } from '../../src/go/scope.js';
import { same, unparen, type Node } from '../../src/go/syntax.js';

/**
 * An entry of the map replaced, its old value read first and then handed back or acted on
 * (`old = t.subs[name]; t.subs[name] = c; return old`): a removal of the old value, as a delete
 * is, and the caller may close it once the lock is released. Among the statements of a critical
 * section of `fn`, on `target` (`t.subs`). A get-or-create (`v, ok := m[k]; if ok { return v }; m[k]
 * = make(…)`, or the store inside `if !ok { … }`) is no replace: the entry was missing. The two
 * statements as written (`old = t.subs[name]; t.subs[name] = c`).
 */
export function replacedEntry(inside: Node[], target: string, fn: Node): string | undefined {
  for (const st of inside) {
    for (const read of [st, ...st.descendantsOfType(['short_var_declaration', 'assignment_statement'])]) {
      const found = replaceAfter(read, target, fn, inside);
      if (found) return found;
    }
  }
  return undefined;
}

function replaceAfter(read: Node, target: string, fn: Node, inside: Node[]): string | undefined {
  if (read.type !== 'short_var_declaration' && !(read.type === 'assignment_statement' && read.childForFieldName('operator')?.text === '=')) return undefined;
  const left = read.childForFieldName('left')?.namedChildren ?? [];
  const right = read.childForFieldName('right')?.namedChildren ?? [];
  const value = right.length === 1 ? unparen(right[0]) : undefined;
  if (value?.type !== 'index_expression' || value.childForFieldName('operand')?.text !== target || left[0]?.type !== 'identifier' || left[0].text === '_') return undefined;
  const old = left[0].text;
  const key = value.childForFieldName('index')!.text;
  // At the section's top level, only the statements under the lock.
  const siblings = (inside.some((s) => same(s, read)) ? inside : read.parent?.namedChildren ?? []).filter((s) => s.type !== 'comment');
  const from = siblings.findIndex((s) => same(s, read));
  for (let i = from + 1; i < siblings.length; i++) {
    const st = siblings[i];
    // A way out before the store: the store runs only when the entry was missing (get-or-create).
    if (st.type === 'return_statement' || st.descendantsOfType('return_statement').length > 0) return undefined;
    if (assigns(st, old)) return undefined;
    if (!storesAt(st, target, key)) continue;
    const stored = st.childForFieldName('right')!;
    if (named(stored, old)) return undefined; // `m[k] = append(old, v)`: the old value updated
    const later = [...siblings.slice(from + 1, i), ...siblings.slice(i + 1)];
    const handed = later.some((s) => handsOn(s, old)) || resultsOf(fn).some((r) => r.name === old);
    return handed ? `${read.text}; ${st.text}` : undefined;
  }
  return undefined;
}

/** `target[key] = v`, a plain assignment of one value. */
function storesAt(st: Node, target: string, key: string): boolean {
  if (st.type !== 'assignment_statement' || st.childForFieldName('operator')?.text !== '=') return false;
  const left = st.childForFieldName('left')!.namedChildren;
  const l = left.length === 1 ? unparen(left[0]) : undefined;
  return l?.type === 'index_expression' && l.childForFieldName('operand')?.text === target && l.childForFieldName('index')?.text === key;
}

function assigns(st: Node, name: string): boolean {
  return [st, ...st.descendantsOfType(['assignment_statement', 'short_var_declaration'])].some(
    (a) => (a.type === 'assignment_statement' || a.type === 'short_var_declaration') && (a.childForFieldName('left')?.namedChildren ?? []).some((l) => l.text === name),
  );
}

function named(node: Node, name: string): boolean {
  return (node.type === 'identifier' && node.text === name) || node.descendantsOfType('identifier').some((id) => id.text === name);
}

/**
 * The old value returned, or given to a call (`close(old)`, `release(old)`), or its method called
 * (`old.Close()`): not only compared (`if old == nil`).
 */
function handsOn(st: Node, name: string): boolean {
  const nodes = [st, ...st.descendantsOfType(['return_statement', 'call_expression'])];
  return nodes.some((n) => {
    if (n.type === 'return_statement') return (n.namedChild(0)?.namedChildren ?? []).some((e) => unparen(e).text === name) || n.namedChild(0)?.text === name;
    if (n.type !== 'call_expression') return false;
    const fn = n.childForFieldName('function');
    if (fn?.type === 'selector_expression' && fn.childForFieldName('operand')?.text === name) return true;
    return (n.childForFieldName('arguments')?.namedChildren ?? []).some((a) => unparen(a).text === name);
  });
}
