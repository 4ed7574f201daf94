import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { madeChannel, positionalParams } from '../../../src/go/scope.js';
import { enclosingFunction, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * A send on a channel field of a parameter (`opts.DetachC <- struct{}{}`) whose every caller in the
 * package builds that parameter with a channel it made unbuffered (`NewTask(ctx,
 * TaskOptions{DetachC: detachC})`) and then waits for it, plainly or in a select with no case on
 * a context's end or a stop (`case <-detachC:` beside `case code := <-statusC:`): a send giving up
 * once the source is done would leave that caller waiting (a variant of nerdctl's detach, its
 * signal lost). The caller and its receive, as written.
 */
export function awaitedByOptionsCaller(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const holder = chan.type === 'selector_expression' ? chan.childForFieldName('operand') : undefined;
  const fn = source.fn;
  const name = fn.childForFieldName('name')?.text;
  const at = holder?.type === 'identifier' && name ? positionalParams(fn).indexOf(holder.text) : -1;
  if (at < 0) return undefined;
  const field = chan.childForFieldName('field')!.text;
  const calls = ctx.packageIndex().callsNamed(name!).filter((c) => c.childForFieldName('arguments')?.namedChildren.length === positionalParams(fn).length);
  let found: string | undefined;
  for (const call of calls) {
    const literal = unparen(call.childForFieldName('arguments')!.namedChildren[at]);
    const element = literal.type === 'composite_literal' ? literal.descendantsOfType('keyed_element').find((e) => e.namedChild(0)?.text === field) : undefined;
    const local = element?.namedChild(1)?.text;
    const caller = enclosingFunction(call);
    if (!local || !/^\w+$/.test(local) || !caller) return undefined;
    const made = madeChannel(local, call);
    const receive = caller.descendantsOfType('unary_expression').find((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === local && u.startIndex > call.endIndex);
    const select = receive?.parent?.parent?.type === 'communication_case' ? receive.parent.parent.parent : undefined;
    const others = select?.namedChildren.filter((c) => c.type === 'communication_case' || c.type === 'default_case').map((c) => c.text) ?? [];
    if (!made || !receive || others.some((c) => /^default\b|\.Done\(\)|\b(stop|quit|done|closing)\w*\b/i.test(c))) return undefined;
    found ??= `${caller.childForFieldName('name')?.text ?? 'a function literal'} makes ${local}, hands it in as ${chan.text}, and waits for it (${receive.text}${select ? ', in a select with no case for a context\'s end or a stop' : ''})`;
  }
  return found;
}
