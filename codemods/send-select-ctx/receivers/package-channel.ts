import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { FileContext } from '../../../src/engine/types.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, type Node } from '../../../src/go/syntax.js';
import { sentEvenOnceDone } from '../sources/detached-work.js';

/**
 * Why every value sent on the channel is awaited by a reader that a select on the source would
 * leave waiting, if it is: readers that wait with plain receives, or the file's own sends even
 * once a context is done.
 */
export function everyValueAwaited(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const chan = send.childForFieldName('channel')!.text;
  const plain = readByPlainReceives(send, ctx);
  if (plain) return `${chan} is a variable of the package, and every receive of it waits with a plain ${plain}: a value dropped once ${source.expr} is done would leave its reader waiting for good`;
  const evenOnceDone = sentEvenOnceDone(send, ctx.tree.rootNode);
  if (evenOnceDone) return `the file sends on ${chan} even in a case for a context being done (line ${evenOnceDone}): every value is meant to reach its reader, and a select on ${source.expr} would drop some`;
  return undefined;
}

/**
 * A channel that is a variable of the package (`var argFuncCh = make(chan …)`), every receive of
 * which waits with a plain `<-argFuncCh`, in no select: its readers, elsewhere in the package,
 * wait for each value whatever the sender's context, and a value dropped once it ends would leave
 * them waiting for good (kanister's test hooks, `ArgFuncArgs()`). The first receive, as written.
 */
function readByPlainReceives(send: Node, ctx: FileContext): string | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier' || declarationOf(chan.text, send)) return undefined;
  const name = regexEscaped(chan.text);
  const index = ctx.packageIndex();
  if (!index.anyTextMatches(new RegExp(`^(?:var[ \\t]+|\\t)${name}\\s*(?:=\\s*make\\(\\s*chan\\b|chan\\b)`, 'm'))) return undefined;
  // The receives of the package's functions, each parsed alone (comments that mention one aside).
  const receives = index
    .nodesMatching(new RegExp(`<-\\s*${name}\\b(?![\\w.(\\[])`, 'g'), (m) => m[0].length - 1)
    .filter((n) => n.type !== 'comment')
    .map((n) => n.parent);
  if (receives.length === 0 || receives.some((r) => r?.type !== 'unary_expression' || ancestors(r).some((a) => a.type === 'communication_case'))) return undefined;
  return receives[0]!.text;
}
