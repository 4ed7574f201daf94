import type { RawFinding } from '../../../src/engine/types.js';
import { paramsOf } from '../../../src/go/scope.js';
import { outermostFunction, same, type Node } from '../../../src/go/syntax.js';

/**
 * The findings, with a fix withdrawn where the send is on a channel parameter of the function
 * (the caller's reply channel) and another send of the function on it is refused as a report the
 * caller waits for (`ch <- SendResponse{Err: err}` after a call given ctx): the send with a fix is
 * the answer on another path (`ch <- SendResponse{Err: ErrClosed}`: optimism's SendAsync, one
 * answer owed per call), and a select would drop it where its siblings keep theirs.
 */
export function alignReplySiblings(sent: { send: Node; finding: RawFinding }[]): RawFinding[] {
  return sent.map(({ send, finding }) => {
    if (!finding.fix) return finding;
    const chan = send.childForFieldName('channel')!;
    const outer = outermostFunction(send);
    if (chan.type !== 'identifier' || !outer || !paramsOf(outer).some((p) => p.name === chan.text && /\bchan\b/.test(p.typeNode.text))) return finding;
    const sibling = sent.find((o) => o.send !== send && !o.finding.fix && /^the send reports /.test(o.finding.reason ?? '') && o.send.childForFieldName('channel')!.text === chan.text && same(outermostFunction(o.send), outer));
    if (!sibling) return finding;
    const { fix: _fix, alternatives: _alternatives, ...rest } = finding;
    return { ...rest, reason: `${chan.text} is the caller's channel, a parameter of the function, and its other sends on it are reports the caller waits for (line ${sibling.send.startPosition.row + 1}): this send is the answer on another path, and a select would drop it where they keep theirs` };
  });
}
