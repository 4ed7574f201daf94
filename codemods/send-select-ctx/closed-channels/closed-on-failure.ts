import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf, resultsOf } from '../../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, firstLine, same, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * A local channel that the function making it closes as soon as one of its senders fails, in
 * the select case taking that sender's error (`case err := <-errCh: closeOnce.Do(func() {
 * close(maybeDup) }); return err`), not after its senders are done, where the send is in a
 * function returning an error (a callback, `func(sr blob.SizedRef) error { maybeDup <- sr;
 * return nil }`) inside the goroutine that sends that error. The fix's return hands back
 * `ctx.Err()`: that goroutine then reports a failure, the maker closes the channel, and every
 * other sender still sending on it panics (perkeep's union StatBlobs). The reason, if so.
 */
export function closedOnSenderFailure(send: Node, fn: Node, source: CancellationSource): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const results = resultsOf(fn);
  if (chan.type !== 'identifier' || !source.isContext || results[results.length - 1]?.typeNode.text !== 'error') return undefined;
  const found = declarationOf(chan.text, send);
  const maker = found && 'local' in found && /^make\(\s*chan\b/.test(found.local.value?.text ?? '') ? enclosingFunction(found.local.decl) : undefined;
  if (!maker) return undefined;
  // The goroutines around the send's function, in the maker, and the error channels each sends on outside it.
  for (const sender of ancestors(fn).filter((a) => a.type === 'func_literal' && contains(maker, a) && !same(a, maker))) {
    const errChans = new Set(
      sender
        .descendantsOfType('send_statement')
        .filter((s) => !contains(fn, s) && touchesErr(s))
        .map((s) => unparen(s.childForFieldName('channel')!).text),
    );
    errChans.delete(chan.text);
    for (const call of maker.descendantsOfType('call_expression')) {
      const args = call.childForFieldName('arguments')?.namedChildren ?? [];
      if (call.childForFieldName('function')?.text !== 'close' || args.length !== 1 || args[0].text !== chan.text || contains(sender, call)) continue;
      const kase = ancestors(call).find((a) => a.type === 'communication_case' && contains(maker, a));
      const taken = kase && receivedFrom(kase.childForFieldName('communication'));
      if (!kase || !taken || !errChans.has(taken)) continue;
      const comm = firstLine(kase.childForFieldName('communication')!.text);
      const what = ancestors(call).find((a) => a.parent?.type === 'statement_list' && same(a.parent.parent, kase)) ?? call;
      return `the function that made ${chan.text} closes it once a sender fails (${firstLine(what.text)} in case ${comm}:, line ${what.startPosition.row + 1}), not after its senders are done, and a send that gives up once ${source.expr} is done makes its sender fail (return ${source.expr}.Err()): the other senders' sends would then panic on the closed channel`;
    }
  }
  return undefined;
}

/** Whether a send hands on an error: its value is `err`, `…Err…`, or a call of `fmt.Errorf`/`errors.…`. */
function touchesErr(s: Node): boolean {
  return /^(\w*[eE]rr\w*|fmt\.Errorf\(.*|errors\.\w+\(.*)$/s.test(s.childForFieldName('value')?.text ?? '');
}

/** The channel a case's communication receives from: `err := <-errCh`, `<-errCh`. */
function receivedFrom(comm: Node | null): string | undefined {
  const expr = comm?.type === 'receive_statement' ? comm.childForFieldName('right') : comm?.type === 'expression_statement' ? comm.namedChild(0) : comm;
  const operand = expr?.type === 'unary_expression' && expr.text.startsWith('<-') ? expr.childForFieldName('operand') : undefined;
  return operand ? unparen(operand).text : undefined;
}
