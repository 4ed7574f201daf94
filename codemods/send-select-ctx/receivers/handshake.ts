import { previousStatement, same, type Node } from '../../../src/go/syntax.js';

/** Why the send, part of an exchange with a receiver already committed to it, keeps no fix selecting on `source`, if it is. */
export function exchangeReason(send: Node, source: string): string | undefined {
  const pair = secondOfPair(send);
  if (pair) return `the send completes an exchange begun by ${pair} on the same channel: its receiver, having taken that value, waits for this one, and a send giving up once ${source} is done would leave it waiting, or leave the value to the channel's next user`;
  const handed = handedOverJustBefore(send);
  if (handed) return `${send.childForFieldName('channel')!.text} was just handed over (${handed}): whoever took it waits on it for this value, and a send giving up once ${source} is done would leave it waiting`;
  return undefined;
}

/**
 * A send opening the arm of a select's `case c <- res:` on the same channel (`case c <- res: c <-
 * err`): the select already chose between the receiver and cancellation, and the receiver, having
 * taken the first value, waits for this one with a plain receive (conduit's sandbox, whose caller
 * then read another call's value from the pooled channel). The case, as written.
 */
function secondOfPair(send: Node): string | undefined {
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  const opening = openingSend(send);
  return opening?.childForFieldName('channel')!.text.replace(/\s/g, '') === chan ? `case ${opening.text}:` : undefined;
}

/**
 * A send on a channel that the statement just before it handed over another channel (`case
 * s.matcher.counters <- fetcher: fetcher <- bit`, or `reqs <- reply` then `reply <- req`): whoever
 * took it has begun an exchange on it and waits for this value with a plain receive (go-ethereum's
 * bloombits distributor, which answered on the fetcher it took and, after the session's quit,
 * stayed blocked on it: the session's Close never returned). The handing send, as written.
 */
function handedOverJustBefore(send: Node): string | undefined {
  const chan = send.childForFieldName('channel')!;
  const prev = openingSend(send) ?? previousStatement(send);
  if (chan.type !== 'identifier' || !prev || !handsOver(prev, chan.text)) return undefined;
  if (prev.parent?.type === 'communication_case') return `case ${prev.text}:`;
  return prev.type === 'select_statement' ? `by the select on line ${prev.startPosition.row + 1}` : prev.text;
}

/**
 * The statement sends `chan` as its value, or is a select that does in a case while its other
 * cases return (`select { case reqs <- reply: case <-ctx.Done(): return … }`, the send-first
 * shape's select nested in a default too): past it, the channel has been handed over.
 */
function handsOver(statement: Node, chan: string): boolean {
  if (statement.type === 'send_statement') return statement.childForFieldName('value')?.text === chan;
  if (statement.type !== 'select_statement') return false;
  let sends = false;
  for (const arm of statement.namedChildren.filter((c) => c.type === 'communication_case' || c.type === 'default_case')) {
    const communication = arm.childForFieldName('communication');
    const body = arm.namedChildren.filter((c) => !same(c, communication) && c.type !== 'comment').flatMap((c) => (c.type === 'statement_list' ? c.namedChildren.filter((d) => d.type !== 'comment') : [c]));
    const last = body.at(-1);
    if (communication && handsOver(communication, chan) && body.length === 0) sends = true;
    else if (arm.type === 'default_case' && body.length === 1 && handsOver(body[0], chan)) sends = true;
    else if (last?.type !== 'return_statement') return false;
  }
  return sends;
}

/** The send opening the arm of a select's case that the send is the first statement of. */
function openingSend(send: Node): Node | undefined {
  // The case's statements sit in the case itself or in a list there.
  const arm = send.parent?.type === 'statement_list' ? send.parent.parent : send.parent;
  if (arm?.type !== 'communication_case') return undefined;
  const prev = previousStatement(send);
  const opening = arm.childForFieldName('communication');
  return (!prev || same(prev, opening)) && opening?.type === 'send_statement' ? opening : undefined;
}
