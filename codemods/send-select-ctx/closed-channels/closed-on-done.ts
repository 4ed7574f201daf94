import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { FileContext } from '../../../src/engine/types.js';
import { unparen, type Node } from '../../../src/go/syntax.js';

/**
 * Where the package closes the send's channel as soon as a context is done (`<-ctx.Done()`, or
 * a `case <-ctx.Done():`, then `close(claim.msgs)`: goka's mock consumer group), in other code
 * than the sender's function, as written. A send still waiting then panics (send on closed
 * channel), whatever else it selects on: a select on the context would not remove that, and where
 * it picks the context first it would turn the panic into a value dropped without a word.
 */
export function closedOnceDone(send: Node, fn: Node, ctx: FileContext): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const name = chan.type === 'selector_expression' ? chan.childForFieldName('field')?.text : chan.type === 'identifier' ? chan.text : undefined;
  if (!name) return undefined;
  const prefix = chan.type === 'selector_expression' ? '[\\w.]+\\.' : '';
  const closedOnDone = new RegExp(`<-\\s*[\\w.()]*\\bDone\\(\\)\\s*:?[ \\t]*(?:\\/\\/[^\\n]*)?\\n\\s*(close\\(\\s*${prefix}${regexEscaped(name)}\\s*\\))`, 'g');
  // A local channel in the function's own file; a field anywhere in the package.
  const texts = chan.type === 'identifier' ? [ctx.source] : [ctx.source, ...ctx.packageIndex().allTexts().filter((t) => t !== ctx.source)];
  for (const text of texts) {
    for (const m of text.matchAll(closedOnDone)) {
      // Closed by other code than the sender's own function (which closes only once done sending).
      if (text === ctx.source && m.index! >= fn.startIndex && m.index! < fn.endIndex) continue;
      return `${m[0].slice(0, m[0].indexOf('\n')).trim()} then ${m[1]}`;
    }
  }
  return undefined;
}
