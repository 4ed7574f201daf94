import type { FileContext } from '../../src/engine/types.js';
import type { CancellationSource } from '../../src/go/cancellation.js';
import { calledName } from '../../src/go/called-functions.js';
import { ancestors, contains, firstLine, type Node } from '../../src/go/syntax.js';

/**
 * A receiver's context field that a method of the package cancels (`srv.shutdownCtx,
 * srv.shutdownCancel = context.WithCancelCause(…)`, then `BeginGracefulStop` calling
 * `srv.shutdownCancel(…)`), called by the method around the send before it: the send runs with
 * the field's context done. Where, e.g. `after srv.BeginGracefulStop(), which calls
 * shutdownCancel`.
 */
export function endedByMethod(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  if (source.kind !== 'ctx-field' || source.fn.type !== 'method_declaration') return undefined;
  const field = source.expr.slice(source.expr.lastIndexOf('.') + 1);
  const index = ctx.packageIndex();
  const made = new RegExp(`\\.${field}\\s*,\\s*[\\w.]+\\.(\\w+)\\s*:?=\\s*\\w+\\.WithCancel\\w*\\(`);
  const cancel = index.allTexts().map((text) => made.exec(text)?.[1]).find((name) => name !== undefined);
  const body = source.fn.childForFieldName('body');
  const list = body?.namedChildren.find((c) => c.type === 'statement_list');
  const top = list && ancestors(send).find((a) => a.parent?.id === list.id);
  if (!cancel || !list || !top) return undefined;
  const cancels = new RegExp(`\\.${cancel}\\s*\\(`);
  for (let s = list.firstNamedChild; s && s.startIndex < top.startIndex; s = s.nextNamedSibling) {
    const call = s.type === 'expression_statement' ? s.namedChild(0) : undefined;
    const named = call?.type === 'call_expression' ? calledName(call.childForFieldName('function')!) : undefined;
    if (!named || contains(s, send)) continue;
    if (index.functionsNamed(named.name, named.method).some((decl) => cancels.test(decl.text))) return `after ${firstLine(call!.text)}, which calls ${cancel}`;
  }
  return undefined;
}
