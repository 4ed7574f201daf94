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
  if (recorded) {
    return `the call records what ${recorded} changed earlier with no context, which nothing can cut short: given ${inScope}, a cancel in between would keep that change and lose its record`;
  }
  return undefined;
}
