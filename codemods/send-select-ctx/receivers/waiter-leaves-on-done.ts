import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf } from '../../../src/go/scope.js';
import { contains, enclosingFunction, same, statementsOf, type Node } from '../../../src/go/syntax.js';

// A report nobody waits for once the send's context is done: its only reader gives up then too.

/**
 * Whether the send's channel is a local made in the function that starts the sending goroutine,
 * and every other use of it there is a select case receiving from it beside a `case
 * <-ctx.Done():` on the send's own context that returns (`case <-finished:` in a loop returning on
 * `<-ctx.Done()`: faas-netes' log streams, each reporting `finished <- podLogs(ctx, …)`). Once that
 * context is done the reader leaves, and the send would wait for good; a select on it drops only a
 * report nobody reads. A channel handed on, ranged over or read anywhere else does not count.
 */
export function waiterLeavesOnDone(send: Node, source: CancellationSource): boolean {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier' || !source.isContext || !/^\w+$/.test(source.expr)) return false;
  const found = declarationOf(chan.text, send);
  const local = found && 'local' in found ? found.local : undefined;
  if (!local || !/^make\(\s*chan\b/.test(local.value?.text ?? '')) return false;
  const maker = enclosingFunction(local.decl);
  const ctxDecl = declarationOf(source.expr, send);
  if (!maker || !ctxDecl || !contains(maker, send)) return false;
  let read = false;
  for (const use of maker.descendantsOfType('identifier')) {
    if (use.text !== chan.text || contains(local.decl, use) || use.startIndex < local.decl.startIndex) continue;
    // The same variable, not another of its name.
    const decl = declarationOf(use.text, use);
    if (!decl || !('local' in decl) || !same(decl.local.decl, local.decl)) continue;
    // The sends themselves, on this channel.
    if (use.parent?.type === 'send_statement' && same(use.parent.childForFieldName('channel'), use)) continue;
    if (!receivedBesideDone(use, source.expr, ctxDecl)) return false;
    read = true;
  }
  return read;
}

/** `case <-ch:` (or `case v := <-ch:`) in a select whose `case <-ctx.Done():`, on the same `ctx`, returns. */
function receivedBesideDone(use: Node, ctxName: string, ctxDecl: NonNullable<ReturnType<typeof declarationOf>>): boolean {
  const unary = use.parent;
  const receive = unary?.type === 'unary_expression' ? unary.parent : undefined;
  const kase = receive?.type === 'receive_statement' ? receive.parent : undefined;
  if (kase?.type !== 'communication_case' || !same(receive!.childForFieldName('right'), unary)) return false;
  return kase.parent!.namedChildren.some((other) => {
    if (other.type !== 'communication_case') return false;
    const right = other.childForFieldName('communication')?.childForFieldName('right');
    if (right?.text.replace(/\s/g, '') !== `<-${ctxName}.Done()`) return false;
    const decl = declarationOf(ctxName, other);
    const sameCtx = !!decl && ('local' in decl && 'local' in ctxDecl ? same(decl.local.decl, ctxDecl.local.decl) : 'param' in decl && 'param' in ctxDecl && same(decl.param.fn, ctxDecl.param.fn));
    return sameCtx && statementsOf(other).some((st) => st.type === 'return_statement');
  });
}
