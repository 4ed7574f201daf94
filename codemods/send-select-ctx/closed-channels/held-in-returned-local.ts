import { resultsOf } from '../../../src/go/scope.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';

/** Nodes a struct literal's value may pass through on its way up to the list it is assigned from. */
const LITERAL_PARTS = new Set(['literal_element', 'keyed_element', 'literal_value', 'composite_literal', 'unary_expression', 'parenthesized_expression']);

/**
 * A struct literal holding the stream, kept in a local of the maker (declared, `s := &stream{ch:
 * ch}`, in a `var (…)` block, or assigned, `s = &stream{ch: ch}`) that the maker returns (`return
 * s, nil`, or a bare return of a named result): atlas' command output stream, read by Next() until
 * closed, as one returned in the literal itself. The local and what it was given, e.g. `s =
 * &stream{ch: ch}`.
 */
export function heldInReturnedLocal(maker: Node, chan: string): string | undefined {
  for (const element of maker.descendantsOfType('literal_element')) {
    if (element.text !== chan || !same(enclosingFunction(element), maker)) continue;
    if (element.parent?.type === 'keyed_element' && !same(element.parent.childForFieldName('value'), element)) continue;
    let value = element;
    while (value.parent && LITERAL_PARTS.has(value.parent.type)) value = value.parent;
    const list = value.parent;
    if (value.type !== 'composite_literal' && value.type !== 'unary_expression' && value.type !== 'parenthesized_expression') continue;
    if (list?.type !== 'expression_list') continue;
    const local = assignedName(list, value);
    if (local && returnsLocal(maker, local)) return `${local} ${list.parent!.type === 'short_var_declaration' ? ':=' : '='} ${firstLine(value.text)}`;
  }
  return undefined;
}

/** The name a value in an assignment's or declaration's list of values goes to, when it is a plain identifier. */
function assignedName(list: Node, value: Node): string | undefined {
  const stmt = list.parent;
  const index = list.namedChildren.findIndex((c) => same(c, value));
  let names: Node[] = [];
  if (stmt?.type === 'var_spec' && same(stmt.childForFieldName('value'), list)) names = stmt.childrenForFieldName('name');
  else if ((stmt?.type === 'short_var_declaration' || stmt?.type === 'assignment_statement') && same(stmt.childForFieldName('right'), list)) {
    if (stmt.type === 'assignment_statement' && stmt.childForFieldName('operator')?.text !== '=') return undefined;
    names = stmt.childForFieldName('left')?.namedChildren ?? [];
  }
  const name = names.length === list.namedChildren.length ? names[index] : undefined;
  return name?.type === 'identifier' && name.text !== '_' ? name.text : undefined;
}

/** Whether a return of the function itself gives back the local (`return s, nil`), or a bare return a named result of that name. */
function returnsLocal(fn: Node, name: string): boolean {
  const named = resultsOf(fn).some((r) => r.name === name);
  return fn.descendantsOfType('return_statement').some((ret) => {
    if (!same(enclosingFunction(ret), fn)) return false;
    const values = ret.namedChildren.flatMap((c) => (c.type === 'expression_list' ? c.namedChildren : [c]));
    return values.length === 0 ? named : values.some((v) => v.type === 'identifier' && v.text === name);
  });
}
