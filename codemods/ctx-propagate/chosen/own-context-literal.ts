import type { CancellationSource } from '../../../src/go/cancellation.js';
import { paramsOf } from '../../../src/go/scope.js';
import { ancestors, contains, same, type Node } from '../../../src/go/syntax.js';

/**
 * Why the call must not be given the context in scope: a function literal around it, inside the
 * function the context comes from, takes a context of its own and leaves it unnamed or `_`
 * (`getClientAssertions := func(context.Context) (string, error) { … GetToken(context.Background(),
 * …) … }`, handed to a credential that calls it at each token refresh: rclone's Azure workload
 * identity). Whoever calls the literal hands it the context it runs under, perhaps long after
 * the one in scope ended.
 */
export function ownContextLiteralReason(call: Node, source: CancellationSource): string | undefined {
  for (const a of ancestors(call)) {
    if (same(a, source.fn) || !contains(source.fn, a)) break;
    if (a.type !== 'func_literal') continue;
    const params = a.childForFieldName('parameters')?.namedChildren ?? [];
    const unnamedContext = params.some((p) => /^(_\s+)?context\.Context$/.test(p.text.trim()) && !paramsOf(a).some((n) => n.typeNode.id === p.childForFieldName('type')?.id));
    if (unnamedContext) return `the function literal around the call takes a context of its own and leaves it unnamed (${a.text.slice(0, a.text.indexOf('{')).trim()}): whoever calls it hands it the context it runs under, perhaps long after ${source.expr} ended (a credential's callback run at each token refresh), and given ${source.expr}, the call would fail then`;
  }
  return undefined;
}
