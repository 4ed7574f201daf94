import type { CancellationSource } from '../../src/go/cancellation.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * A context field the function sets only after the call (`s.client, err = NewClient(context.TODO(),
 * …)`, then `s.ctx, s.cancel = context.WithCancel(…)`): at the call it is nil on a fresh value (a
 * panic), or the last run's, cancelled. The line of the first assignment, or undefined.
 */
export function fieldSetAfterCall(call: Node, source: CancellationSource): number | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const body = source.fn.childForFieldName('body');
  if (!body) return undefined;
  const sets = new RegExp(`(^|[^\\w.])${regexEscaped(source.expr)}\\s*(,\\s*[\\w.]+\\s*)*=[^=]`, 'g');
  const first = sets.exec(body.text);
  if (!first) return undefined;
  const at = body.startIndex + first.index + first[1].length;
  return at > call.endIndex ? body.text.slice(0, first.index).split('\n').length + body.startPosition.row : undefined;
}
