import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { firstLine, previousStatement, unparen, type Node } from '../../../src/go/syntax.js';
import type { FileContext } from '../../../src/engine/types.js';
import { derivedFrom } from '../sources/derived-contexts.js';

/**
 * The send hands on a value that the call just before it (checks of its outcome between aside)
 * was handed and delivered with the source: given the context, or a method of the receiver whose
 * body uses the receiver's context field (`err := d.unconditionalSend(payload)`, then `output <-
 * payload`, the auditor that commits the offsets: datadog-agent's log destinations). The work is
 * done, so the value must reach its reader however the source ends; a select would drop it.
 * E.g. `payload, which d.unconditionalSend(payload) delivered (line 82), a method using d.ctx`.
 */
export function deliveredBefore(send: Node, fn: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const value = send.childForFieldName('value');
  const sent = value ? unparen(value) : undefined;
  if (!source.isContext || (sent?.type !== 'identifier' && sent?.type !== 'selector_expression')) return undefined;
  // Past comments and the checks between (`if err == context.Canceled { … return }`), up to the
  // call made in one's initializer (`if err := post(ctx, p); err != nil {`) or before them.
  const prev = previousStatement(send, (s) => s.type === 'if_statement' && !s.childForFieldName('initializer'));
  const call = prev ? callOf(prev.childForFieldName('initializer') ?? prev) : undefined;
  const args = call?.childForFieldName('arguments')?.namedChildren.map((a) => a.text) ?? [];
  if (!call || !args.includes(sent.text)) return undefined;
  const at = `(line ${call.startPosition.row + 1})`;
  // Handed the context itself, beside the value (not a method of a span made with it).
  const contexts = [source.expr, ...derivedFrom(source.expr, fn)];
  if (args.some((a) => contexts.includes(a))) return `${sent.text}, which ${firstLine(call.text)} delivered ${at}, given ${source.expr}`;
  const uses = source.kind === 'ctx-field' && usesField(call, source, ctx);
  return uses ? `${sent.text}, which ${firstLine(call.text)} delivered ${at}, a method using ${source.expr}` : undefined;
}

/** The call a statement makes: `err := f(x)`, `err = f(x)`, `f(x)`. */
function callOf(statement: Node): Node | undefined {
  const right = statement.type === 'expression_statement' ? statement.namedChild(0) : statement.type === 'short_var_declaration' || statement.type === 'assignment_statement' ? statement.childForFieldName('right')?.namedChildren[0] : undefined;
  const call = right ? unparen(right) : undefined;
  return call?.type === 'call_expression' ? call : undefined;
}

/**
 * For a method of the receiver (`d.unconditionalSend(…)`, the source `d.ctx`): the method, if
 * its declaration on the receiver's type uses its own receiver's field of that name.
 */
function usesField(call: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const callee = call.childForFieldName('function');
  const [recv, field] = source.expr.split('.');
  if (callee?.type !== 'selector_expression' || callee.childForFieldName('operand')?.text !== recv) return undefined;
  const type = source.fn.type === 'method_declaration' ? receiverOf(source.fn)?.typeName : undefined;
  const name = callee.childForFieldName('field')!.text;
  if (!type || !field) return undefined;
  const own = new RegExp(`^func\\s*\\(\\s*(\\w+)\\s+\\*?${regexEscaped(type)}\\s*\\)`);
  const found = ctx.packageIndex().functionsNamed(name, true, (text) => {
    const r = own.exec(text)?.[1];
    return !!r && new RegExp(`\\b${regexEscaped(r)}\\.${regexEscaped(field)}\\b`).test(text);
  });
  return found.length > 0 ? name : undefined;
}
