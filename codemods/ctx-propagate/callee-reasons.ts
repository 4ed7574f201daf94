import type { FileContext } from '../../src/engine/types.js';
import type { Node } from '../../src/go/syntax.js';
import { recordsEarlierChange } from './records-earlier.js';
import { readsOnlyValues } from './values-only.js';

/** Why the call the empty context is given to should not get `inScope`, if it should not. */
export function calleeReason(call: Node, ctx: FileContext, inScope: string): string | undefined {
  const chooses = readsOnlyValues(call, ctx);
  if (chooses) {
    return `the call reads only values from its context (${chooses}), to choose what to do, not to stop: given ${inScope}, it would read the values ${inScope} carries and may choose differently`;
  }
  const recorded = recordsEarlierChange(call);
  if (recorded && !recorded.withContext) {
    return `the call records what ${recorded.call} changed earlier with no context, which nothing can cut short: given ${inScope}, a cancel in between would keep that change and lose its record`;
  }
  if (recorded) {
    return `the call writes after an earlier change of the function (${recorded.call}), with no transaction between them: the empty context lets the sequence finish once started, and given ${inScope}, a cancel in between would leave the first change without this one`;
  }
  return undefined;
}
