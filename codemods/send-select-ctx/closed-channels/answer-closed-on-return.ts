import { closedOnExit, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';
import { closedErrorChannel } from './streams.js';

/**
 * The function closes on its way out (`defer close(errs)`, its own defer) another channel whose
 * close its reader takes for the answer: one it sends its failure on (`errs <- err`), as
 * `closedErrorChannel` finds. A send on any other channel of the function (`streams <- s`) that
 * returns once the source is done runs that close too: the reader of `errs` gets nil, no error,
 * and takes the values cut short for all there was (containers/image's GetBlobAt splitter,
 * whose reader ended with one chunk of three). The channel, its close and the line of a send on it.
 */
export function answerClosedOnReturn(send: Node): { chan: string; close: string; line: number } | undefined {
  const fn = enclosingFunction(send);
  if (!fn) return undefined;
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  const own = (n: Node) => same(enclosingFunction(n), fn);
  const closed = new Set(closedOnExit(fn).map((c) => c.text.replace(/\s/g, '')));
  for (const other of fn.descendantsOfType('send_statement').filter(own)) {
    const answer = other.childForFieldName('channel')!.text.replace(/\s/g, '');
    if (answer === chan || !closed.has(answer)) continue;
    const close = closedErrorChannel(other);
    if (close) return { chan: answer, close, line: other.startPosition.row + 1 };
  }
  return undefined;
}
