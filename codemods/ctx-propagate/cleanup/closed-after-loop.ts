import type { CancellationSource } from '../../../src/go/cancellation.js';
import { ancestors, contains, same, type Node } from '../../../src/go/syntax.js';
import { endlessLoopBreaks } from '../../../src/go/loops.js';
import { inFailureBranchOf } from '../unusable-context/failure-branch.js';

/** A clean-up that needs a context of its own: closing, resigning, rolling back, aborting. */
export const CLOSING = /(^|\.)([cC]lose|[rR]esign|[rR]ollback|[aA]bort)\w*$/;

/**
 * A clean-up given the empty context (`er.election.Close(context.TODO())`) after a `for {` whose
 * only ways out are breaks in the failure branch of a call given the context (`if err :=
 * er.beMaster(ctx, pending); err != nil { …; break }`): the loop ends, in practice, once the
 * context is done, and given it the clean-up would fail at once (trillian's election runner would
 * never have resigned). The reason.
 */
export function closedAfterLoop(call: Node, callee: string, source: CancellationSource): string | undefined {
  if (!CLOSING.test(callee)) return undefined;
  for (const a of ancestors(call)) {
    if (same(a, source.fn)) break;
    if (a.type !== 'statement_list') continue;
    for (let s = a.firstNamedChild; s && s.startIndex < call.startIndex && !contains(s, call); s = s.nextNamedSibling) {
      const failed = leftOnlyOnFailure(s, source);
      if (failed) {
        return `the call cleans up (${callee}) after a for loop left only when ${failed} failed (line ${s.startPosition.row + 1}): the loop ends, in practice, once ${source.expr} is done, and given ${source.expr} the clean-up would fail at once then`;
      }
    }
  }
  return undefined;
}

/** A `for {` (labelled or not) left only by breaks in the failure branch of a call given the context: that call. */
function leftOnlyOnFailure(stmt: Node, source: CancellationSource): string | undefined {
  const failed = endlessLoopBreaks(stmt)?.breaks.map((b) => inFailureBranchOf(b, source)) ?? [];
  return failed.length > 0 && failed.every(Boolean) ? failed[0] : undefined;
}
