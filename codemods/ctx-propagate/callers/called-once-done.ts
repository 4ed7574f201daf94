import type { CancellationSource } from '../../../src/go/cancellation.js';
import { callsHanding } from '../../../src/go/called-functions.js';
import { doneAt } from '../../../src/go/done-at.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { declarationOf, paramsOf } from '../../../src/go/scope.js';
import { ancestors, enclosingFunction, rootName, same, type Node } from '../../../src/go/syntax.js';

// A function whose context parameter is, at one of the package's calls, a context already done
// there: `case <-ctx.Done(): app.saveSnapshot(ctx)`, or after `<-ctx.Done()`, `cancel()` or under
// `if ctx.Err() != nil` in the caller. The empty context inside it is what lets its work run then
// (ledisdb's last snapshot on exit); given the parameter, it would fail at once at that call. One
// such caller is enough: the rewrite changes the function for every caller, that one included.

/**
 * For a context parameter `source`: the package's calls of its function that hand it an argument
 * there, by the function's name (a method's on a value, \`app.saveSnapshot(…)\`, a function's by its
 * name alone), with what each hands the parameter.
 */
export function callsOfFunction(source: CancellationSource, index: PackageIndex): { callee: string; calls: { call: Node; arg: Node | undefined }[] } | undefined {
  if (source.kind !== 'ctx-param') return undefined;
  const param = paramsOf(source.fn).find((p) => p.name === source.expr);
  const handing = param ? callsHanding(param, index) : undefined;
  if (!handing) return undefined;
  const by = source.fn.type === 'method_declaration' ? 'selector_expression' : 'identifier';
  return { callee: handing.callee, calls: handing.calls.filter(({ call }) => call.childForFieldName('function')?.type === by) };
}

/**
 * For a context parameter `source`: a call of its function in the package that hands it a context
 * done at the call (`app.saveSnapshot(ctx)` in `case <-ctx.Done():` of Run). The reason, or undefined.
 */
export function calledOnceDone(source: CancellationSource, index: PackageIndex): string | undefined {
  const handing = callsOfFunction(source, index);
  if (!handing) return undefined;
  for (const { call, arg } of handing.calls) {
    const caller = enclosingFunction(call);
    if (!arg || !caller || same(caller, source.fn)) continue;
    if (arg.type !== 'identifier' && arg.type !== 'selector_expression') continue;
    const kind = arg.type === 'selector_expression' ? 'ctx-field' : 'ctx-param';
    const top = [caller, ...ancestors(caller)].filter((a) => a.type === 'method_declaration' || a.type === 'function_declaration').pop();
    // Looked for out to the function declaring the context, for a call in a function literal
    // given one captured from around it (`returnOnce.Do(func() { cmd.errorWithFallback(ctx,
    // ctx.Err()) })` in GoC's `case <-ctx.Done():`: hystrix-go). Once done, a context stays done,
    // however late the literal runs; not a callback of an earlier call that may end it (run by
    // another goroutine, it may not have: swarmkit's agent, run beside its manager).
    const scope = declaringFunction(arg, call) ?? (kind === 'ctx-field' ? top : undefined) ?? caller;
    const at = (fn: Node) => doneAt(call, fn, { ...source, kind, expr: arg.text, fn });
    const inner = at(caller);
    const outer = inner || same(scope, caller) ? undefined : at(scope);
    const done = inner ?? (outer?.includes('whose callback runs') ? undefined : outer);
    if (!done) continue;
    const where = top?.childForFieldName('name')?.text ?? 'its caller';
    return `${handing.callee}() is called by ${where} with ${arg.text} once that is done (${done}): there ${source.expr} is cancelled already, and given ${source.expr} this call would fail at once`;
  }
  return undefined;
}

/** The function declaring the name an argument starts from (`ctx` of the function around a literal that uses it), if the name is a parameter or a local. */
function declaringFunction(arg: Node, at: Node): Node | undefined {
  const root = rootName(arg);
  const found = root ? declarationOf(root.text, at) : undefined;
  if (!found) return undefined;
  return 'param' in found ? found.param.fn : enclosingFunction(found.local.decl);
}
