import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { Node } from '../../../src/go/syntax.js';

/** An accessor reading a trace span, or a link to it, from a context. */
const SPAN_FROM = /(^|\.)(SpanFromContext|SpanContextFromContext|LinkFromContext)$/;

/**
 * The function takes the context only to link spans with it: every use of the parameter reads
 * its span (`trace.SpanFromContext(parentCtx)`, `trace.LinkFromContext(parentCtx)`), and the
 * function links spans (`AddLink`, `WithLinks`). It starts its own work from an empty context on
 * purpose, a trace of its own linked back to the caller's (openfga's cache invalidation, which
 * runs on after the Check that starts it). The first use, as written, and its line.
 */
export function onlyLinkedTo(source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param') return undefined;
  const body = source.fn.childForFieldName('body');
  if (!body || !/\.(AddLink|WithLinks)\(/.test(body.text)) return undefined;
  const uses = body.descendantsOfType('identifier').filter((id) => id.text === source.expr);
  const reader = (id: Node) => (id.parent?.type === 'argument_list' ? id.parent.parent : undefined);
  if (uses.length === 0 || !uses.every((id) => SPAN_FROM.test(reader(id)?.childForFieldName('function')?.text ?? ''))) return undefined;
  const first = reader(uses[0])!;
  return `${first.text}, line ${first.startPosition.row + 1}`;
}

/** Why the call keeps its empty context when the context in scope is only linked to, if it is. */
export function spanLinkReason(call: Node, source: CancellationSource): string | undefined {
  const linked = onlyLinkedTo(source);
  return linked && `${source.expr} is used here only to link spans (${linked}): the function starts its work from ${call.text} on purpose, a trace of its own linked back to the caller's, and given ${source.expr} that work would end with the caller's`;
}
