import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { resultChannelAbandoned } from '../../src/go/result-channel.js';
import { sendStatements } from '../../src/go/find-by-text.js';
import { ancestors, compacted, contains, firstLine, FUNCTION_TYPES, same, touchesError, type Node } from '../../src/go/syntax.js';
import { cancelsWaitedContext } from './cancels-waited-context.js';
import { sendsOtherWaited } from './sends-other-waited.js';
import { deferredWork } from './deferred-work.js';
import { waitThenEndsWaited } from './wait-then-ends-waited.js';
import { docs } from './docs.js';
import { mayHaveGoStatement, mayHaveSend, mayMakeChannel } from '../../src/go/text-signals.js';

/** A make(chan …), a go statement and a send: in the file, and in the function looked into. */
function mayHoldResultChannel(text: string): boolean {
  return mayMakeChannel(text) && mayHaveGoStatement(text) && mayHaveSend(text);
}

export const bufferedResultChan: Codemod = {
  id: 'buffered-result-chan',
  title: 'A result channel the receiver may abandon gets a buffer of one',
  docs,
  severity: 'warning',
  enabledByDefault: true,
  options: [],
  prefilter: mayHoldResultChannel,
  // The function that makes the channel holds the goroutine that sends on it and the select.
  triggers: mayHoldResultChannel,
  find,
};

function find(ctx: FileContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const send of sendStatements(ctx.tree.rootNode, ctx.source)) {
    if (send.parent?.type === 'communication_case' || touchesError(send)) continue;
    const abandoned = resultChannelAbandoned(send, ctx.source);
    if (!abandoned) continue;
    const { make, how } = abandoned;
    const chan = send.childForFieldName('channel')!.text;
    const args = make.childForFieldName('arguments')!;
    const chanType = args.namedChildren[0];
    const message = `${chan} is unbuffered and its receiver may give up (${how}): the goroutine sending the result then blocks forever`;
    const closedHere = closedByMaker(send, make, chan);
    if (closedHere) {
      const deferred = ancestors(closedHere).some((a) => a.type === 'defer_statement') ? 'deferred, ' : '';
      out.push({ start: make.startIndex, end: make.endIndex, message: `${chan} is unbuffered and its receiver may give up (${how}): the function then closes it, and the goroutine's late send panics`, reason: `the function that made ${chan} closes it (${firstLine(closedHere.text)}, ${deferred}line ${closedHere.startPosition.row + 1}) while the goroutine may still send: a send after the close panics, buffered or not, so a buffer would not remove the hazard; the close is what to change` });
      continue;
    }
    const closes = otherChannelClosed(send);
    if (closes) {
      out.push({ start: make.startIndex, end: make.endIndex, message, reason: `the goroutine also closes ${closes.text.replace(/^close\(|\)$/g, '')} (${firstLine(closes.text)}, line ${closes.startPosition.row + 1}): unbuffered, the receiver has the value before that close; buffered, the close may come first, and a select waiting on both could take the closed channel's zero value instead` });
      continue;
    }
    const cancels = cancelsWaitedContext(send, make, chan);
    if (cancels) {
      const { cancel, ctx: waited, done, via } = cancels;
      const how = ancestors(cancel).some((a) => a.type === 'defer_statement') ? 'deferred' : 'after the send';
      out.push({ start: make.startIndex, end: make.endIndex, message, reason: `the goroutine cancels ${waited} (${firstLine(cancel.text)}${via ? `, ${via}` : ''}, ${how}, line ${cancel.startPosition.row + 1}) and the select receiving ${chan} also waits on ${done}: unbuffered, the send waits for the receiver, so the receive wins; buffered, the cancel may come before the select, both cases be ready and it pick ${done} at random, a result sent taken for a failure or timeout` });
      continue;
    }
    const sends = sendsOtherWaited(send, make, chan);
    if (sends) {
      const { other, how, comm } = sends;
      const name = other.childForFieldName('channel')!.text;
      out.push({ start: make.startIndex, end: make.endIndex, message, reason: `the goroutine also sends on ${name} (${firstLine(other.text)}, ${how}, line ${other.startPosition.row + 1}) and the select receiving ${chan} also waits on ${comm}: unbuffered, the result's send waits for the receiver, so ${name} is sent on only once the value is taken; buffered, both may be ready at once and the select pick ${comm} at random, the result sent then dropped` });
      continue;
    }
    const waited = waitThenEndsWaited(send, make, chan);
    if (waited) {
      const { done, how, wait, end, comm } = waited;
      const group = done.childForFieldName('function')!.text;
      out.push({ start: make.startIndex, end: make.endIndex, message, reason: `the goroutine's ${firstLine(done.text)} (${how}, line ${done.startPosition.row + 1}) lets ${firstLine(wait.text)} (line ${wait.startPosition.row + 1}) return, after which ${firstLine(end.text)} (line ${end.startPosition.row + 1}) makes the select's ${comm} ready beside its receive of ${chan}: unbuffered, ${group}() comes only once the receiver has the value, so the receive wins; buffered, it comes at once, the Wait returns and ${firstLine(end.text)} may come before the select, both cases be ready and it pick ${comm} at random, a result sent taken for a stop or failure` });
      continue;
    }
    const after = workAfterSend(send);
    if (after) {
      out.push({ start: make.startIndex, end: make.endIndex, message, reason: `the goroutine goes on after the send (${firstLine(after.text)}, line ${after.startPosition.row + 1}): buffered, that would no longer wait until the receiver has the value, and may run before it` });
      continue;
    }
    const deferred = deferredWork(send, make);
    if (deferred) {
      out.push({ start: make.startIndex, end: make.endIndex, message, reason: `the goroutine goes on after the send with a deferred call (${firstLine(deferred.text)}, line ${deferred.startPosition.row + 1}): it runs after the send, unbuffered only once the receiver has the value and never if it gave up; buffered, it would run though nobody took the value (an ack or cleanup done for a result dropped)` });
      continue;
    }
    out.push({
      start: make.startIndex,
      end: make.endIndex,
      message,
      fix: { description: `make(${chanType.text}, 1): the single send always completes`, edits: [{ start: chanType.endIndex, end: chanType.endIndex, text: ', 1' }] },
    });
  }
  return out;
}

