import { launchedLiteral, literalKeptByResult } from '../outlives/launched-literal.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { afterServeStopped } from './after-serve-stopped.js';
import { onlyLoggedWith } from '../outlives/detached.js';
import { reportsOutcome } from '../writes/reports-outcome.js';
import { ancestors, contains, FUNCTION_TYPES, unparen, type Node } from '../../../src/go/syntax.js';
import { nameWords } from '../../../src/go/name-words.js';
import { declarationOf } from '../../../src/go/scope.js';

// A call that runs once a shutdown was waited for: after `<-w.tomb.Dying()` (or `<-s.stopCh`) as a
// statement of the same function body, or in a `case <-w.tomb.Dying():` holding it. The context
// in scope is most often made from what is shutting down (juju's watchers take
// `w.tomb.Context(…)`, cancelled as the tomb dies): by then it is done, and the call meant to
// tell the other side of the shutdown (a watcher's Stop) would fail before it is sent.

/** Methods whose channel is closed as their owner shuts down. */
const SIGNAL_METHODS = new Set(['Dying', 'Dead', 'Done', 'Closing', 'Closed', 'Stopping', 'Stopped', 'Quit']);

/** A channel's name saying it signals a shutdown: its first word one of these (`stopCh`, `quit`, `doneC`, `termCh`)… */
const FIRST_WORD = /^(stop|stopped|stopping|quit|quitting|done|closing|closed|shutdown|shutting|die|dying|dead|exit|exiting|term\w*)$/;
/** …or a later word one of these (`serverStop`, `tombDying`): not `done`, `closed`, `exit` (`readDone`: a piece of work finished). */
const LATER_WORD = /^(stop|stopping|quit|shutdown|closing|die|dying|term\w*)$/;

/** The words of a Go name, lower case: `stopCh` → stop, ch; `shutdown_chan` → shutdown, chan. */
const words = (name: string): string[] => nameWords(name).map((w) => w.toLowerCase());

/** Whether the received expression is a shutdown signal: `w.tomb.Dying()`, `stop`, `w.stopCh`. */
function isShutdownSignal(operand: Node): boolean {
  const e = unparen(operand);
  if (e.type === 'call_expression') {
    const fn = e.childForFieldName('function');
    const args = e.childForFieldName('arguments');
    return fn?.type === 'selector_expression' && args?.namedChildCount === 0 && SIGNAL_METHODS.has(fn.childForFieldName('field')?.text ?? '');
  }
  const name = e.type === 'identifier' ? e.text : e.type === 'selector_expression' ? e.childForFieldName('field')?.text : undefined;
  if (!name) return false;
  const [first, ...rest] = words(name);
  return FIRST_WORD.test(first ?? '') || rest.some((w) => LATER_WORD.test(w));
}

/** A bare receive, `<-x` (as a statement or a select case's communication): its operand. */
function bareReceive(n: Node | null): Node | undefined {
  // A case's `<-x` is a receive statement with no left side (`v := <-x` is not bare).
  const e = n?.type === 'expression_statement' ? n.namedChild(0) : n?.type === 'receive_statement' && !n.childForFieldName('left') ? n.childForFieldName('right') : n;
  return e?.type === 'unary_expression' && e.childForFieldName('operator')?.text === '<-' ? e.childForFieldName('operand') ?? undefined : undefined;
}

/** `tctx.Done()` of a local made from the source (`tctx, cancel := context.WithTimeout(ctx, d)`): its name and maker, as written. */
function derivedContext(operand: Node, source: CancellationSource, at: Node): { name: string; made: string } | undefined {
  const e = unparen(operand);
  const fn = e.type === 'call_expression' ? e.childForFieldName('function') : null;
  const owner = fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Done' ? fn.childForFieldName('operand') : null;
  if (owner?.type !== 'identifier' || owner.text === source.expr || !source.isContext) return undefined;
  const found = declarationOf(owner.text, at);
  const value = found && 'local' in found ? found.local.value : undefined;
  const maker = value?.type === 'call_expression' ? value.childForFieldName('function')?.text ?? '' : '';
  const parent = value?.childForFieldName('arguments')?.namedChildren[0]?.text.replace(/\s/g, '');
  return /(^|\.)With\w+$/.test(maker) && parent === source.expr.replace(/\s/g, '') ? { name: owner.text, made: `${maker}(${source.expr}, …)` } : undefined;
}

/** Why `call` may not be given the context: it runs after a shutdown signal was received in its own function body. */
export function afterShutdownSignal(call: Node, source: CancellationSource): string | undefined {
  for (const a of ancestors(call)) {
    if (FUNCTION_TYPES.has(a.type)) break;
    let signal: string | undefined;
    let operand: Node | undefined;
    if (a.type === 'statement_list') {
      for (let s = a.firstNamedChild; s && s.startIndex < call.startIndex && !signal; s = s.nextNamedSibling) {
        operand = !contains(s, call) ? bareReceive(s) : undefined;
        if (operand && isShutdownSignal(operand)) signal = `after ${s.text}`;
      }
    }
    if (a.type === 'communication_case') {
      const comm = a.childForFieldName('communication');
      operand = comm && !contains(comm, call) ? bareReceive(comm) : undefined;
      if (operand && isShutdownSignal(operand)) signal = `in case ${comm!.text}:`;
    }
    // The end of a context made from this one (`tctx, cancel := context.WithTimeout(ctx, d)`):
    // ctx is done there only when its end is what ended tctx; tctx may have ended on its own.
    const derived = signal && operand ? derivedContext(operand, source, call) : undefined;
    if (signal && derived) {
      return `the call runs ${signal}: ${derived.name} is done there, a context made from ${source.expr} (${derived.made}); ${source.expr} may be alive (${derived.name} ending on its own) or done (its end ending ${derived.name} too), and given ${source.expr} the call would then fail at once`;
    }
    if (signal) {
      return `the call runs ${signal}, a shutdown signal: by then ${source.expr} is likely done (a context made from what is shutting down), and given ${source.expr} this call would fail`;
    }
  }
  return afterServeStopped(call, source) ?? reportsOutcome(call, source) ?? launchedLiteral(call, source) ?? literalKeptByResult(call, source) ?? onlyLoggedWith(call, source);
}
