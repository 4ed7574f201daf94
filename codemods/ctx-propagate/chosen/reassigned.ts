import { ancestors, enclosingFunction, FUNCTION_TYPES, same, type Node } from '../../../src/go/syntax.js';

// Statements that give the context in scope a new value: a call there is building that value.

/**
 * Whether the statement the call is part of assigns `name` again with `=`
 * (`ctx, cancel = context.WithCancel(context.Background())`); a `:=` in a block of its own
 * declares a new variable, and the call still sees the one around it.
 */
export function reassigns(call: Node, name: string): boolean {
  for (const a of ancestors(call)) {
    const left = a.type === 'assignment_statement' || a.type === 'short_var_declaration' ? (a.childForFieldName('left')?.namedChildren ?? []) : [];
    if (a.type === 'assignment_statement' && left.some((n) => sameContext(n.text, name))) return true;
    // `ctx, cancel := context.WithCancel(context.TODO())`, then `r.ctx = ctx`: it replaces it.
    if (left.length > 0) return assignedLater(a, left.map((n) => n.text), name);
    if (a.type.endsWith('_statement') || FUNCTION_TYPES.has(a.type)) return false;
  }
  return false;
}

/** The same context, or the same field reached through an embedded one (`s.Common.Context` for `s.Context`). */
function sameContext(assigned: string, name: string): boolean {
  if (assigned === name) return true;
  const [a, b] = [assigned.split('.'), name.split('.')];
  return a.length > 2 && b.length === 2 && a[0] === b[0] && a[a.length - 1] === b[1];
}

/** Whether, after `stmt`, the function assigns one of `locals` to `name` (`r.ctx = ctx`). */
function assignedLater(stmt: Node, locals: string[], name: string): boolean {
  const fn = enclosingFunction(stmt);
  return !!fn && fn.descendantsOfType('assignment_statement').some((s) => {
    if (s.startIndex < stmt.endIndex || !same(enclosingFunction(s), fn)) return false;
    const [left, right] = [s.childForFieldName('left')?.namedChildren ?? [], s.childForFieldName('right')?.namedChildren ?? []];
    return left.some((l, i) => sameContext(l.text, name) && locals.includes(right[i]?.text ?? ''));
  });
}
