import type { FileContext } from '../../../src/engine/types.js';
import { parametersGiven } from '../../../src/go/called-functions.js';
import { DONE_NAME } from '../../../src/go/cancellation.js';
import { isDoneCase, plainReceive, receiveCase, timedReceive } from '../../../src/go/receive-shapes.js';
import { receiveLeftWaiting } from '../../../src/go/result-channel.js';
import { ancestors, contains, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';

/**
 * For a channel handed to a function or method of the package (`q.waitTick(tick)`, where `func (q
 * *querier) waitTick(c <-chan time.Time) time.Time { return <-c }`), the receive that function
 * makes from the parameter in its own code, waiting for the value as the same receive written at
 * the call would: a plain `<-c`, or one in a select with no default and no case for a context's
 * end or a stop channel (signoz's live tail, hung once the rewritten ticker relay gave up). The
 * receive and the function's name, or undefined. `id`: the channel's name, an argument of the call.
 */
export function helperReceive(id: Node, ctx: FileContext): { receive: Node; callee: string } | undefined {
  const call = id.parent?.type === 'argument_list' ? id.parent.parent : undefined;
  if (call?.type !== 'call_expression') return undefined;
  for (const { callee, decl, param } of parametersGiven(call, id.text, ctx.packageIndex())) {
    const receive = decl.descendantsOfType('unary_expression').find((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === param && same(enclosingFunction(u), decl) && waits(u));
    if (receive) return { receive, callee };
  }
  return undefined;
}

/** A receive alone, or in a select with no default that waits on no context's end and no stop channel, or only on a timer. */
function waits(receive: Node): boolean {
  if (plainReceive(receive) || timedReceive(receive)) return true;
  const select = receiveCase(receive)?.parent;
  const cases = select?.namedChildren.filter((c) => c.type === 'communication_case' || c.type === 'default_case') ?? [];
  return cases.every((c) => c.type === 'communication_case' && !isDoneCase(c) && !stopCase(c));
}

/** A case receiving from a channel named for stopping (`case <-stopCh:`, `case <-s.done:`). */
function stopCase(kase: Node): boolean {
  const comm = kase.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '';
  const m = /<-([\w.]+)$/.exec(comm);
  return !!m && DONE_NAME.test(m[1].slice(m[1].lastIndexOf('.') + 1));
}

/**
 * The reason, when the first receive left waiting for the send's value is one a function of the
 * package makes from the channel handed to it (`q.waitTick(tick)`), as `receiveLeftWaiting` finds
 * it written at the call: a send that gives up would leave that call waiting forever.
 */
export function waitingInHelper(send: Node, ctx: FileContext, source: string): string | undefined {
  const waiting = receiveLeftWaiting(send, ctx.source, (id) => !!helperReceive(id, ctx));
  const id = waiting?.type === 'call_expression' ? waiting.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'identifier' && helperReceive(a, ctx)) : undefined;
  const found = id && helperReceive(id, ctx);
  if (!found) return undefined;
  const chan = send.childForFieldName('channel')!.text;
  // Senders started in a loop on one channel need room for every send, not one.
  const many = ancestors(send).some((a) => a.type === 'for_statement' && contains(enclosingFunction(waiting!)!, a) && !contains(a, waiting!));
  const timer = plainReceive(found.receive) ? undefined : timedReceive(found.receive);
  return `${waiting!.text} (line ${waiting!.startPosition.row + 1}) waits for the value${timer ? ` up to ${timer}` : ''}, receiving ${found.receive.text} in ${found.callee}, and nothing closes ${chan} before it: a send that gives up once ${source} is done would ${timer ? 'drop a value it still waits for, giving up at the timeout instead' : 'leave it waiting forever'} (${many ? 'a buffer with room for every send lets the sends' : 'a buffer of one lets the send'} finish instead)`;
}
