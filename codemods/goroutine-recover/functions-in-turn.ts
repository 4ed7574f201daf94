import { constructedTypeName, declarationOf, declaredTypeName, selectedField, writtenType } from '../../src/go/scope.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { ancestors, contains, firstLine, type Node } from '../../src/go/syntax.js';

// A goroutine running a list of function values in turn (`for i := range onhups { onhups[i](p)
// }`: netpoll's hang-up handlers, one per connection, each closing its descriptor and taking it off
// the server's map). Their code is out of sight at the call, and it is not the goroutine's own
// work: a panic in one, recovered, skips every one after it, leaving the process up with other
// parties' connections never closed where it used to crash.

/** A list or map of functions, as a type is written (`[]func(p *Poll) error`, `map[string]func()`), or made (`make([]func(), 0, n)`). */
const FUNCTION_LIST = /^(make\(\s*)?(\[\]|map\[[^\]]*\])\s*func\b/;

/** The type of field `field` of what variable `owner` holds, at `at`, as written in the package. */
function fieldType(owner: string, field: string, at: Node, index: PackageIndex): string | undefined {
  const type = declaredTypeName(owner, at) ?? constructedTypeName(owner, at, index);
  return type ? index.fieldsOf(type).find((f) => f.name === field)?.typeNode.text : undefined;
}

/** Whether an expression naming a list (`hooks`, `c.closeCallbacks`) names one of functions. */
function isFunctionList(list: Node, index: PackageIndex): boolean {
  const type = list.type === 'identifier' ? writtenType(list.text, list) : list.type === 'selector_expression' ? selectedField(list, index)?.typeNode.text : undefined;
  return FUNCTION_LIST.test(type ?? '');
}

/**
 * The list whose element a call runs, as written: `hooks` for `hooks[i](…)`, or for `h(…)` in
 * `for _, h := range hooks` (a loop of the goroutine's `body`). tree-sitter reads `hooks[i](p)` as the conversion of a generic type
 * (`T[int](x)`), so that shape is taken where its "type" is a variable of the function.
 */
function listCalledFrom(node: Node, body: Node, index: PackageIndex): string | undefined {
  if (node.type === 'type_conversion_expression') {
    const generic = node.childForFieldName('type');
    const base = generic?.type === 'generic_type' ? generic.childForFieldName('type') : undefined;
    if (base?.type === 'type_identifier') return FUNCTION_LIST.test(writtenType(base.text, node) ?? '') ? base.text : undefined;
    const owner = base?.type === 'qualified_type' ? base.childForFieldName('package')?.text : undefined;
    const field = base?.childForFieldName('name')?.text;
    return owner && field && FUNCTION_LIST.test(fieldType(owner, field, node, index) ?? '') ? base!.text : undefined;
  }
  const fn = node.childForFieldName('function');
  if (fn?.type === 'index_expression') {
    const list = fn.childForFieldName('operand');
    return list && isFunctionList(list, index) ? list.text : undefined;
  }
  const found = fn?.type === 'identifier' ? declarationOf(fn.text, fn) : undefined;
  if (!found || !('local' in found) || found.local.decl.type !== 'range_clause') return undefined;
  // The value, not the key: the second name a range over a list declares.
  const names = found.local.decl.childForFieldName('left')?.namedChildren ?? [];
  const list = found.local.decl.childForFieldName('right');
  // A range of the goroutine's own: one started per hook (`for _, h := range hooks { go … h() }`) calls one.
  if (!contains(body, found.local.decl)) return undefined;
  return names[1]?.text === fn!.text && list && isFunctionList(list, index) ? list.text : undefined;
}

/** Why a goroutine whose body calls a list of function values in turn, outside a defer, must not be recovered, if so. */
export function functionsInTurnReason(body: Node, index: PackageIndex): string | undefined {
  for (const call of body.descendantsOfType(['call_expression', 'type_conversion_expression'])) {
    if (ancestors(call).some((a) => (a.type === 'defer_statement' || a.type === 'go_statement' || a.type === 'func_literal') && contains(body, a))) continue;
    const list = (ancestors(call).some((a) => a.type === 'for_statement' && contains(body, a)) || undefined) && listCalledFrom(call, body, index);
    if (list) return `the goroutine calls ${firstLine(call.text)}, each of a list of function values (${list}) whose code it does not show, in turn: after a recovered panic in one, every one after it would be skipped (other connections' or requests' hooks, their closing never run) where the process used to crash`;
  }
  return undefined;
}
