import type { CancellationSource } from '../../../src/go/cancellation.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { Node } from '../../../src/go/syntax.js';
import { cancelMadeWith } from '../sources/paired-cancel.js';

/**
 * A context the function makes itself with a cancel (`ctx, cancelContext :=
 * context.WithCancel(…)`) and has not deferred that cancel before the send: the new return would
 * leave it uncalled on that path (`go vet` reports a lost cancel: sliver's port forward, whose
 * cancel runs later in a cleanup). The cancel's name.
 */
export function cancelLeftUncalled(send: Node, fn: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-local' || source.fn.id !== fn.id) return undefined;
  const before = fn.text.slice(0, send.startIndex - fn.startIndex);
  const made = cancelMadeWith(source.expr, before);
  if (!made) return undefined;
  const after = before.slice(made.at);
  const cancel = regexEscaped(made.cancel);
  const deferred = new RegExp(`\\bdefer\\s+(?:${cancel}\\(|func\\s*\\(\\)\\s*\\{[^]*?\\b${cancel}\\()`).test(after);
  return deferred ? undefined : made.cancel;
}
