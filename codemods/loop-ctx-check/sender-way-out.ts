import type { CancellationSource } from '../../src/go/cancellation.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, type Node } from '../../src/go/syntax.js';

// Whether a sender on a channel the loop drains has a way out of its send once the loop, checking
// its source, has ended. A default or a timer's case gives one; so does a case on the loop's own
// source (`case <-h.ctx.Done():` where the loop checks `h.ctx`). A case on another context only
// (`case <-ctx.Done():`, the request's own, in mercure's hub Publish) does not: the loop would end
// on its source while the sender waits on one that may never be done (a request without a
// deadline during a graceful drain), the loop its only receiver.

/**
 * What the send waits on besides the loop: undefined when it has a way out as above, `''` for a
 * plain send (alone, or the only case of its select), else its select's other cases as written
 * (`<-ctx.Done()`).
 */
export function waitsFor(send: Node, source: CancellationSource): string | undefined {
  const kase = send.parent;
  const select = kase?.type === 'communication_case' ? kase.parent : undefined;
  if (select?.type !== 'select_statement') return '';
  const others = select.namedChildren.filter((c) => (c.type === 'communication_case' || c.type === 'default_case') && c.id !== kase!.id);
  if (others.length === 0) return '';
  if (others.some((c) => c.type === 'default_case' || leavesWith(c, send, source))) return undefined;
  return others.map((c) => c.childForFieldName('communication')?.text ?? '').join(', ');
}

/** A case receiving from a timer, or from the Done() of the loop's own source (or a context derived from it). */
function leavesWith(kase: Node, send: Node, source: CancellationSource): boolean {
  const comm = kase.childForFieldName('communication');
  const right = comm?.type === 'receive_statement' ? comm.childForFieldName('right') : comm;
  const operand = right?.type === 'unary_expression' && right.childForFieldName('operator')?.text === '<-' ? right.childForFieldName('operand') : undefined;
  if (!operand) return false;
  if (/^time\.|\.C$/.test(operand.text)) return true;
  const callee = operand.type === 'call_expression' ? operand.childForFieldName('function') : undefined;
  const ctx = callee?.type === 'selector_expression' && callee.childForFieldName('field')?.text === 'Done' ? callee.childForFieldName('operand') : undefined;
  if (!ctx) return false;
  const field = /\.(\w+)$/.exec(source.expr)?.[1];
  // The same field (`hub.ctx` for `h.ctx`), or the same parameter or local, the send in its scope.
  if (field ? ctx.type === 'selector_expression' && ctx.childForFieldName('field')?.text === field : ctx.text === source.expr && contains(source.fn, send)) return true;
  // A local derived from it (`ctx, cancel := context.WithTimeout(h.ctx, d)`).
  const found = ctx.type === 'identifier' ? declarationOf(ctx.text, kase) : undefined;
  const from = found && 'local' in found ? found.local.decl.childForFieldName('right')?.text : undefined;
  return !!from && (field ? new RegExp(`\\.${field}\\b`).test(from) : new RegExp(`\\b${source.expr}\\b`).test(from) && contains(source.fn, send));
}
