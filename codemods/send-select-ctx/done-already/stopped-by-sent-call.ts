import type { CancellationSource } from '../../../src/go/cancellation.js';
import { calledTextWhere } from '../../../src/go/called-functions.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { ancestors, FUNCTION_TYPES, unparen, type Node } from '../../../src/go/syntax.js';
import { declarationOf, declaredTypeName } from '../../../src/go/scope.js';
import type { FileContext } from '../../../src/engine/types.js';

/**
 * The send hands on what a call of the package returns, and that call closes the source itself,
 * or calls what does (`results <- a.hit(tr, atk)`, where `hit` calls `a.Stop()` once its targets
 * run out, and Stop closes `a.stopch`): the value reports why the work stops, and a select on the
 * source, done by then, would drop that very report. Only a method of the type the source is a
 * field of, closing its receiver's field, counts. The call and how it closes the source, e.g.
 * `a.hit(…) returns, and that call closes a.stopch through Stop()`.
 */
export function stoppedBySentCall(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  if (source.kind !== 'done-field') return undefined;
  const value = send.childForFieldName('value');
  const call = value ? unparen(value) : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (!callee) return undefined;
  const dot = source.expr.lastIndexOf('.');
  const field = source.expr.slice(dot + 1);
  // The field of the value the source is on (`a.stopch`, `a` an `*attack`): a close of a field of
  // that name on another type (a consumer group's `close(cg.done)`, reached by a name such as
  // `Close`) is not a close of the source.
  const owner = /^\w+$/.test(source.expr.slice(0, dot)) ? declaredTypeName(source.expr.slice(0, dot), send) : undefined;
  if (!owner) return undefined;
  const closesOwn = (text: string) => {
    const receiver = /^func\s*\(\s*(\w+)\s+\*?(\w+)\b/.exec(text);
    return !!receiver && receiver[2] === owner && new RegExp(`\\bclose\\(\\s*${receiver[1]}\\.${regexEscaped(field)}\\s*\\)`).test(text);
  };
  const found = calledTextWhere([callee], ctx.packageIndex(), closesOwn);
  if (!found) return undefined;
  const how = found.via === `${callee.text}()` ? 'itself' : `through ${found.via}`;
  return `${callee.text}(…) returns, and that call closes ${source.expr} ${how}`;
}

/**
 * The send reports why a server stopped (`errChan <- s.Serve(lis)`, or `err := srv.ListenAndServe()`
 * sent later), and the function stops that server itself (`<-ctx.Done(); s.GracefulStop()`): the
 * server returns because the source is done, so the report always comes after it, and a select
 * on the source would drop it (tink's servers: main waited for both reports on shutdown and hung).
 * The serve call and the stop, as written.
 */
export function reportsServerEnd(send: Node, fn: Node): { serve: string; stop: string } | undefined {
  let value = send.childForFieldName('value');
  if (value?.type === 'identifier') {
    const found = declarationOf(value.text, send);
    value = found && 'local' in found ? (found.local.value ?? null) : null;
  }
  const call = value ? unparen(value) : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  const server = callee?.type === 'selector_expression' && /^(Serve\w*|ListenAndServe\w*)$/.test(callee.childForFieldName('field')!.text) ? callee.childForFieldName('operand')!.text : undefined;
  const top = [fn, ...ancestors(fn)].filter((a) => FUNCTION_TYPES.has(a.type)).at(-1);
  const stop = server && top ? new RegExp(`(?<![\\w.])${regexEscaped(server)}\\.(GracefulStop|Shutdown|Stop|Close)\\(`).exec(top.text) : null;
  return stop ? { serve: `${callee!.text}(…)`, stop: `${stop[0]}…)` } : undefined;
}
