import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, enclosingFunction, type Node } from '../../../src/go/syntax.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';

/**
 * Why the call cannot be given the context in scope: it is under `if ctx == nil`, or a test of a
 * local copy of it (`ctx := s.origCtx; if ctx == nil { ctx = trace.ContextWithSpan(context.Background(),
 * s) }`: opentelemetry's span End), where that context is nil. Before any other reason: it is the
 * one that settles it.
 */
export function nilGuardReason(call: Node, expr: string): string | undefined {
  for (const a of ancestors(call)) {
    const nil = a.type === 'if_statement' ? nilTested(a, expr, call) : undefined;
    if (nil) return `the call is under if ${a.childForFieldName('condition')!.text}: there ${nil === expr ? expr : `${nil}, a copy of ${expr},`} is nil`;
  }
  return undefined;
}

/**
 * The name an `if` tests against nil (`ctx == nil`) when it is the context or a copy of it: a
 * local (`ctx := s.origCtx`), or a field of a local given it before the test (`inv :=
 * &Invocation{Ctx: ctx}`, or `inv.Ctx = ctx`: go-chassis' invocation.New, whose nil ctx became a
 * panic).
 */
function nilTested(ifStmt: Node, expr: string, at: Node): string | undefined {
  const cond = ifStmt.childForFieldName('condition')?.text.replace(/\s/g, '') ?? '';
  const given = expr.replace(/\s/g, '');
  for (const m of cond.matchAll(/([\w.]+)==nil/g)) {
    if (m[1] === expr) return expr;
    const decl = declarationOf(m[1], at);
    if (decl && 'local' in decl && decl.local.value?.text.replace(/\s/g, '') === given) return m[1];
    const field = /^(\w+)\.(\w+)$/.exec(m[1]);
    if (field && fieldGiven(field[1], field[2], given, ifStmt)) return m[1];
  }
  return undefined;
}

/** Whether `local.field` holds `given` at `ifStmt`: set so in the local's composite literal, or assigned so before it in the function. */
function fieldGiven(local: string, field: string, given: string, ifStmt: Node): boolean {
  const decl = declarationOf(local, ifStmt);
  const value = decl && 'local' in decl ? decl.local.value?.text.replace(/\s/g, '') ?? '' : '';
  if (new RegExp(`^&?[\\w.]+\\{(.*[{,])?${field}:${regexEscaped(given)}[,}]`).test(value)) return true;
  const fn = enclosingFunction(ifStmt);
  const before = fn ? fn.text.slice(0, ifStmt.startIndex - fn.startIndex) : '';
  return new RegExp(`\\b${local}\\.${field}\\s*=\\s*${regexEscaped(given)}\\s*$`, 'm').test(before);
}
