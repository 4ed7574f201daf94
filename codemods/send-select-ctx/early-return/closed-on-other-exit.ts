import type { PackageIndex } from '../../../src/go/package-index.js';
import { closerOnOtherExit, closerReason } from './closer-called.js';
import { ancestors, closedChannels, contains, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';

// A clean-up the function runs on another of its ways out, not after the send: a new return in
// place of the send would leave without it.

/**
 * A `close(ch)` statement of the function, not deferred, followed by a return in its own block,
 * on a path that does not run through the send (`if err == errListenerClosed { close(ln.ch);
 * return }` in the loop that sends on ln.ch: go-pg's listener closes its notification channel on
 * its way out once the listener is closed). A return on the source in place of the send would
 * leave without it, and a reader ranging over the channel would wait for good. Closes in a
 * select's stop case (`case <-stop: close(out); return`) are the function's own stop, reported
 * as such elsewhere. Or a call closing it there (closerOnOtherExit). The close's call.
 */
export function closedOnOtherExit(send: Node, fn: Node, index?: PackageIndex): Node | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  const closes = closedChannels(body).filter((arg) => same(enclosingFunction(arg), fn));
  // One closed in a select's stop case as well: that case is how the function stops.
  const inStopCase = (arg: Node) => ancestors(arg).some((a) => a.type === 'communication_case' && contains(body, a) && /^<-[^<]*$/.test(a.childForFieldName('communication')?.text ?? ''));
  const stopped = new Set(closes.filter(inStopCase).map((arg) => arg.text));
  // Closes after the send are cleanupSkippedByReturn's own; those before it, on another path, here.
  for (const arg of closes) {
    const call = arg.parent!.parent!;
    const exit = exitAfter(call);
    if (!exit || call.startIndex > send.startIndex || contains(exit.list, send) || stopped.has(arg.text)) continue;
    return call;
  }
  // Or one a call on another way out runs (`_ = failPermanent(err); return …`).
  return closerOnOtherExit(send, fn, index);
}

/** For a call made as a statement followed by a return in the same block: that block and the return. */
function exitAfter(call: Node): { list: Node; ret: Node } | undefined {
  const stmt = call.parent;
  const list = stmt?.parent;
  if (stmt?.type !== 'expression_statement' || (list?.type !== 'statement_list' && list?.type !== 'block')) return undefined;
  for (let next = stmt.nextNamedSibling; next; next = next.nextNamedSibling) if (next.type === 'return_statement') return { list, ret: next };
  return undefined;
}

/**
 * Why a return in place of the send would do harm by skipping `skipped` (from
 * cleanupSkippedByReturn): a clean-up after the send, or a close on another way out.
 */
export function skippedReason(skipped: Node, send: Node): string {
  const closer = closerReason(skipped);
  if (closer) return closer;
  const where = `${firstLine(skipped.text)} (line ${skipped.startPosition.row + 1})`;
  const exit = skipped.type === 'call_expression' && skipped.childForFieldName('function')?.text === 'close' ? exitAfter(skipped) : undefined;
  if (!exit || skipped.startIndex > send.startIndex || contains(exit.list, send)) return `an early return here would skip ${where}`;
  const closed = skipped.childForFieldName('arguments')!.namedChildren[0]?.text ?? '';
  const reader = closed === send.childForFieldName('channel')?.text ? `a reader ranging over ${closed} until it is closed` : `whoever waits for ${closed} to be closed`;
  return `an early return here would skip ${where}, which the function runs on its other way out, before the return at line ${exit.ret.startPosition.row + 1}: ${reader} would wait for good`;
}
