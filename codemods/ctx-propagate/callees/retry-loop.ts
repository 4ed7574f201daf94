import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { firstLine, type Node } from '../../../src/go/syntax.js';
import { calleesGivenContext } from './callee-keeps-context.js';

// A function of the package that retries in a loop until an error says to stop retrying, never
// asking the context it is given whether it is done: with the empty context each try waits its own
// timeout; with one that ends, each try may fail at once, and the loop spin.

/** An error compared against a retry sentinel: `err == errInternalRetry`, `errors.Is(err, ErrTryAgain)`. */
const RETRY_CONDITION = /^\s*\w*[eE]rr\w*\s*==\s*[\w.]*(Retry|retry|Again)\w*\s*$|^\s*errors\.Is\(\s*\w*[eE]rr\w*\s*,\s*[\w.]*(Retry|retry|Again)\w*\s*\)\s*$/;

/**
 * Why the call the empty context is given to would spin given one that ends, if it would: the
 * callee retries while an error says so (`for err == errInternalRetry { err =
 * n.ProposeConfChange(ctx, cc) }`), handing the context on and never checking it (dgraph's
 * joinCluster: given the RPC's context, once its deadline passed each proposal, timed from it,
 * failed at once and was retried, thousands a second, under the join lock).
 */
export function retriesWithoutCheck(call: Node, index: PackageIndex): string | undefined {
  const given = calleesGivenContext(call, index, (text) => /\bfor\s[^{\n]*(Retry|retry|Again)/.test(text));
  for (const { decl, param } of given?.callees ?? []) {
    const asked = new RegExp(`(?<![\\w.])${regexEscaped(param)}\\.(Err|Done)\\(`);
    for (const loop of decl.descendantsOfType('for_statement')) {
      const condition = loop.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
      const body = loop.childForFieldName('body');
      if (!condition || !body || !RETRY_CONDITION.test(condition.text) || asked.test(body.text)) continue;
      const handed = body.descendantsOfType('call_expression').find((c) => c.childForFieldName('arguments')?.namedChildren.some((a) => a.text === param));
      if (handed) return `${given!.named.name} retries while an error says so (for ${condition.text} {…}), handing ${param} to ${firstLine(handed.text)} and never checking it`;
    }
  }
  return undefined;
}
