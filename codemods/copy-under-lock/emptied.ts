import { unparen, type Node } from '../../src/go/syntax.js';

/**
 * A statement among `nodes` (a critical section's statements and what they hold) that empties or
 * drops the collection `target` (`st.pages`) as a whole or by a predicate: `clear(st.pages)`,
 * `maps.DeleteFunc(st.pages, …)`, `slices.DeleteFunc(…)`, or the field given a new, empty value
 * (`st.pages = nil`, `= make(…)`, a literal: `= map[string]Listener{}`). Each removes elements as a delete
 * does: once the method returns (a sign-out of everyone), none is used again. A new value given
 * only when the field is nil (`if st.pages == nil { st.pages = make(…) }`, a lazy init) removes
 * nothing. As written (`clear(st.pages)`).
 */
export function emptiedBy(nodes: Node[], target: string): string | undefined {
  for (const n of nodes) {
    if (n.type === 'call_expression') {
      const fn = n.childForFieldName('function')?.text ?? '';
      const first = n.childForFieldName('arguments')?.namedChildren[0];
      if (/^(clear|maps\.DeleteFunc|slices\.DeleteFunc)$/.test(fn) && first && unparen(first).text === target) return n.text;
    } else if (n.type === 'assignment_statement' && n.childForFieldName('operator')?.text === '=') {
      const left = n.childForFieldName('left')!.namedChildren;
      const right = n.childForFieldName('right')!.namedChildren;
      if (left.length !== 1 || right.length !== 1 || unparen(left[0]).text !== target) continue;
      if (fresh(unparen(right[0])) && !onlyWhenNil(n, target)) return n.text;
    }
  }
  return undefined;
}

/** `nil`, `make(…)`, or a literal (`map[string]T{}`, `[]T{x}`): none of the old elements kept. */
function fresh(value: Node): boolean {
  if (value.type === 'nil' || value.type === 'composite_literal') return true;
  return value.type === 'call_expression' && value.childForFieldName('function')?.text === 'make';
}

/** Inside an `if target == nil` (or `len(target) == 0`): the collection was empty already. */
function onlyWhenNil(at: Node, target: string): boolean {
  for (let child = at, p = at.parent; p; child = p, p = p.parent) {
    if (p.type === 'function_declaration' || p.type === 'method_declaration' || p.type === 'func_literal') return false;
    if (p.type !== 'if_statement' || p.childForFieldName('consequence')?.id !== child.id) continue;
    const cond = p.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '';
    if (cond === `${target}==nil` || cond === `nil==${target}` || cond === `len(${target})==0`) return true;
  }
  return false;
}
