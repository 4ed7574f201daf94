import type { CancellationSource } from '../../../src/go/cancellation.js';
import { doneReceive } from '../../../src/go/cancellation.js';
import { makerUses, receiverIgnoring, useOf } from '../../../src/go/result-channel.js';
import { plainReceive, receiveCase } from '../../../src/go/receive-shapes.js';
import { ancestors, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';

/**
 * Why a send on a channel its maker takes in a select not waiting on the source keeps no fix: a
 * select with no default waits on for the value, and one with a default (a poll, `select { case
 * err = <-errc: return err; default: return newJSONParser(intf)(resp) }`, after the upload the
 * writer reports on) takes its default once the send gave up, losing the error (slack-go's
 * multipart upload, reported a success when its reader failed).
 */
export function ignoredByMakerReason(send: Node, chan: string, source: CancellationSource, file: string): string | undefined {
  const stop = doneReceive(source).replace(/\s/g, '');
  const ignoring = receiverIgnoring(send, file, stop);
  if (ignoring) return `the function that made ${chan} waits for it in a select that does not wait on ${source.expr} (line ${ignoring.startPosition.row + 1}): a send giving up once ${source.expr} is done would leave that select waiting for the value`;
  const poll = pollIgnoring(send, file, stop);
  if (poll) return `the function that made ${chan} polls it in a select with a default (line ${poll.startPosition.row + 1}), after the work the sender reports on: a send that gives up once ${source.expr} is done would leave that poll taking its default, and the value would be lost`;
  return undefined;
}

/**
 * A receive of the function that made the channel, unbuffered, after it starts the sending
 * goroutine, in a select with a default and no case waiting on `stop` (not a `for { select { …;
 * default: time.Sleep(d) } }` that polls until the value comes: that one waits). The select. A
 * buffer keeps the value for the poll: the fix tries the send alone first, and it goes in.
 */
function pollIgnoring(send: Node, file: string, stop: string): Node | undefined {
  const maker = makerUses(send, file);
  const go = ancestors(send).find((a) => a.type === 'go_statement' && same(enclosingFunction(a), maker?.outer));
  const size = maker?.make.childForFieldName('arguments')!.namedChildren[1]?.text ?? '0';
  if (!maker || !go || size !== '0') return undefined;
  for (const id of maker.uses) {
    if (useOf(id) !== 'receive' || id.startIndex < go.endIndex || !same(enclosingFunction(id), maker.outer) || plainReceive(id.parent!)) continue;
    const select = receiveCase(id.parent!)?.parent;
    if (select?.type !== 'select_statement') continue;
    const cases = select.namedChildren.filter((c) => c.type === 'communication_case' || c.type === 'default_case');
    const waitsOn = cases.map((c) => c.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '');
    if (cases.some((c) => c.type === 'default_case') && !waitsOn.some((w) => w.endsWith(stop))) return select;
  }
  return undefined;
}
