import type { CancellationSource } from './cancellation.js';
import { enclosingFunction, isLogStatement, same, statementsOf, unparen, type Node } from './syntax.js';

/** A call asking whether a context is done by its name, given the context alone: `common.IsDone(ctx)`, `ctxDone(ctx)`, `isCanceled(ctx)`. */
const ASKS_DONE = /(^|\.)\w*(Done|[Cc]ancel+ed|[Ee]xpired)$/;

/**
 * The function's own checks of a context being done, outside a select: `if ctx.Err() != nil {`,
 * `if common.IsDone(ctx) {` (no else), each with the statements of its branch, logging aside. A
 * way out added for the same end then leaves as they do (trufflehog's syslog reader returns nil
 * once its scan is cancelled; a new `return ctx.Err()` would have reported the cancel as a
 * failure).
 */
export function doneChecks(fn: Node, source: CancellationSource): { kase: Node; stmts: Node[] }[] {
  if (!source.isContext) return [];
  const expr = source.expr.replace(/\s/g, '');
  const own = (s: Node) => s.type !== 'comment' && !isLogStatement(s);
  const checks = fn.descendantsOfType('if_statement').flatMap((check) => {
    const cond = check.childForFieldName('condition');
    const body = check.childForFieldName('consequence');
    if (!cond || !body || check.childForFieldName('alternative') || check.childForFieldName('initializer') || !same(enclosingFunction(check), fn)) return [];
    if (!asksDone(unparen(cond), expr) && !CANCELED.test(cond.text)) return [];
    return [{ kase: check, stmts: statementsOf(body).filter(own) }];
  });
  // `switch { case errors.Is(err, context.Canceled): return nil; … }`: consul's event subscription,
  // whose caller logs any error it returns as a failure.
  const cases = fn.descendantsOfType('expression_case').flatMap((kase) => {
    const values = kase.childForFieldName('value')?.namedChildren ?? [];
    const tagless = kase.parent?.type === 'expression_switch_statement' && !kase.parent.childForFieldName('value');
    return tagless && values.length === 1 && CANCELED.test(values[0].text) && same(enclosingFunction(kase), fn) ? [{ kase, stmts: statementsOf(kase).filter(own) }] : [];
  });
  return [...checks, ...cases];
}

/** A test that an error is a cancel: `errors.Is(err, context.Canceled)`, `err == context.Canceled`. */
const CANCELED = /^(errors\.Is\(\s*\w+\s*,\s*context\.Canceled\s*\)|\w+\s*==\s*context\.Canceled)$/;

/** `ctx.Err() != nil`, or a call named for asking it, given `ctx` alone (`expr` written without spaces). */
export function asksDone(cond: Node, expr: string): boolean {
  if (cond.type === 'binary_expression') {
    return cond.childForFieldName('operator')?.text === '!=' && cond.childForFieldName('right')?.text === 'nil' && cond.childForFieldName('left')!.text.replace(/\s/g, '') === `${expr}.Err()`;
  }
  if (cond.type !== 'call_expression') return false;
  const args = cond.childForFieldName('arguments')?.namedChildren ?? [];
  return args.length === 1 && args[0].text.replace(/\s/g, '') === expr && ASKS_DONE.test(cond.childForFieldName('function')?.text ?? '');
}
