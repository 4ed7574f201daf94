import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { ancestors, closureName, enclosingFunction, firstLine, FUNCTION_TYPES, same, type Node } from '../../../src/go/syntax.js';
import { callsOfFunction } from '../callers/called-once-done.js';

/**
 * A singleflight-style call: \`Do\`, \`DoChan\`, \`DoEx\` (golang.org/x/sync/singleflight and its
 * copies), a batcher's \`BatchFor\` or a cache's \`Compute\` (lakeFS: one run per key and window,
 * its result handed to every caller waiting on the key).
 */
const SHARED_CALL = /(^|\.)(Do(Chan|Ex)?|BatchFor|Compute)$/;

/**
 * The call is in a function literal, taking no parameters, handed to a singleflight-style call
 * with a key before it (`sf.DoChan(key, func() (interface{}, error) { … })`, or a closure kept in
 * a local and handed so): the work runs once for every caller that joins the same key, under the
 * first caller's goroutine, and given that caller's context, its cancellation would fail the work
 * for callers whose own context is alive (tikv's collapsed region requests). The call as written
 * up to its paren, with its key, e.g. `sf.DoChan(key, …)`.
 */
export function sharedByJoiners(call: Node, source: CancellationSource): string | undefined {
  for (const literal of ancestors(call).filter((a) => a.type === 'func_literal')) {
    if (same(literal, source.fn)) break;
    if ((literal.childForFieldName('parameters')?.namedChildCount ?? 0) > 0) continue;
    const handed = sharedCallOf(literal, source) ?? handedByName(literal, source);
    if (handed) return handed;
  }
  return undefined;
}

/**
 * \`sf.Do(key, <arg>)\` with \`arg\` its last argument (or converted to a function type there,
 * \`batch.ExecuterFunc(<arg>)\`) and a key before it, the first argument not a context
 * (\`b.BatchFor(ctx, key, delay, …)\`): the call, e.g. \`sf.Do(key, …)\`.
 */
function sharedCallOf(arg: Node, source: CancellationSource): string | undefined {
  const converted = arg.parent?.type === 'argument_list' && arg.parent.namedChildCount === 1 && /Func$/.test(arg.parent.parent?.childForFieldName('function')?.text ?? '') ? arg.parent.parent! : arg;
  const list = converted.parent;
  const given = list?.type === 'argument_list' ? list.parent : undefined;
  const fn = given?.childForFieldName('function')?.text ?? '';
  const args = list?.namedChildren ?? [];
  if (!SHARED_CALL.test(fn) || args.length < 2 || !same(args.at(-1), converted)) return undefined;
  const isContext = (a: Node) => a.text === source.expr || /(^|\.)(ctx|\w*Ctx|context)$|\.Context\(\)$/.test(a.text);
  const key = args.slice(0, -1).find((a) => !isContext(a));
  // Do and DoChan take the key alone before the work.
  if (!key || (/(^|\.)Do(Chan|Ex)?$/.test(fn) && args.length !== 2)) return undefined;
  return `${fn}(${args.indexOf(key) > 0 ? '…, ' : ''}${key.text.length <= 30 ? key.text : '…'}, …)`;
}

/** `fn := func() (interface{}, error) { … }`, then `sf.Do(key, fn)` in the function declaring it. */
function handedByName(literal: Node, source: CancellationSource): string | undefined {
  const name = closureName(literal);
  const scope = name ? enclosingFunction(literal) : undefined;
  for (const id of scope?.descendantsOfType('identifier') ?? []) {
    if (id.text !== name || id.startIndex <= literal.endIndex) continue;
    const shared = sharedCallOf(id, source);
    if (shared) return shared;
  }
  return undefined;
}

/**
 * For a context parameter: a call of its function in the package sits in work shared by the
 * callers of one key (\`tfs.remoteFileCache.Compute(filename, func() (any, error) { return nil,
 * tfs.downloadFromStorage(ctx, filename) })\`): given the parameter, the first caller's
 * cancellation would fail the shared work for all (lakeFS' tiered download). The reason, or undefined.
 */
export function calledInSharedWork(source: CancellationSource, index: PackageIndex): string | undefined {
  for (const { call } of callsOfFunction(source, index)?.calls ?? []) {
    const outer = ancestors(call).filter((a) => FUNCTION_TYPES.has(a.type)).pop();
    if (!outer || same(outer, source.fn)) continue;
    const shared = sharedByJoiners(call, { ...source, fn: outer });
    if (shared) return `${firstLine(call.text)} calls this function in a function literal handed to ${shared}, whose work is shared by every caller that joins the same key: given ${source.expr}, one caller's cancellation would fail that work for all of them`;
  }
  return undefined;
}
