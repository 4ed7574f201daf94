import type { CancellationSource } from '../../../src/go/cancellation.js';
import { callsHanding } from '../../../src/go/called-functions.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { doneAt } from '../../../src/go/done-at.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { declarationOf, paramsOf } from '../../../src/go/scope.js';
import { ancestors, type Node } from '../../../src/go/syntax.js';

/** How many callers up a context parameter is followed to the receiver's field it is given. */
const CHAIN_DEPTH = 3;

/**
 * For a receiver's context field `db.ctx` in a method: a call of the method in the package where
 * that field of the same value is done (`case <-db.ctx.Done(): db.cancelRequest(…)`), directly,
 * through a local made from it (`ctx := db.ctx`, `ctx := db.Context()`), or through a context
 * parameter of the method around the call that a caller, up to CHAIN_DEPTH calls up on the same
 * value, hands the field (go-pg's withConn, run by `Exec` with `db.ctx`). The empty context is what
 * lets the method's work run then: given the field, it would fail at once there (go-pg's cancel
 * request, dialled with the query's own context once it was done, never sent). One such call is
 * enough, as in calledOnceDone. The reason, or undefined.
 */
export function calledOnceFieldDone(source: CancellationSource, index: PackageIndex): string | undefined {
  const name = source.fn.type === 'method_declaration' ? source.fn.childForFieldName('name')?.text : undefined;
  if (source.kind !== 'ctx-field' || !name) return undefined;
  const field = source.expr.slice(source.expr.lastIndexOf('.') + 1);
  const arity = paramsOf(source.fn).length;
  for (const call of index.callsNamed(name)) {
    const fn = call.childForFieldName('function');
    const op = fn?.type === 'selector_expression' ? fn.childForFieldName('operand')!.text : undefined;
    if (!op || !/^\w+$/.test(op) || call.childForFieldName('arguments')?.namedChildCount !== arity) continue;
    const top = [...ancestors(call)].filter((a) => a.type === 'method_declaration' || a.type === 'function_declaration').pop();
    if (!top) continue;
    for (const expr of testedContexts(top.text)) {
      const via = reaches(expr, op, field, call, top, CHAIN_DEPTH, index);
      const done = via === undefined ? undefined : doneAt(call, top, { ...source, kind: expr.includes('.') ? 'ctx-field' : 'ctx-param', expr, fn: top });
      if (!done || done.includes('whose callback runs')) continue;
      const where = top.childForFieldName('name')?.text ?? 'its caller';
      return `${name}() is called by ${where} once ${op}.${field} is done (${done}${via}): there ${source.expr} is cancelled already, and given ${source.expr} this call would fail at once`;
    }
  }
  return undefined;
}

/** The contexts a function's text waits on or tests for their end (`<-ctx.Done()`, `db.ctx.Err() != nil`), as written. */
function testedContexts(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/<-\s*([\w.]+)\.Done\(\)|([\w.]+)\.Err\(\)\s*!=\s*nil/g)) out.add(m[1] ?? m[2]);
  return out;
}

/**
 * Whether `expr`, used at `at` in `fn`, is the field `field` of the value `op`: as written, a local
 * made from it, or a context parameter of a method of `op` that a caller, on the same value, hands
 * the field (or its own such parameter, up to `depth` calls). How, for the reason: '' when
 * written so, else `, where ctx := db.ctx` or `, where ctx is db.ctx, handed down by Exec through
 * ExecContext`; undefined when not.
 */
function reaches(expr: string, op: string, field: string, at: Node, fn: Node, depth: number, index: PackageIndex): string | undefined {
  const own = `${op}.${field}`;
  if (expr === own) return '';
  const found = /^\w+$/.test(expr) ? declarationOf(expr, at) : undefined;
  if (found && 'local' in found) {
    const value = found.local.value?.text.replace(/\s/g, '');
    return value === own || value === `${op}.Context()` ? `, where ${expr} := ${value}` : undefined;
  }
  if (!found || !('param' in found) || depth === 0 || fn.type !== 'method_declaration' || receiverOf(fn)?.name !== op) return undefined;
  for (const { call, arg } of callsHanding(found.param, index)?.calls ?? []) {
    const callee = call.childForFieldName('function');
    const op2 = callee?.type === 'selector_expression' ? callee.childForFieldName('operand')!.text : undefined;
    const caller = [...ancestors(call)].filter((a) => a.type === 'method_declaration' || a.type === 'function_declaration').pop();
    if (!arg || !op2 || !/^\w+$/.test(op2) || !caller) continue;
    const by = caller.childForFieldName('name')?.text;
    if (arg.text === `${op2}.${field}`) return `, where ${expr} is ${op}.${field}, handed down by ${by}`;
    const up = arg.type === 'identifier' ? reaches(arg.text, op2, field, call, caller, depth - 1, index) : undefined;
    const chain = up?.split('handed down by ')[1];
    if (chain) return `, where ${expr} is ${own}, handed down by ${chain} through ${by}`;
  }
  return undefined;
}
