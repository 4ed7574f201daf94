import type { CancellationSource } from '../../../src/go/cancellation.js';
import { ancestors, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { returnedResult } from './returned-result.js';
import { chainKept } from './chain-kept.js';

// What a call given the empty context makes that outlives the call: a connection or client the
// function returns or keeps, or a result (a response, a stream) kept in a receiver's field. Given
// the context in scope, it would end with that context rather than live as long as what holds it.

/** Why the call's result outlives it, if it does: the reason, in full. */
export function outlivesCall(given: Node | undefined, callee: string, source: CancellationSource): string | undefined {
  const made = madeToOutlive(given, callee, source);
  if (made) return `${firstLine(given!.text)} makes ${made}: a connection or client lives as long as what holds it, and given ${source.expr} it would end with this call's context`;
  const returned = returnedResult(given, source);
  if (returned) return returned;
  const chained = chainKept(given, source);
  if (chained) return chained;
  const kept = given && source.kind !== 'ctx-field' ? keptInReceiverField(given) : undefined;
  return kept && `${kept.name}, made by ${callee}(…), is kept in a field (${firstLine(kept.assignment.text)}): what it streams is read after this call returns, and given ${source.expr} it would end with it`;
}

/**
 * A constructor or connection (`NewWorkerRPCV0(…)`, `grpc.Dial(…)`) whose results the function
 * returns (`wapi, closer, err := New…(…)` … `return &remoteWorker{wapi, closer}, nil`): what it
 * makes outlives the call. The result returned, e.g. `wapi`.
 */
function madeToOutlive(given: Node | undefined, callee: string, source: CancellationSource): string | undefined {
  const fn = source.fn;
  if (!given || !/(^|\.)([Nn]ew|[Dd]ial|[Cc]onnect|[Oo]pen|[Ss]tart|[Ll]isten)(?![a-z])\w*$/.test(callee)) return undefined;
  const list = given.parent?.type === 'expression_list' ? given.parent.parent : undefined;
  const left = list?.type === 'short_var_declaration' || list?.type === 'assignment_statement' ? list.childForFieldName('left')!.namedChildren : [];
  // Kept in a field at once (`e.client, err = connect(…)`), where the context is not a field
  // living as long as it (`k.ctx`).
  const inField = source.kind !== 'ctx-field';
  const field = inField ? left.find((n) => n.type === 'selector_expression') : undefined;
  if (field) return `what the function keeps in ${field.text}`;
  const names = left.map((n) => n.text).filter((n) => n !== '_' && n !== 'err');
  const returns = fn.descendantsOfType('return_statement').filter((r) => same(enclosingFunction(r), fn));
  // The value itself, or in a literal returned (`return &remoteWorker{wapi, closer}, nil`), not
  // something read from it (`return db.GetRoot(ctx)`: dolt's test helpers).
  const returned = names.find((n) => returns.some((r) => r.descendantsOfType('identifier').some((id) => id.text === n && returnedWhole(id, r))));
  if (returned) return `what the function returns (${returned})`;
  // Or kept in a field after (`client, err := connect(context.Background(), e.opts)`, then
  // `e.client = client`: mongodb_exporter's shared client, cached for the life of the process).
  const kept = fn.descendantsOfType('assignment_statement').find((a) => inField && a.startIndex > given.endIndex && a.childForFieldName('left')?.namedChildren.some((n) => n.type === 'selector_expression') && names.includes(a.childForFieldName('right')?.text ?? ''));
  return kept && `what the function keeps in ${kept.childForFieldName('left')!.text}`;
}

/** Whether a name in a return statement is returned as it is, as an element of a literal returned, or captured by a function literal returned (`return path, func() error { return l.Close() }`). */
function returnedWhole(id: Node, ret: Node): boolean {
  for (let a = id.parent; a && !same(a, ret); a = a.parent) if (a.type === 'func_literal') return true;
  let n = id;
  while (n.parent && !same(n.parent, ret)) {
    const up = n.parent;
    if (!['expression_list', 'literal_element', 'keyed_element', 'literal_value', 'composite_literal', 'unary_expression', 'parenthesized_expression'].includes(up.type)) return false;
    if (up.type === 'keyed_element' && same(up.namedChild(0), n)) return false;
    n = up;
  }
  return true;
}

/**
 * A result of `given` the method keeps in a field of its receiver after the call, itself or made
 * into something that reads it later: `h.conn = conn`, `h.body = res.Body`, or a constructor given
 * either (`h.codec = bufio.NewScanner(res.Body)`, `h.codec, err = h.codecCtor.Create(res.Body, …)`:
 * benthos' streaming http_client input, whose body ReadBatch read after Connect, given a context
 * that ended with connecting). Not a value
 * computed from it (`h.count = len(res.Items)`, `h.items = parse(res)`), read at once.
 */
function keptInReceiverField(given: Node): { name: string; assignment: Node } | undefined {
  const list = given.parent?.type === 'expression_list' ? given.parent.parent : undefined;
  const left = list?.type === 'short_var_declaration' || list?.type === 'assignment_statement' ? list.childForFieldName('left')!.namedChildren : [];
  const names = left.filter((n) => n.type === 'identifier' && n.text !== '_' && !/^(err|\w*Err)$/.test(n.text)).map((n) => n.text);
  const method = ancestors(given).find((a) => a.type === 'method_declaration');
  const receiver = method?.childForFieldName('receiver')?.descendantsOfType('identifier')[0]?.text;
  const fn = enclosingFunction(given);
  if (!receiver || !fn || names.length === 0) return undefined;
  // A field of it kept as it is only when named for a stream (`res.Body`), not data (`res.Total`).
  const from = (e: Node, name: string, made = false): boolean =>
    e.text === name ||
    (e.type === 'selector_expression' && (made || STREAM.test(e.childForFieldName('field')!.text)) && from(e.childForFieldName('operand')!, name, true)) ||
    (e.type === 'unary_expression' && from(e.namedChildren[0], name, made)) ||
    (e.type === 'call_expression' && MAKER.test(e.childForFieldName('function')?.text ?? '') && (e.childForFieldName('arguments')?.namedChildren ?? []).some((a) => from(a, name, true)));
  // Or through locals made from it first (`object.scanner, err = newScanner(objReader)`, then
  // `g.object = object`: benthos' cloud storage input, whose object ReadBatch read on after the
  // call that opened it): each local holding it holds the first name's result.
  const holders = new Map(names.map((n) => [n, n]));
  const statements = [...fn.descendantsOfType('assignment_statement'), ...fn.descendantsOfType('short_var_declaration')].sort((x, y) => x.startIndex - y.startIndex);
  for (const a of statements) {
    if (a.startIndex < given.endIndex || !same(enclosingFunction(a), fn)) continue;
    const left = a.childForFieldName('left')!.namedChildren;
    const held = [...holders.keys()].find((n) => a.childForFieldName('right')!.namedChildren.some((e) => from(e, n) || literalOf(e, n, from)));
    if (!held) continue;
    if (left.some((n) => n.type === 'selector_expression' && n.text.startsWith(`${receiver}.`))) return { name: holders.get(held)!, assignment: a };
    for (const n of left) {
      const local = n.type === 'selector_expression' ? n.childForFieldName('operand') : n;
      if (local?.type === 'identifier' && local.text !== '_' && local.text !== receiver && !/^(err|\w*Err)$/.test(local.text)) holders.set(local.text, holders.get(held)!);
    }
  }
  return undefined;
}

/** A struct literal, or its address, with `name`'s value among its elements (`&pendingObject{scanner: s}`). */
function literalOf(e: Node, name: string, from: (e: Node, name: string) => boolean): boolean {
  const literal = e.type === 'unary_expression' ? e.namedChildren[0] : e;
  const body = literal?.type === 'composite_literal' ? literal.childForFieldName('body') : undefined;
  return !!body?.namedChildren.some((el) => {
    const value = el.type === 'keyed_element' ? el.namedChildren.at(-1) : el;
    const inner = value?.type === 'literal_element' ? value.namedChild(0) : value;
    return !!inner && from(inner, name);
  });
}

/**
 * A constructor, made from what it is given and kept to read it later: `New…`, `Wrap…`, or
 * `Create…`, `Make…`, `Build…` (\`h.codec, err = h.codecCtor.Create(res.Body, …)\`: benthos'
 * http_client input with a codec, streaming the body after Connect returned).
 */
const MAKER = /(^|\.)([Nn]ew|Wrap|Create|Make|Build)\w*$/;

/** A field named for what is read over time: a body, a stream, a connection. */
const STREAM = /^(Body|Stream|Conn|Reader)$/;
