import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { FileContext } from '../../../src/engine/types.js';
import { makerUses } from '../../../src/go/result-channel.js';
import { cancelMadeWith } from './paired-cancel.js';
import { ancestors, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';

/**
 * A local channel its maker hands, in place, to a call that is handed the cancel of a context in
 * scope too (`errRecorder := errgroup.Wait(groupCancel, errChan)`, after `groupCtx, groupCancel :=
 * context.WithTimeout(ctx, timeout)`): the reader may end that context itself once it has what it
 * needs, and go on reading the rest (vitess' ErrorGroup.Wait, which cancels once enough answers
 * came and still counts one from every goroutine). A send giving up once the context is done would
 * leave it waiting for good. The reason, or undefined.
 */
export function readerGivenCancel(send: Node, sources: CancellationSource[], ctx: FileContext): string | undefined {
  const local = makerUses(send, ctx.source);
  if (!local) return undefined;
  const chan = send.childForFieldName('channel')!.text;
  for (const id of local.uses) {
    const call = id.parent?.type === 'argument_list' ? id.parent.parent : undefined;
    if (!call || !same(enclosingFunction(call), local.outer) || ancestors(call).some((a) => a.type === 'go_statement' || a.type === 'defer_statement')) continue;
    for (const source of sources) {
      const cancel = cancelMadeWith(source.expr, local.outer.text)?.cancel;
      if (!cancel || !call.childForFieldName('arguments')!.namedChildren.some((a) => a.text === cancel)) continue;
      return `${chan} is read by ${firstLine(call.text)} (line ${call.startPosition.row + 1}), which is handed ${source.expr}'s cancel (${cancel}) too: it may end ${source.expr} itself once it has what it needs and go on reading the rest, and a send giving up once ${source.expr} is done would leave it waiting for good`;
    }
  }
  return undefined;
}
