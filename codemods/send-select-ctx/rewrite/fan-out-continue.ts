import { closedChannels, closedOnExit, contains, firstLine, nextStatement, same, unparen, type Node } from '../../../src/go/syntax.js';
import { enclosingLoops } from '../../../src/go/loops.js';
import { resultsOf } from '../../../src/go/scope.js';
import { BRANCHING, CASES } from '../../../src/go/send-paths.js';
import type { FanOut } from './fan-out.js';


/**
 * Why a fan-out's send cannot end its done case with a bare `continue` of the loop over the
 * channels, or undefined when it can. That `continue` must skip nothing but the channel that
 * waits: the send is the last thing its iteration runs (nothing after it in the loop's body, nor
 * after the if, switch or select it sits in), no loop of its own lies between it and the loop
 * over the channels (whose `continue` that would be), the function has no results (what it
 * returns after the loop would tell its caller that every channel had the value, where the
 * return fix reports the cancellation), and it closes none of those
 * channels after the loop, on its way out or in a loop around it: a receiver skipped once the source is done would
 * take that close, a zero value, for the value it waits for, where the plain send left it waiting.
 */
export function continueUnsafe(send: Node, fn: Node, fanOut: FanOut): string | undefined {
  const body = fanOut.loop.childForFieldName('body');
  let node: Node = send;
  for (;;) {
    const next = nextStatement(node);
    if (next) return `would skip what follows the send in that iteration (${firstLine(next.text)}, line ${next.startPosition.row + 1})`;
    const holder = node.parent?.type === 'statement_list' ? node.parent.parent : node.parent;
    if (!holder) return 'cannot be placed';
    if (same(holder, body)) break;
    if (holder.type === 'block' && holder.parent?.type === 'if_statement') node = holder.parent;
    else if (holder.type === 'block' && holder.parent?.type === 'block') node = holder;
    else if (holder.type === 'block' && holder.parent?.type === 'statement_list') node = holder;
    else if (CASES.has(holder.type) && holder.parent && BRANCHING.has(holder.parent.type)) node = holder.parent;
    else if (holder.type === 'if_statement') node = holder; // an `else if`: the outer if's alternative
    else {
      const where = holder.type === 'block' ? holder.parent ?? holder : holder;
      if (where.type === 'for_statement') return `would go on with the loop at line ${where.startPosition.row + 1}, the one the send sits in, not the loop over the channels`;
      return `cannot reach the loop from where the send sits (in a ${where.type.replace(/_/g, ' ')}, line ${where.startPosition.row + 1})`;
    }
  }
  const results = fn.childForFieldName('result');
  if (results && resultsOf(fn).length > 0) return `would go on to what the function returns after the loop (its results: ${results.text.replace(/^\(|\)$/g, '')}), made for a loop that reached every channel: its caller would take the value for delivered to all`;
  const closed = closedListener(fn, fanOut);
  if (closed) {
    const call = closed.parent?.parent ?? closed;
    return `would go on to ${firstLine(call.text)} (line ${call.startPosition.row + 1}), a close of the channels the loop sends on: a receiver skipped would take that close, a zero value, for the value it waits for`;
  }
  return undefined;
}

/**
 * A close of a channel of the ranged collection (`close(outs[i])`, or a value ranged from it) that
 * may run after the loop: written after it, deferred, or anywhere in a loop around it (the next
 * round's), unless the statement right after the loop drops those channels (`s.waiters = nil`:
 * containerd's gc scheduler closes only the next round's waiters).
 */
function closedListener(fn: Node, fanOut: FanOut): Node | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  const next = nextStatement(fanOut.loop);
  const dropped = next?.type === 'assignment_statement' && next.childForFieldName('left')?.text === fanOut.over.text;
  const around = dropped ? [] : enclosingLoops(fanOut.loop).filter((l) => contains(body, l));
  const later = closedChannels(body).filter((c) => c.startIndex > fanOut.loop.endIndex || around.some((l) => contains(l, c)));
  return [...later, ...closedOnExit(fn)].find((c) => ofCollection(unparen(c), fanOut.over.text));
}

function ofCollection(chan: Node, over: string): boolean {
  if (chan.type === 'index_expression') return chan.childForFieldName('operand')?.text === over;
  if (chan.type !== 'identifier') return false;
  for (let p = chan.parent; p; p = p.parent) {
    if (p.type !== 'for_statement') continue;
    const clause = p.namedChildren.find((c) => c.type === 'range_clause');
    const names = clause?.childForFieldName('left')?.namedChildren ?? [];
    if (clause?.childForFieldName('right')?.text === over && names.some((n) => n.text === chan.text)) return true;
  }
  return false;
}
