import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { positionalParams } from '../../../src/go/scope.js';
import { enclosingFunction, firstLine } from '../../../src/go/syntax.js';
import { inFailureBranchOf } from '../unusable-context/failure-branch.js';

/**
 * The function the empty context is in is a helper of the package called only (at least once, and
 * every call the package makes of it) in the branch for a failure of a call given the context the
 * helper is handed (`v, err := p.handler.Add(ctx, a, b); if err != nil { p.writeException(ctx,
 * oprot, "add", err); return err }`): its calls run once that work failed, often because the
 * context ended, and given it they would fail at once (a variant of thrift's processor, whose
 * exception, its write and flush given the request's ended context, never reached the client).
 * As the inline case's reason (inFailureBranchOf), naming the caller's branch.
 */
export function helperCalledOnFailure(source: CancellationSource, index: PackageIndex): string | undefined {
  const fn = source.fn;
  const name = fn.childForFieldName('name')?.text;
  if (source.kind !== 'ctx-param' || !name || (fn.type !== 'function_declaration' && fn.type !== 'method_declaration')) return undefined;
  const params = positionalParams(fn);
  const position = params.indexOf(source.expr);
  if (position < 0 || /\.\.\./.test(fn.childForFieldName('parameters')?.text ?? '')) return undefined;
  // The package's calls of it by name, with as many arguments as it has parameters.
  const calls = index.callsNamed(name).filter((c) => c.childForFieldName('arguments')?.namedChildCount === params.length);
  if (calls.length === 0) return undefined;
  let first: string | undefined;
  for (const call of calls) {
    const handed = call.childForFieldName('arguments')!.namedChildren[position];
    const caller = enclosingFunction(call);
    if (!handed || !caller || !/^[\w.]+$/.test(handed.text)) return undefined;
    const failed = inFailureBranchOf(call, { ...source, expr: handed.text, fn: caller }, false);
    if (!failed) return undefined;
    const callerName = caller.childForFieldName('name')?.text ?? 'a function literal';
    first ??= `${firstLine(call.text)} in ${callerName}, in the branch for a failure of ${failed}`;
  }
  const more = calls.length > 1 ? ` (and its ${calls.length - 1} other call${calls.length > 2 ? 's' : ''} likewise)` : '';
  return `${name} is called only once work given the context failed (${first}${more}): that failure may be the context's end, and given ${source.expr} the calls here would fail at once`;
}
