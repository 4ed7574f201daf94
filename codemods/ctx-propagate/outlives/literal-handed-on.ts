import type { CancellationSource } from '../../../src/go/cancellation.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { waitsAfter } from '../callees/handed-over-channel.js';
import { keptBeyondCall } from './kept-beyond-call.js';

// The empty context put in a field of a composite literal (`j := job{ctx: context.TODO(), payload:
// p}`) whose value the function hands on past the call: sent on a channel of the receiver or the
// package (`w.jobs <- j`), appended to or stored in a field, map entry or package variable. Whoever
// takes the value there (a worker ranging over the queue) runs with that context after the call
// returns: given the function's own (a request's), the queued work would fail once it ends (a
// variant of dd-trace-go's writer, whose uploads all failed "context canceled").

/** The composite literal (or `&` of it) the call is the value of a keyed field of, and that field's name. */
function literalField(call: Node): { value: Node; field: string } | undefined {
  const element = call.parent?.type === 'literal_element' ? call.parent.parent : call.parent;
  if (element?.type !== 'keyed_element') return undefined;
  const last = element.namedChildren.at(-1);
  if (!same(last?.type === 'literal_element' ? last.namedChildren[0] : last, call)) return undefined;
  const lit = element.parent?.type === 'literal_value' ? element.parent.parent : undefined;
  if (lit?.type !== 'composite_literal') return undefined;
  const value = lit.parent?.type === 'unary_expression' && lit.parent.child(0)?.type === '&' ? lit.parent : lit;
  return { value, field: element.namedChildren[0].text };
}

/** How `value` (a literal or a local holding it) is kept past the call by the statement it is in, or undefined. */
function keptBy(value: Node, fn: Node): string | undefined {
  const parent = value.parent;
  if (parent?.type === 'send_statement' && same(parent.childForFieldName('value'), value)) {
    const channel = parent.childForFieldName('channel')!;
    const body = fn.childForFieldName('body');
    return keptBeyondCall(channel) && body && !waitsAfter(fn, body, parent) ? `sent on ${channel.text} (${firstLine(parent.text)})` : undefined;
  }
  // `w.list = append(w.list, v)`.
  const appended = parent?.type === 'argument_list' && parent.parent?.childForFieldName('function')?.text === 'append' && !same(parent.namedChildren[0], value) ? parent.parent : undefined;
  const held = appended ?? value;
  const statement = held.parent?.type === 'expression_list' ? held.parent.parent : undefined;
  if (statement?.type !== 'assignment_statement' || !same(statement.childForFieldName('right'), held.parent)) return undefined;
  const left = statement.childForFieldName('left')!.namedChildren;
  const right = held.parent!.namedChildren;
  const target = left.length === right.length ? left[right.findIndex((r) => same(r, held))] : undefined;
  return target && keptBeyondCall(target) ? `${appended ? 'appended to' : 'stored in'} ${target.text} (${firstLine(statement.text)})` : undefined;
}

/** The local a `v := literal` (or `var v = literal`) statement declares, and the statement. */
function declaredLocal(value: Node): { name: string; statement: Node } | undefined {
  const list = value.parent?.type === 'expression_list' ? value.parent : undefined;
  const statement = list?.parent;
  if (statement?.type !== 'short_var_declaration' && statement?.type !== 'var_spec') return undefined;
  const left = statement.type === 'var_spec' ? statement.namedChildren.filter((n) => n.type === 'identifier') : statement.childForFieldName('left')!.namedChildren;
  const values = list!.namedChildren;
  const name = values.length === left.length ? left[values.findIndex((v) => same(v, value))] : undefined;
  return name?.type === 'identifier' && name.text !== '_' ? { name: name.text, statement } : undefined;
}

/**
 * Why the call, the value of a field of a composite literal the function hands on past the call
 * (sent on a channel it keeps or the package's, appended to or stored in a field, map entry or
 * package variable, at once or through the local it declares), should not become the context in
 * scope: the reason, in full, or undefined. Only for a parameter's or a local's context.
 */
export function literalHandedOn(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' && source.kind !== 'ctx-local') return undefined;
  const lit = literalField(call);
  const fn = lit && enclosingFunction(call);
  if (!lit || !fn) return undefined;
  const shown = `${lit.value.text.startsWith('&') ? '&' : ''}${lit.value.text.replace(/^&/, '').split('{')[0]}{${lit.field}: ${call.text}, …}`;
  let how = keptBy(lit.value, fn);
  const local = how ? undefined : declaredLocal(lit.value);
  if (local) {
    const uses = fn.descendantsOfType('identifier').filter((id) => id.text === local.name && id.startIndex > local.statement.endIndex && same(enclosingFunction(id), fn));
    for (const use of uses) if ((how = keptBy(use, fn))) break;
  }
  if (!how) return undefined;
  const kept = local ? `${local.name} (${firstLine(local.statement.text)})` : shown;
  return `${call.text} is kept in ${kept}, ${how}: whoever takes that value from there uses its ${lit.field} after this call returns, and given ${source.expr}, which may end as the call returns (a request's), that later work would fail at once with "context canceled"`;
}
