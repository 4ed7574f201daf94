import { enclosingFunction, same, type Node } from '../../../src/go/syntax.js';

// A function literal held in a local (`metricTTL := func(tableName string) {…}`, `var announce =
// func() {…}`) that the function declaring it only ever starts as a goroutine (`go metricTTL(t)`):
// its body is a goroutine's as much as `go func(tableName string) {…}(t)` would be.

/** The local a function literal is the whole value of: `name := func…`, `name = func…`, `var name = func…`. */
function localHolding(literal: Node): string | undefined {
  const list = literal.parent;
  if (list?.type !== 'expression_list' || list.namedChildren.length !== 1) return undefined;
  const holder = list.parent;
  if (holder?.type === 'var_spec') {
    const names = holder.namedChildren.filter((n) => n.type === 'identifier');
    return names.length === 1 ? names[0].text : undefined;
  }
  if (holder?.type !== 'short_var_declaration' && holder?.type !== 'assignment_statement') return undefined;
  if (!same(holder.childForFieldName('right'), list)) return undefined;
  const left = holder.childForFieldName('left')?.namedChildren ?? [];
  return left.length === 1 && left[0].type === 'identifier' && left[0].text !== '_' ? left[0].text : undefined;
}

/**
 * The go statements, in the function declaring it, that start the function literal by the local
 * holding it (`go metricTTL(tableName)`), when every later use of that name in the function is such
 * a start: not called in place, not handed on nor given another value (signoz's SetTTLMetrics, whose
 * ALTERs ran on after it had answered). None when it is used otherwise.
 */
export function goStartsOfLocal(literal: Node): { name: string; starts: Node[] } | undefined {
  const name = localHolding(literal);
  const fn = name ? enclosingFunction(literal) : undefined;
  if (!name || !fn) return undefined;
  const uses = fn.descendantsOfType('identifier').filter((id) => id.text === name && id.startIndex > literal.endIndex);
  const starts: Node[] = [];
  for (const id of uses) {
    const call = id.parent;
    const go = call?.type === 'call_expression' && same(call.childForFieldName('function'), id) ? call.parent : undefined;
    if (go?.type !== 'go_statement' || !same(enclosingFunction(go), fn)) return undefined;
    starts.push(go);
  }
  return starts.length > 0 ? { name, starts } : undefined;
}
