import type { CancellationSource } from '../../../src/go/cancellation.js';
import { errorTold } from './outcome-expression.js';
import { contains, enclosingFunction, firstLine, insideLiteral, unparen, type Node } from '../../../src/go/syntax.js';

// A call handing on the outcome of work bound to the context: an argument that is the error of
// an earlier call given the context (`response, err := sp.handler.Handle(ctx, q)`), or of one run
// on something made with it (`runErr := cmd.Wait()` of `exec.CommandContext(ctx, …)`), or a value
// set from that error one or two assignments back (`response = &Resp{Body: err.Error()}`). That
// outcome is often the context's own end (a cancelled query, a timed-out command), and given the
// context the report would fail in just that case: mimir's querier told the frontend of a
// cancelled query with a context kept alive on purpose, or the frontend waited until its timeout.

/** Assignments and declarations with a left side: what each sets, and the value of each name. */
const ASSIGNMENTS = ['short_var_declaration', 'assignment_statement', 'var_spec'];

/** The value a statement sets `name` to, and whether `name` takes the last of several results of one call. */
function valueSet(stmt: Node, name: string): { value: Node; lastResult: boolean } | undefined {
  const left = (stmt.type === 'var_spec' ? stmt.childrenForFieldName('name') : stmt.childForFieldName('left')?.namedChildren ?? []).filter((n) => n.isNamed);
  const right = (stmt.type === 'var_spec' ? stmt.childForFieldName('value')?.namedChildren : stmt.childForFieldName('right')?.namedChildren) ?? [];
  const at = left.findIndex((n) => n.type === 'identifier' && n.text === name);
  if (at < 0 || right.length === 0) return undefined;
  if (right.length === left.length) return { value: right[at], lastResult: left.length === 1 };
  return right.length === 1 ? { value: right[0], lastResult: at === left.length - 1 } : undefined;
}

/** The statements of `fn` (not in literals within it) that set `name` before `use`, a declaration only where `use` is in its scope. */
function settings(fn: Node, name: string, use: Node): { stmt: Node; value: Node; lastResult: boolean }[] {
  const out: { stmt: Node; value: Node; lastResult: boolean }[] = [];
  for (const stmt of fn.descendantsOfType(ASSIGNMENTS)) {
    if (stmt.endIndex > use.startIndex || insideLiteral(stmt, fn.childForFieldName('body') ?? fn)) continue;
    // `if err := f(ctx); err != nil {`: that err is gone after the if.
    const scope = stmt.type === 'var_spec' ? stmt.parent?.parent : stmt.type === 'short_var_declaration' ? stmt.parent : undefined;
    if (scope && !contains(scope, use)) continue;
    const set = valueSet(stmt, name);
    if (set) out.push({ stmt, ...set });
  }
  return out;
}

/** Whether `call` is given the context (`Handle(ctx, q)`), or run on a name set from a call given it (`cmd.Wait()`): how, or undefined. */
function boundTo(call: Node, fn: Node, expr: string): string | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.some((a) => a.text === expr)) return firstLine(call.text);
  const callee = call.childForFieldName('function');
  const recv = callee?.type === 'selector_expression' ? unparen(callee.childForFieldName('operand')!) : undefined;
  if (recv?.type !== 'identifier') return undefined;
  for (const { value } of settings(fn, recv.text, call)) {
    const made = unparen(value);
    if (made.type === 'call_expression' && (made.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.text === expr)) {
      return `${firstLine(call.text)} of ${made.childForFieldName('function')!.text}(${expr}, …)`;
    }
  }
  return undefined;
}

/** For `name`, used at `at`: the ctx-bound call whose error it is or was set from, up to `depth` assignments back. */
function outcomeOf(name: string, at: Node, fn: Node, expr: string, depth: number): { work: string; err: string } | undefined {
  for (const { stmt, value, lastResult } of settings(fn, name, at)) {
    const v = unparen(value);
    const work = v.type === 'call_expression' && lastResult ? boundTo(v, fn, expr) : undefined;
    if (work && /^(err|\w*Err|\w*Error)$/.test(name)) return { work, err: name };
    if (depth === 0) continue;
    const names = new Set(v.descendantsOfType('identifier').map((i) => i.text).filter((n) => n !== name));
    for (const n of names) {
      const found = outcomeOf(n, stmt, fn, expr, depth - 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Why `call` may not be given the context: the call it is handed to reports the outcome of work given that context. */
export function reportsOutcome(call: Node, source: CancellationSource): string | undefined {
  if (!source.isContext || call.parent?.type !== 'argument_list') return undefined;
  const given = call.parent.parent;
  const fn = enclosingFunction(call);
  if (!given || !fn) return undefined;
  for (const arg of call.parent.namedChildren) {
    const a = unparen(arg);
    const told = a.type === 'identifier' ? undefined : errorTold(a);
    if ((a.type !== 'identifier' && !told) || contains(a, call)) continue;
    const found = outcomeOf((told ?? a).text, given, fn, source.expr, 2);
    if (!found) continue;
    const held = told ? `${a.text}, telling of its ${found.err === told.text ? 'error' : `${told.text}, set from its ${found.err}`}` : found.err === a.text ? `${a.text}, its error` : `${a.text}, set from its ${found.err}`;
    return `the call reports the outcome of ${found.work} (${held}): that outcome is often ${source.expr}'s end, and given ${source.expr} the report would fail in just that case`;
  }
  return undefined;
}
