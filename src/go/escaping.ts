import { contains, enclosingFunction, same, type Node } from './syntax.js';

// Function literals that outlive the function making them: returned or stored, at once or
// through a local.

/**
 * A function literal that is returned, or stored in a field or a composite literal, or given to a
 * call whose result is (`y.clean = NewThrottle2(time.Minute, func() {…})`), directly or through a
 * local (`sched := newBatchScheduler(func(res) {…})`, then `t.schedulers[id] = sched`), or a
 * local handed to another that is (`resetFunc = disableFunc`, then `return resetFunc, nil`: vitess'
 * super_read_only reset, deferred by the caller): it may run once its maker has returned.
 */
export function escapes(literal: Node, wrapped = false): boolean {
  const up = literal.parent?.type === 'expression_list' ? literal.parent.parent : literal.parent;
  if (up?.type === 'return_statement' || up?.type === 'keyed_element' || up?.type === 'literal_value' || up?.type === 'literal_element') return true;
  if (up?.type === 'argument_list' && up.parent?.type === 'call_expression' && !wrapped) return escapes(up.parent, true);
  if (up?.type !== 'assignment_statement' && up?.type !== 'short_var_declaration') return false;
  const left = up.childForFieldName('left')?.namedChildren ?? [];
  if (left.some((n) => n.type === 'selector_expression' || n.type === 'index_expression')) return true;
  // A local given the value, stored or returned later in the function (not an error a call gives back).
  const fn = left.length === 1 && left[0].type === 'identifier' && !/^err|Err$/.test(left[0].text) ? enclosingFunction(up) : undefined;
  return !!fn && fn.descendantsOfType('identifier').some((id) => id.text === left[0].text && id.startIndex > up.endIndex && same(enclosingFunction(id), fn) && (storedValue(id) || storedThroughLocal(id, fn)));
}

/** An expression handed on where it outlives the statement: returned, put in a composite literal, or assigned to a field or an element. */
function storedValue(expr: Node): boolean {
  const up = expr.parent?.type === 'expression_list' ? expr.parent.parent : expr.parent;
  if (up?.type === 'return_statement' || up?.type === 'keyed_element' || up?.type === 'literal_element') return true;
  return up?.type === 'assignment_statement' && contains(up.childForFieldName('right')!, expr) && (up.childForFieldName('left')?.namedChildren ?? []).some((n) => n.type === 'selector_expression' || n.type === 'index_expression');
}

/** `resetFunc = disableFunc`, then `return resetFunc, nil`: the value handed to a local itself stored or returned later. */
function storedThroughLocal(id: Node, fn: Node): boolean {
  const up = id.parent?.type === 'expression_list' ? id.parent.parent : id.parent;
  const left = up?.type === 'assignment_statement' || up?.type === 'short_var_declaration' ? up.childForFieldName('left')!.namedChildren : [];
  const name = left.length === 1 && left[0].type === 'identifier' && contains(up!.childForFieldName('right')!, id) ? left[0].text : undefined;
  return !!name && fn.descendantsOfType('identifier').some((n) => n.text === name && n.startIndex > up!.endIndex && same(enclosingFunction(n), fn) && storedValue(n));
}
