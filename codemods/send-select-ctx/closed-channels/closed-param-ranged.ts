import type { FileContext } from '../../../src/engine/types.js';
import { callsHanding } from '../../../src/go/called-functions.js';
import type { Param } from '../../../src/go/scope.js';
import { ancestors, closedChannels, firstLine, FUNCTION_TYPES, same, type Node } from '../../../src/go/syntax.js';

// A stream handed in as a parameter (`out chan<- string`) that the function closes itself once it
// has sent everything (`defer close(out)`), where every caller in the package that hands it a
// channel ranges over that channel to the close (`go streamQueries(ctx, r, ch)`, then `for q :=
// range ch`) and goes on without asking its context: a send that gave up once the context is done
// would end the stream early, and the caller take what came for all of it (sqlc's ParseAll, the
// file's last query dropped).

/** The reason text, up to `: a send giving up …`, if the send is on such a stream. */
export function closedParamRanged(fn: Node, chan: string, param: Param, ctx: FileContext): { text: string } | undefined {
  const close = fn.descendantsOfType('defer_statement').find((d) => closedChannels(d).some((c) => c.text === chan)) ?? closedChannels(fn).find((c) => c.text === chan)?.parent?.parent;
  const handing = callsHanding(param, ctx.packageIndex());
  const calls = handing?.calls ?? [];
  if (!close || calls.length === 0) return undefined;
  let first: string | undefined;
  for (const { call, arg } of calls) {
    const ranged = arg?.type === 'identifier' ? rangedWithoutAsking(call, arg.text) : undefined;
    if (!ranged) return undefined;
    first ??= ranged;
  }
  return { text: `${chan} is a stream ${handing!.callee}() closes once it has sent everything (${firstLine(close.text)}), and ${first}` };
}

/**
 * In the function making `call`, a range over `chan` after the call (`for q := range queries`)
 * with no ctx.Err() or Done() after it: how it is read, in words.
 */
function rangedWithoutAsking(call: Node, chan: string): string | undefined {
  const caller = ancestors(call).find((a) => FUNCTION_TYPES.has(a.type));
  if (!caller) return undefined;
  const clause = caller.descendantsOfType('range_clause').find((r) => r.startIndex > call.endIndex && r.childForFieldName('right')?.text === chan && same(ancestors(r).find((a) => FUNCTION_TYPES.has(a.type)), caller));
  if (!clause) return undefined;
  const after = caller.text.slice(clause.parent!.endIndex - caller.startIndex);
  if (/\.Err\(\)|\.Done\(\)/.test(after)) return undefined;
  const name = caller.childForFieldName('name')?.text;
  return `${name ? `${name}()` : 'a function literal'} ranges over it (${firstLine(clause.text)}) and then goes on as if every value had come`;
}
