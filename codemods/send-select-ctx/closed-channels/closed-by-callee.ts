import { parametersGiven } from '../../../src/go/called-functions.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import type { FileContext } from '../../../src/engine/types.js';

/**
 * A call after the send, in the same function, that hands the channel to a function of the
 * package closing it (`m.registry.watchSubnet(ctx, cursor, sn, receiver)`, whose
 * `close(receiver)` ends its reader's range): a return in place of the send would skip the call,
 * and the reader would wait for good. Its first line and line number, and the callee's name.
 */
export function closedByLaterCall(send: Node, fn: Node, ctx: FileContext): string | undefined {
  const chan = send.childForFieldName('channel');
  const body = fn.childForFieldName('body');
  if (chan?.type !== 'identifier' || !body) return undefined;
  const handing = body
    .descendantsOfType('call_expression')
    .filter((c) => c.startIndex >= send.endIndex && same(enclosingFunction(c), fn) && c.childForFieldName('arguments')?.namedChildren.some((a) => a.text === chan.text));
  for (const call of handing) {
    for (const { callee, decl, param } of parametersGiven(call, chan.text, ctx.packageIndex())) {
      if (new RegExp(`\\bclose\\(\\s*${regexEscaped(param)}\\s*\\)`).test(decl.childForFieldName('body')?.text ?? '')) {
        return `${firstLine(call.text)} (line ${call.startPosition.row + 1}), whose ${callee} closes ${chan.text}`;
      }
    }
  }
  return undefined;
}