/**
 * A statement the sending goroutine runs after the send, other than a return or closing the
 * channel: unbuffered, the send is a rendezvous and it runs only once the receiver has the
 * value (paho's test: `discErr <- err; dfFn()`, then the receiver checks the status dfFn
 * changes). Deferred calls are looked at by deferredWork (deferred-work.ts).
 */
function workAfterSend(send: Node): Node | undefined {
  const chan = send.childForFieldName('channel')!.text;
  for (let stmt: Node | null = send; stmt && !FUNCTION_TYPES.has(stmt.type); stmt = stmt.parent) {
    if (stmt.parent?.type !== 'statement_list' && stmt.parent?.type !== 'block') continue;
    for (let next = stmt.nextNamedSibling; next; next = next.nextNamedSibling) {
      if (next.type === 'comment' || next.type === 'empty_statement' || next.type === 'defer_statement') continue;
      if (next.type === 'return_statement') return undefined;
      if (next.type === 'expression_statement' && next.text.replace(/\s/g, '') === `close(${chan})`) continue;
      return next;
    }
  }
  return undefined;
}

/**
 * A `close(other)` the sending goroutine makes, deferred or not, of a channel other than the one it
 * sends on (`defer close(hpw)`, `defer close(errC)`, each sent on once): the unbuffered send
 * orders the receiver's take before that close, and a buffer would not.
 */
function otherChannelClosed(send: Node): Node | undefined {
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  const literal = ancestors(send).find((a) => FUNCTION_TYPES.has(a.type));
  return literal?.descendantsOfType('call_expression').find((c) => {
    const args = c.childForFieldName('arguments')?.namedChildren ?? [];
    return c.childForFieldName('function')?.text === 'close' && args.length === 1 && args[0].text.replace(/\s/g, '') !== chan;
  });
}

/**
 * A `close(ch)` of the result channel by the function that made it, outside the sending goroutine
 * (`c := make(chan struct{}); defer close(c)`): once the receiver gives up, the close comes and the
 * late send panics, whether or not the channel has room.
 */
function closedByMaker(send: Node, make: Node, chan: string): Node | undefined {
  const literal = ancestors(send).find((a) => FUNCTION_TYPES.has(a.type));
  const maker = ancestors(make).find((a) => FUNCTION_TYPES.has(a.type));
  if (!literal || !maker || same(literal, maker)) return undefined;
  return maker.descendantsOfType('call_expression').find((c) => !contains(literal, c) && c.childForFieldName('function')?.text === 'close' && compacted(c) === `close(${chan.replace(/\s/g, '')})`);
}
