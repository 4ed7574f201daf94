import { declarationOf } from '../../src/go/scope.js';
import { ancestors, type Node } from '../../src/go/syntax.js';

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

/** The name an `if` tests against nil (`ctx == nil`) when it is the context or a local copy of it (`ctx := s.origCtx`). */
function nilTested(ifStmt: Node, expr: string, at: Node): string | undefined {
  const cond = ifStmt.childForFieldName('condition')?.text.replace(/\s/g, '') ?? '';
  for (const m of cond.matchAll(/([\w.]+)==nil/g)) {
    if (m[1] === expr) return expr;
    const decl = declarationOf(m[1], at);
    if (decl && 'local' in decl && decl.local.value?.text.replace(/\s/g, '') === expr.replace(/\s/g, '')) return m[1];
  }
  return undefined;
}
