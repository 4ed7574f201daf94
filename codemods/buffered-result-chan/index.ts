import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { resultChannelAbandoned } from '../../src/go/result-channel.js';
import { sendStatements } from '../../src/go/find-by-text.js';
import { touchesError } from '../../src/go/syntax.js';
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
    out.push({
      start: make.startIndex,
      end: make.endIndex,
      message: `${chan} is unbuffered and its receiver may give up (${how}): the goroutine sending the result then blocks forever`,
      fix: { description: `make(${chanType.text}, 1): the single send always completes`, edits: [{ start: chanType.endIndex, end: chanType.endIndex, text: ', 1' }] },
    });
  }
  return out;
}
