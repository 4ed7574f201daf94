import { doneReceive, type CancellationSource } from '../../../src/go/cancellation.js';
import { caseReceiving } from '../../../src/go/receive-shapes.js';
import { contains, same, type Node } from '../../../src/go/syntax.js';

// A function whose other send on the same channel already selects on the source (`select { case
// <-ctx.Done(): return ctx.Err(); case p.ch <- s: }`), with this one left blocking (`p.ch <- s;
// return s.err`, the final error): the author chose which sends may give up. This one hands the
// reader the outcome, which a select would drop once the source is done, the reader then taking
// the channel's close for a cancel (loki's prefetching pipeline, whose deadline became a plain
// "canceled").

/** Why the send keeps blocking: the reason, in full. Undefined unless such a sibling send exists. */
export function blockingChosenBesideSelect(send: Node, fn: Node, source: CancellationSource): string | undefined {
  const chan = send.childForFieldName('channel')?.text;
  const done = doneReceive(source);
  if (!chan) return undefined;
  for (const other of fn.descendantsOfType('send_statement')) {
    if (same(other, send) || other.childForFieldName('channel')?.text !== chan) continue;
    const kase = other.parent?.type === 'communication_case' ? other.parent : undefined;
    const select = kase?.parent?.type === 'select_statement' ? kase.parent : undefined;
    if (!select || contains(select, send)) continue;
    if (caseReceiving(select, done)) return `another send on ${chan} in this function already selects on ${source.expr} (line ${other.startPosition.row + 1}), and this one is left blocking: the author chose which sends may give up, and this one hands the reader its outcome, which a select would drop once ${source.expr} is done (the reader taking the channel's close for a cancel)`;
  }
  return undefined;
}
