import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';
import { enclosingFunction, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * Why a send in a function literal the function returns for its caller to call later, selecting
 * on the literal's own context parameter, keeps no fix when the channel's readers are out of the
 * package's sight (\`return m, func(ctx context.Context, …) error { r.Out <- reply; return nil }\`:
 * cloudevents' channel responder, whose client hands it the context it stops receiving with, then
 * waits for the replies owed): the context its caller hands may end with the reply still owed, and
 * a select giving up then would drop it. The channel a field no code of the package reads.
 */
export function returnedReplyReason(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const literal = source.fn;
  if (source.kind !== 'ctx-param' || literal.type !== 'func_literal' || enclosingFunction(send)?.id !== literal.id) return undefined;
  // Returned as it is written (`return m, func(…) {…}, nil`).
  if (literal.parent?.type !== 'expression_list' || literal.parent.parent?.type !== 'return_statement') return undefined;
  const chan = unparen(send.childForFieldName('channel')!);
  if (chan.type !== 'selector_expression') return undefined;
  const field = chan.childForFieldName('field')!.text;
  const read = new RegExp(`<-\\s*[\\w.]*\\.${regexEscaped(field)}\\b|\\brange\\s+[\\w.]*\\.${regexEscaped(field)}\\b`);
  if (ctx.packageIndex().allTexts().some((text) => read.test(codeOnly(text)))) return undefined;
  const outer = enclosingFunction(literal)?.childForFieldName('name')?.text ?? 'the function';
  return `${source.expr} is a parameter of the function literal ${outer} returns for its caller to call later, with a context of the caller's choosing (one that may end as it stops taking work, this reply still owed), and no code of the package reads ${chan.text}: its readers are out of sight, and a select giving up once ${source.expr} is done would drop a reply they wait for`;
}
