import { calledName } from '../../src/go/called-functions.js';
import { receiverOf } from '../../src/go/declarations.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { paramsOf } from '../../src/go/scope.js';
import { ERROR_VARIABLE, firstLine, onOwnPath, type Node } from '../../src/go/syntax.js';

// A goroutine whose wrap-up is a deferred call of the package (`defer cmd.finish(ctx)`) that
// reports the outcome the work leaves in a field (`cmd.runErr = fn(ctx)`): the recover, deferred
// first, runs last, so after a panic the wrap-up runs with the field unset.

/** Fields of a value (by its name) the goroutine's own statements after `from` set from a call: `cmd.runErr = fn(ctx)`. */
function outcomeFields(stmts: Node[], from: Node): { value: string; field: string; assign: Node }[] {
  const out: { value: string; field: string; assign: Node }[] = [];
  for (const st of stmts.filter((s) => s.startIndex > from.endIndex && s.type !== 'defer_statement' && s.type !== 'go_statement')) {
    for (const assign of [st, ...st.descendantsOfType('assignment_statement')]) {
      if (assign.type !== 'assignment_statement' || !onOwnPath(assign, st) || assign.childForFieldName('operator')?.text !== '=') continue;
      const right = assign.childForFieldName('right')!;
      const calls = [right, ...right.descendantsOfType('call_expression')].filter((c) => c.type === 'call_expression' && c.childForFieldName('function')?.type !== 'func_literal');
      if (calls.length === 0) continue;
      for (const left of assign.childForFieldName('left')?.namedChildren ?? []) {
        const value = left.type === 'selector_expression' ? left.childForFieldName('operand') : undefined;
        if (value?.type === 'identifier') out.push({ value: value.text, field: left.childForFieldName('field')!.text, assign });
      }
    }
  }
  return out;
}

/** The name a value handed to the deferred call goes by in the callee: its receiver (`c` of `func (c *command) finish`) or the parameter it lands in. */
function nameInCallee(call: Node, decl: Node, value: string): string | undefined {
  const fn = call.childForFieldName('function')!;
  if (fn.type === 'selector_expression' && decl.type === 'method_declaration' && fn.childForFieldName('operand')!.text === value) return receiverOf(decl)?.name;
  const at = (call.childForFieldName('arguments')?.namedChildren ?? []).findIndex((a) => a.text === value || a.text === `&${value}`);
  const params = paramsOf(decl);
  return at >= 0 && at < params.length ? params[at].name : undefined;
}

/**
 * A deferred call of a function or method the package declares (`defer cmd.finish(ctx)`) whose
 * body reads a field that the goroutine sets from its work after that defer (`cmd.runErr =
 * fn(ctx)`, read as `c.runErr` in `finish`): it reports the outcome whichever way the work ends,
 * and after a recovered panic it would report the field's zero value (a nil error: a success) and
 * give whatever end signal it gives (`c.finished <- true`), where the process used to crash (a
 * variant of hystrix-go's GoC: the circuit counted a success, and DoC waited forever). Why, as a
 * refusal's reason.
 */
export function wrapUpReadsOutcome(stmts: Node[], index: PackageIndex): string | undefined {
  for (const d of stmts) {
    const call = d.type === 'defer_statement' ? d.namedChild(0) : undefined;
    const fn = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    const named = fn && fn.type !== 'func_literal' ? calledName(fn) : undefined;
    if (!named) continue;
    const fields = outcomeFields(stmts, d);
    if (fields.length === 0) continue;
    for (const decl of index.functionsNamed(named.name, named.method)) {
      const body = decl.childForFieldName('body');
      if (!body) continue;
      for (const { value, field, assign } of fields) {
        const name = nameInCallee(call!, decl, value);
        // Read, not only set: `c.runErr` not followed by a lone `=`.
        if (!name || !new RegExp(`(?<![\\w.])${regexEscaped(name)}\\.${regexEscaped(field)}\\b(?!\\s*=[^=])`).test(body.text)) continue;
        // Its last send or close: the end it tells (`c.finished <- true`).
        const signal = [...body.descendantsOfType('send_statement'), ...body.descendantsOfType('call_expression').filter((c) => c.childForFieldName('function')?.text === 'close')].sort((a, b) => b.startIndex - a.startIndex)[0];
        const zero = ERROR_VARIABLE.test(field) ? 'a nil error: a success' : 'its zero value taken as the result';
        return `the deferred ${firstLine(call!.text)} reports the outcome from ${value}.${field}, which the work sets only when it returns (${firstLine(assign.text)}): the recover would be deferred before it and run after it, so after a recovered panic it would report ${value}.${field} unset (${zero})${signal ? ` and signal the end (${firstLine(signal.text)})` : ''} where the process used to crash`;
      }
    }
  }
  return undefined;
}
