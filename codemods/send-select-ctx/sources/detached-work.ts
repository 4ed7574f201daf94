import type { CancellationSource } from '../../../src/go/cancellation.js';
import { launchedApart } from '../../../src/go/launched.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { statementsOf, type Node } from '../../../src/go/syntax.js';
import type { FileContext } from '../../../src/engine/types.js';
import { derivedFrom } from './derived-contexts.js';
import { givesSource } from '../done-already/given-source.js';

const DETACH = /\bcontext\.WithoutCancel\(/;

/** Whether some file of the package detaches a context at all (asked once per package). */
const detaching = new WeakMap<object, boolean>();
function detachesSomewhere(ctx: FileContext): boolean {
  const index = ctx.packageIndex();
  let found = detaching.get(index);
  if (found === undefined) detaching.set(index, (found = index.anyTextMatches(DETACH)));
  return found || DETACH.test(ctx.source);
}

/**
 * Work the function keeps running once the context is done, and reports: before the send, it
 * takes `context.WithoutCancel(ctx)` itself, or hands the context to a function of the package
 * that does (`withRetries(ctx, …)`, which writes a job's final state on an uncancelled context).
 * The work is meant to finish and be reported even when the context ends first: a select on it
 * would drop the report of work done. What detaches it, e.g. `withRetries(ctx, func(ctx …`.
 */
export function detachedWork(send: Node, fn: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  if (!source.isContext) return undefined;
  const contexts = [source.expr, ...derivedFrom(source.expr, fn)];
  const before = ctx.source.slice(fn.startIndex, send.startIndex);
  if (!DETACH.test(before) && !detachesSomewhere(ctx)) return undefined;
  const own = new RegExp(`\\bcontext\\.WithoutCancel\\(\\s*(?:${contexts.map(regexEscaped).join('|')})\\s*\\)`).exec(before);
  if (own) return own[0];
  for (const call of fn.descendantsOfType('call_expression')) {
    if (call.endIndex > send.startIndex || !givesSource(call, contexts)) continue;
    const callee = call.childForFieldName('function');
    const named = callee?.type === 'selector_expression' ? callee.childForFieldName('field') : callee;
    if (named?.type !== 'identifier' && named?.type !== 'field_identifier') continue;
    const method = callee!.type === 'selector_expression';
    if (ctx.packageIndex().functionsNamed(named.text, method, (d) => DETACH.test(d)).length > 0) {
      return `${callee!.text}(…), which runs its work on context.WithoutCancel`;
    }
  }
  return undefined;
}

/**
 * Why the send belongs to work meant to outlive the function whose context is the source, if it
 * does: a goroutine made only for it (handOffGoroutine), or a function literal handed to a call
 * named for running it on its own, which the function does not wait for (\`run.Go(ctx, func(_
 * context.Context) { … processor.Src() <- record … })\`: banyandb's TopN feed, given a select on the
 * write stream's context, dropped the records still pending when the stream ended).
 */
export function handedOff(send: Node, fn: Node, source: CancellationSource): string | undefined {
  if (handOffGoroutine(send, fn, source)) return `the goroutine only makes this send, started so that its spawner need not wait for a receiver: it is meant to outlive the spawner, whose ${source.expr} may end as soon as it returns (a request's does), and a select on it would drop the value then`;
  const launcher = (source.kind === 'ctx-param' || source.kind === 'ctx-local') && source.isContext ? launchedApart(send, source.fn, source.expr) : undefined;
  return launcher && `the send is in a function literal handed to ${launcher}(…), named for running it on its own, and the function does not wait for it: it runs on after the function returns, and ${source.expr}, the function's own, may end as it returns (a request's does); a select on it would drop the value then`;
}

/**
 * `default: go func() { q.ch <- payload }()` in a select that already gives up on the context
 * (`case <-ctx.Done(): return`) and tries the same send (`case q.ch <- payload:`): its author
 * weighed the context and handed the value, when no receiver is ready, to a goroutine that only
 * makes the send, meant to outlive the function, whose context (a request's) may end as soon as it
 * returns (drone's usage queue, when full). A select on that context would drop the value then.
 */
function handOffGoroutine(send: Node, fn: Node, source: CancellationSource): boolean {
  const go = fn.parent?.parent;
  if (fn.type !== 'func_literal' || fn.parent?.type !== 'call_expression' || go?.type !== 'go_statement' || source.fn.id === fn.id) return false;
  const stmts = statementsOf(fn.childForFieldName('body')).filter((c) => c.type !== 'comment');
  if (stmts.length !== 1 || stmts[0].id !== send.id) return false;
  const fallback = go.parent?.type === 'statement_list' ? go.parent.parent : go.parent;
  if (fallback?.type !== 'default_case') return false;
  const cases = fallback.parent!.namedChildren.filter((c) => c.type === 'communication_case').map((c) => c.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '');
  const channel = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  return cases.some((c) => /\.Done\(\)$/.test(c)) && cases.some((c) => c.startsWith(`${channel}<-`));
}

/**
 * Another send of the file on the same channel, in a case for a context being done (`case
 * <-ctx.Done(): ede.Queue <- ede`): every value is meant to reach the reader, even once a context
 * ends (amass' pipeline hands each event back to the dispatcher, which counts them to know the
 * session is over). That send's line.
 */
export function sentEvenOnceDone(send: Node, root: Node): number | undefined {
  // A field (`ede.Queue`): a local of the same name in another function is another channel.
  if (send.childForFieldName('channel')?.type !== 'selector_expression') return undefined;
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  for (const kase of root.descendantsOfType('communication_case')) {
    if (!/^<-[\w.]+\.Done\(\)$/.test(kase.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '')) continue;
    const other = kase.descendantsOfType('send_statement').find((s) => s.id !== send.id && s.childForFieldName('channel')!.text.replace(/\s/g, '') === chan);
    if (other) return other.startPosition.row + 1;
  }
  return undefined;
}
