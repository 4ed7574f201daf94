import type { CancellationSource } from '../../../src/go/cancellation.js';
import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';
import { contains, firstLine, type Node } from '../../../src/go/syntax.js';
import { returnsNilOnDone } from './done-without-error.js';

// A function that tells its stop from a failure: once its context is done it returns nil (`<-ctx.Done();
// return nil`, `case <-ctx.Done(): return nil`), while an error of the call fails it (`if err != nil
// { return fmt.Errorf("failed to join the ring: %w", err) }`). Given that context, a stop during
// the call would end the function as a failure, and what its owner runs only after a clean stop
// (a flush, a deregistration) would be skipped (cortex's lifecycler, whose ring join, given the
// service's context, failed on a stop and skipped the ingester's flush).

/** Why the call keeps its empty context: the reason, in full. */
export function stopToldFromFailure(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param') return undefined;
  const fn = source.fn;
  let stmt: Node | null = call;
  while (stmt && stmt.parent?.type !== 'statement_list') stmt = stmt.parent;
  if (!stmt) return undefined;
  // The error checked in the statement's own `if err := …; err != nil`, or in the next statement.
  const initializer = stmt.type === 'if_statement' ? stmt.childForFieldName('initializer') : null;
  let next: Node | null = initializer && contains(initializer, call) ? stmt : stmt.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  const cond = next?.type === 'if_statement' ? next.childForFieldName('condition')?.text.replace(/\s/g, '') : undefined;
  const failure = cond === 'err!=nil' ? next!.childForFieldName('consequence')?.descendantsOfType('return_statement').find((r) => /\berr\b/.test(r.text)) : undefined;
  const assigned = (initializer && contains(initializer, call) ? initializer : stmt).descendantsOfType('identifier').some((id) => id.text === 'err' && id.parent?.type === 'expression_list');
  if (!failure || !assigned) return undefined;
  const expr = regexEscaped(source.expr);
  const after = codeOnly(fn.text.slice(next!.endIndex - fn.startIndex));
  const stop = new RegExp(`(?:^|\\n)\\s*(?:case\\s+)?<-\\s*${expr}\\.Done\\(\\)\\s*:?\\s*\\n\\s*return(?:\\s+nil)?\\s*(?:\\n|$)`).exec(after);
  // Or a nil return further into the case (`case <-ctx.Done(): level.Info(…).Log(…); return nil`).
  const clean = stop ? stop[0].trim().replace(/:?\s*\n\s*/, (m) => (m.startsWith(':') ? ': ' : '; ')).replace(/\s+/g, ' ') : returnsNilOnDone(fn, source.expr, 1, next!.endIndex);
  if (!clean) return undefined;
  return `the function tells its stop from a failure: once ${source.expr} is done it returns cleanly (${clean}), while this call's error fails it (${firstLine(failure.text)}); given ${source.expr}, a stop during the call would end it as a failure, and what runs only after a clean stop (a flush, a deregistration) would be skipped`;
}
