import { regexEscaped } from '../../src/go/find-by-text.js';
import { declarationOf } from '../../src/go/scope.js';
import { enclosingFunction, firstLine, same, type Node } from '../../src/go/syntax.js';
import { startingFunction } from './waited-for.js';

/** A context made with its cancel (`readCtx, cancel := context.WithCancel(ctx)`): the two names. */
const MADE = /^(\w+)\s*,\s*(\w+)\s*:?=\s*\w+\.With(?:Cancel|CancelCause|Timeout|Deadline)(?:Cause)?\(/;

/**
 * A context's cancel the goroutine defers (`defer cancel()`, `defer cancel(nil)` for
 * WithCancelCause), made by the function starting it, which then waits on that context
 * (`<-readCtx.Done()`, or a select case on it) and goes on: the cancel is the goroutine's signal
 * that its work is done, as a deferred `close(done)` would be. Recovered, a panic would still
 * cancel, and the function go on with the work half done (a variant of upspin's audit took
 * half-read directory lists for whole ones, and live blocks for garbage). The reason, if so.
 */
export function cancelWaited(stmts: Node[], go: Node): string | undefined {
  for (const st of stmts) {
    const cancel = st.type === 'defer_statement' ? /^defer\s+(\w+)\((nil)?\)\s*$/.exec(st.text)?.[1] : undefined;
    const found = cancel ? declarationOf(cancel, go) : undefined;
    if (!found || !('local' in found)) continue;
    const made = MADE.exec(found.local.decl.text);
    if (!made || made[2] !== cancel) continue;
    // The function making the context, after the go statement: a wait on it as a statement or a case.
    const maker = enclosingFunction(found.local.decl);
    if (!maker || !same(maker, startingFunction(go))) continue;
    const after = maker.text.slice(go.endIndex - maker.startIndex);
    const wait = new RegExp(`^[ \\t]*(?:case\\s+)?<-\\s*${regexEscaped(made[1])}\\.Done\\(\\)\\s*(:|$)`, 'm').exec(after);
    if (!wait) continue;
    return `the goroutine signals its end with a deferred ${firstLine(st.text).replace(/^defer\s+/, '')}, and the function that starts it waits on ${made[1]} (${wait[0].trim().replace(/:$/, '')}) and goes on: recovered, a panic would still cancel it, and the function would go on with the work half done as if it were complete (half-read data taken for the whole) where the process used to crash`;
  }
  return undefined;
}
