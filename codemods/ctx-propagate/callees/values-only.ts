import type { FileContext } from '../../../src/engine/types.js';
import { calledName } from '../../../src/go/called-functions.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { paramsOf } from '../../../src/go/scope.js';
import type { Node } from '../../../src/go/syntax.js';

/**
 * The package's function the context goes to reads only values from it (`ctx.Value(orcKey)`,
 * nothing else of it: no Done, no deadline, not handed on): the context chooses, it does not
 * cancel. Given the one in scope, the call would read that context's values, which the empty one
 * does not carry, and choose differently (tilt's docker client picked the local daemon over the
 * cluster's for a context tagged with an orchestrator). Or an accessor of any package named for
 * reading a value from a context (`…FromContext`). The value read, as written, e.g.
 * `ctx.Value(orcKey)`.
 */
export function readsOnlyValues(call: Node, ctx: FileContext): string | undefined {
  const args = call.parent;
  const target = args?.type === 'argument_list' ? args.parent : undefined;
  const callee = target?.type === 'call_expression' ? target.childForFieldName('function') : undefined;
  const named = callee ? calledName(callee) : undefined;
  if (!named) return undefined;
  // A value accessor, of any package (`trace.SpanFromContext(context.Background())`: tekton's
  // reconcilers took otel's noop span on purpose, and given ctx, ended their caller's span).
  if (/FromC(ontext|tx)$/.test(named.name)) return `${callee!.text}(…)`;
  const position = args!.namedChildren.findIndex((a) => a.id === call.id);
  for (const fn of ctx.packageIndex().functionsNamed(named.name, named.method)) {
    const param = paramsOf(fn)[position];
    const body = fn.childForFieldName('body');
    if (!param || !body || !/Context$/.test(param.typeNode.text)) continue;
    // Or tested for nil, to fall back on a default (`if ctx == nil { return globalConfig }`: rclone's GetConfig).
    const uses = [...body.text.matchAll(new RegExp(`(?<![\\w.])${regexEscaped(param.name)}\\b(\\.Value\\([^()]*\\)|\\s*[!=]=\\s*nil\\b)?`, 'g'))];
    const read = uses.find((m) => m[1]?.startsWith('.Value'));
    if (read && uses.every((m) => m[1])) return `${param.name}${read[1]}`;
  }
  return undefined;
}
