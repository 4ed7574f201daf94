import { doneReceive, type CancellationSource } from '../../../src/go/cancellation.js';
import { ancestors, FUNCTION_TYPES, statementsOf, type Node } from '../../../src/go/syntax.js';
import { loopShape } from '../../../src/go/loops.js';
import { nameWords } from '../../../src/go/name-words.js';

const LOOPS = new Set(['for_statement']);

/**
 * The send is followed, on its own path, by a statement that waits for a source to end (`addrCh
 * <- s.Addr`, then `<-ctx.Done()`, or a select with that one case): the function serves until
 * then, so the value reports that it has started, as a `hasStarted` channel does, and its reader
 * waits for it; a select on the source would drop it during a shutdown at start-up and leave that
 * reader waiting for good (imgproxy's StartServer). Not a send in a loop: that one streams values.
 * The source, and the wait and its line.
 */
export function servedUntilDone(send: Node, inScope: CancellationSource[]): { source: string; wait: string; line: number } | undefined {
  const waits = new Map(inScope.map((s) => [doneReceive(s).replace(/\s/g, ''), s.expr]));
  let child = send;
  for (const a of ancestors(send)) {
    if (FUNCTION_TYPES.has(a.type) || LOOPS.has(a.type)) return undefined;
    if (a.type === 'statement_list') {
      for (let next = child.nextNamedSibling; next; next = next.nextNamedSibling) {
        if (next.type === 'return_statement') return undefined;
        const waited = waitedOn(next) ?? (startNotice(send) ? servedLoopStop(next) : undefined);
        const source = waits.get(waited ?? '');
        if (source) return { source, wait: next.type === 'select_statement' ? `select { case ${waited}: … }` : next.type === 'for_statement' ? `for { select { … case ${waited}: return } }` : waited!, line: next.startPosition.row + 1 };
      }
    }
    child = a;
  }
  return undefined;
}

/** A send on a channel named for a start-up notice (`t.cfg.notifier`, `started`, `readyCh`). */
function startNotice(send: Node): boolean {
  const name = send.childForFieldName('channel')?.text.split('.').pop() ?? '';
  return nameWords(name).some((w) => /^(notifier|notify|notification|started|start|startup|ready|up|init|initialized)$/i.test(w));
}

/**
 * A loop for good whose select returns once a source is done (`for { select { case ts :=
 * <-timer.C: … case <-ctx.Done(): return } }`: telegraf's clock, which notifies its start, then
 * ticks until stopped): that receive, without spaces.
 */
function servedLoopStop(stmt: Node): string | undefined {
  if (stmt.type !== 'for_statement' || loopShape(stmt).kind !== 'forever') return undefined;
  const select = statementsOf(stmt.childForFieldName('body')).find((c) => c.type !== 'comment');
  if (select?.type !== 'select_statement') return undefined;
  for (const kase of select.namedChildren.filter((c) => c.type === 'communication_case')) {
    const comm = kase.childForFieldName('communication');
    const recv = comm?.type === 'receive_statement' && !comm.childForFieldName('left') ? comm.childForFieldName('right') : comm?.type === 'expression_statement' ? comm.namedChildren[0] : undefined;
    const body = kase.namedChildren.find((c) => c.type === 'statement_list')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    if (recv?.type === 'unary_expression' && body.length === 1 && body[0].type === 'return_statement') return recv.text.replace(/\s/g, '');
  }
  return undefined;
}

/** `<-ctx.Done()` as a statement, or a select whose one case is that receive: the receive, without spaces. */
function waitedOn(stmt: Node): string | undefined {
  if (stmt.type === 'expression_statement') {
    const e = stmt.namedChildren[0];
    return e?.type === 'unary_expression' && e.childForFieldName('operator')?.text === '<-' ? e.text.replace(/\s/g, '') : undefined;
  }
  if (stmt.type !== 'select_statement') return undefined;
  const cases = stmt.namedChildren.filter((c) => c.type !== 'comment');
  const comm = cases.length === 1 && cases[0].type === 'communication_case' ? cases[0].childForFieldName('communication') : undefined;
  const recv = comm?.type === 'receive_statement' ? comm.childForFieldName('right') : comm?.type === 'expression_statement' ? comm.namedChildren[0] : undefined;
  return recv?.type === 'unary_expression' ? recv.text.replace(/\s/g, '') : undefined;
}
