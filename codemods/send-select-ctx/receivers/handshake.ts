import { previousStatement, same, type Node } from '../../../src/go/syntax.js';

/**
 * A send opening the arm of a select's `case c <- res:` on the same channel (`case c <- res: c <-
 * err`): the select already chose between the receiver and cancellation, and the receiver, having
 * taken the first value, waits for this one with a plain receive (conduit's sandbox, whose caller
 * then read another call's value from the pooled channel). The case, as written.
 */
export function secondOfPair(send: Node): string | undefined {
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  // The case's statements sit in the case itself or in a list there.
  const arm = send.parent?.type === 'statement_list' ? send.parent.parent : send.parent;
  if (arm?.type !== 'communication_case') return undefined;
  const prev = previousStatement(send);
  const opening = arm.childForFieldName('communication');
  const first = !prev || same(prev, opening);
  return first && opening?.type === 'send_statement' && opening.childForFieldName('channel')!.text.replace(/\s/g, '') === chan ? `case ${opening.text}:` : undefined;
}
