import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { callsHanding } from '../../../src/go/called-functions.js';
import { declarationOf, madeChannel } from '../../../src/go/scope.js';
import { closedChannels, enclosingFunction, firstLine, unparen, type Node } from '../../../src/go/syntax.js';
import { drainedByMaker } from '../receivers/receivers.js';

/**
 * A channel parameter (`results chan resolveResult`) that every call in the package hands a
 * channel its caller makes, starts the function with, and then reads itself to the close with no
 * way out of its loop before (`results := make(…)`, `go r.resolve(ctx, results)`, `for result :=
 * range results { … }`): every value is taken, so the send never waits for good, and a send
 * giving up once the source is done would only drop values that reader counts on (netbird's
 * resolveDomains returned a partial route map with a nil error). Not when a caller asks its
 * context after the call (`ctx.Err()`): it tells values dropped from a whole. The reason, or undefined.
 */
export function drainedByCallersReason(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const found = chan.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  if (!found || !('param' in found)) return undefined;
  const handing = callsHanding(found.param, ctx.packageIndex());
  const calls = handing?.calls ?? [];
  if (calls.length === 0) return undefined;
  const callers: string[] = [];
  let how: string | undefined;
  for (const { call, arg } of calls) {
    const made = arg?.type === 'identifier' ? madeChannel(arg.text, call) : undefined;
    if (!made) return undefined;
    const caller = enclosingFunction(made.decl);
    // A caller asking its context once the values stop (`return all, ctx.Err()`) tells a stream
    // cut short from a whole one: the fix stays.
    const asks = !caller || /\.Err\(\)|\.Done\(\)/.test(caller.text.slice(call.endIndex - caller.startIndex));
    const drained = asks ? undefined : drainedByMaker(caller!, arg!.text, ctx);
    if (!drained) return undefined;
    const name = `${caller!.childForFieldName('name')?.text ?? 'a function literal'}()`;
    if (!callers.includes(name)) callers.push(name);
    how ??= /^reading |\(…\)/.test(drained) ? drained : `for ${drained}`;
  }
  const closer = closedChannels(found.param.fn).some((c) => c.text === chan.text) ? `${handing!.callee}() closes it` : 'it is closed';
  const which = callers.length > 1 ? `${callers.join(', ')}, which each read` : `${callers[0]}, which reads`;
  return `${chan.text} is handed in by ${which} it until ${closer} (${firstLine(how!)}, with no way out of the loop before): every value is taken, and a send giving up once ${source.expr} is done would only drop values that reader counts on`;
}
