import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { calledName } from '../../../src/go/called-functions.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { ancestors, contains, firstLine, type Node } from '../../../src/go/syntax.js';

/**
 * A receiver's field the send would select on that a method of the package ends: a context field
 * it cancels (`srv.shutdownCtx, srv.shutdownCancel = context.WithCancelCause(…)`, then
 * `BeginGracefulStop` calling `srv.shutdownCancel(…)`), or a done channel it closes (`doStop`
 * closing `s.stopc`), called before the send by the method around it or, before calling the
 * send's function, by its callers (`s.doStop(); s.handlePanic(err)`): the send runs with the field
 * done. `callers`: the method's callers, as `knownDoneWhere` finds them. Where, e.g. `after
 * srv.BeginGracefulStop(), which calls shutdownCancel`.
 */
export function endedByMethod(send: Node, source: CancellationSource, ctx: FileContext, callers: () => { name: string; call: Node; caller: Node }[]): string | undefined {
  if ((source.kind !== 'ctx-field' && source.kind !== 'done-field') || source.fn.type !== 'method_declaration') return undefined;
  const field = source.expr.slice(source.expr.lastIndexOf('.') + 1);
  const index = ctx.packageIndex();
  let ender: { test: RegExp; name: string } | undefined = { test: new RegExp(`\\bclose\\(\\s*[\\w.]+\\.${field}\\s*\\)`), name: `close(….${field})` };
  if (source.kind === 'ctx-field') {
    const made = new RegExp(`\\.${field}\\s*,\\s*[\\w.]+\\.(\\w+)\\s*:?=\\s*\\w+\\.WithCancel\\w*\\(`);
    const cancel = index.allTexts().map((text) => made.exec(text)?.[1]).find((name) => name !== undefined);
    ender = cancel ? { test: new RegExp(`\\.${cancel}\\s*\\(`), name: cancel } : undefined;
  }
  if (!ender) return undefined;
  const here = endedBefore(send, source.fn, ender, index);
  if (here) return here;
  for (const { name, call, caller } of callers()) {
    const there = endedBefore(call, caller, ender, index);
    if (there) return `${name}() runs ${there}`;
  }
  return undefined;
}

/** A statement of `fn`'s body before `node` calling a function of the package whose text ends the field. */
function endedBefore(node: Node, fn: Node, ender: { test: RegExp; name: string }, index: PackageIndex): string | undefined {
  const list = fn.childForFieldName('body')?.namedChildren.find((c) => c.type === 'statement_list');
  const top = list && ancestors(node).find((a) => a.parent?.id === list.id);
  if (!list || !top) return undefined;
  for (let s = list.firstNamedChild; s && s.startIndex < top.startIndex; s = s.nextNamedSibling) {
    const call = s.type === 'expression_statement' ? s.namedChild(0) : undefined;
    const named = call?.type === 'call_expression' ? calledName(call.childForFieldName('function')!) : undefined;
    if (!named || contains(s, node)) continue;
    if (index.functionsNamed(named.name, named.method).some((decl) => ender.test.test(decl.text))) return `after ${firstLine(call!.text)}, which calls ${ender.name}`;
  }
  return undefined;
}
