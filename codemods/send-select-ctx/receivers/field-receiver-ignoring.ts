import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { firstLine, outermostFunction, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * Why a send on a channel field of the receiver keeps no fix when a method of its type takes the
 * field in a select that waits neither on the source nor has a default (`select { case err =
 * <-n.queryErr: … case <-n.aborting: … }`, the sender giving up on `n.closing`): once the source
 * is done, a value that select still waits for would never come. Only a source of the receiver's
 * own (`n.closing`, `n.ctx`), which the other method names by its field.
 */
export function fieldReceiverIgnoringReason(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const fn = outermostFunction(send);
  const recv = fn?.type === 'method_declaration' ? receiverOf(fn) : undefined;
  if (chan.type !== 'selector_expression' || !recv?.name || chan.childForFieldName('operand')?.text !== recv.name) return undefined;
  if (!source.expr.startsWith(`${recv.name}.`)) return undefined;
  const field = chan.childForFieldName('field')!.text;
  // `.closing`, `.ctx.Done()`: the source as another method reaches it from its own receiver.
  const stop = (source.isContext ? `${source.expr}.Done()` : source.expr).slice(recv.name.length).replace(/\s/g, '');
  const takes = new RegExp(`<-\\s*\\w+\\.${regexEscaped(field)}\\b`);
  for (const method of ctx.packageIndex().methodsWhere(recv.typeName, (text) => takes.test(text))) {
    const own = receiverOf(method.node)?.name;
    if (!own) continue;
    for (const select of method.node.descendantsOfType('select_statement')) {
      const cases = select.namedChildren.filter((c) => c.type === 'communication_case' || c.type === 'default_case');
      const waits = cases.map((c) => c.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '');
      const taking = waits.findIndex((w) => w.endsWith(`<-${own}.${field}`));
      if (taking < 0 || cases.some((c) => c.type === 'default_case') || waits.some((w) => w.endsWith(`<-${own}${stop}`))) continue;
      return `${method.name} takes ${own}.${field} in a select that does not wait on ${own}${stop} (${firstLine(cases[taking].text)}): a send giving up once ${source.expr} is done would leave that select waiting for the value`;
    }
  }
  return undefined;
}
