import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { FileContext } from '../../../src/engine/types.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { ancestors, enclosingFunction, same, unparen, type Node } from '../../../src/go/syntax.js';
import { ownerType } from '../receivers/receivers.js';
import { forwardedUntilStopHook } from './forwarded-until-stop-hook.js';

/**
 * A send on a field (`c.subscribeCh <- v`) in a function that joins a group of the object
 * (`c.wg.Add(1); defer c.wg.Done()`), where the package closes that field only once the group is
 * waited for (`defer close(c.subscribeCh)` then `c.wg.Wait()`, or `c.wg.Wait(); close(c.out)`):
 * the channel stays open until its senders are done, and its reader takes values until that
 * close, so the send always has its receiver. A select on the source would drop a value the
 * reader still waits for (river's InlineCompleter, a completion committed but never reported).
 * The reason, if so. Or a field a stop hook closes once the worker is done (forwarded-until-stop-hook.ts).
 */
export function closedOnceSendersDone(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  return closedAfterGroup(send, ctx, source) ?? forwardedUntilStopHook(send, ctx, source);
}

function closedAfterGroup(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const field = chan.type === 'selector_expression' ? chan.childForFieldName('field')?.text : undefined;
  const joined = field ? joinedGroups(send) : new Map<string, string>();
  if (!field || joined.size === 0) return undefined;
  const owner = ownerType(chan, send);
  const closes = ctx.packageIndex().nodesMatching(new RegExp(`\\bclose\\(\\s*[\\w.]+\\.${regexEscaped(field)}\\s*\\)`, 'g'), (m) => m[0].indexOf('(') + 1);
  for (const arg of closes) {
    const call = ancestors(arg).find((a) => a.type === 'call_expression' && a.childForFieldName('function')?.text === 'close');
    const closed = call?.childForFieldName('arguments')?.namedChildren[0];
    const closer = call && enclosingFunction(call);
    if (!call || !closed || !closer) continue;
    // A close of the same field of another type frees none of these sends.
    const closedOwner = ownerType(unparen(closed), closed);
    if (owner && closedOwner && owner !== closedOwner) continue;
    const deferred = call.parent?.type === 'defer_statement';
    // A wait on a group field (`c.wg.Wait()`) of the closer's own code: before the close, or anywhere when the close is deferred.
    const wait = closer
      .descendantsOfType('call_expression')
      .find((c) => same(enclosingFunction(c), closer) && (deferred || c.endIndex <= call.startIndex) && joined.has(groupField(c, 'Wait') ?? ''));
    if (!wait) continue;
    const group = groupField(wait, 'Wait')!;
    const closeText = `${deferred ? 'defer ' : ''}${call.text}`;
    const order = deferred ? `${closeText} … ${wait.text}` : `${wait.text} … ${closeText}`;
    return `${chan.text} is closed only once its senders are done (${order}, in ${holderName(closer)}), and this function joins that group (${joined.get(group)}): its reader takes values until that close, and a select on ${source.expr} would drop one it still waits for`;
  }
  return undefined;
}

/**
 * The groups the send's own function joins, by field name (`wg`): a `defer c.wg.Done()`, or a
 * `c.wg.Done()` after the send. Each with its text.
 */
function joinedGroups(send: Node): Map<string, string> {
  const fn = enclosingFunction(send);
  const joined = new Map<string, string>();
  for (const c of fn?.descendantsOfType('call_expression') ?? []) {
    const group = groupField(c, 'Done');
    if (!group || !same(enclosingFunction(c), fn)) continue;
    const deferred = c.parent?.type === 'defer_statement';
    if (deferred || c.startIndex >= send.endIndex) joined.set(group, `${deferred ? 'defer ' : ''}${c.text}`);
  }
  return joined;
}

/** The field named by a call's group, for `x.wg.<method>()` with no arguments: `wg`. */
function groupField(call: Node, method: string): string | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression' || fn.childForFieldName('field')?.text !== method) return undefined;
  if (call.childForFieldName('arguments')?.namedChildCount !== 0) return undefined;
  const operand = unparen(fn.childForFieldName('operand')!);
  return operand.type === 'selector_expression' ? operand.childForFieldName('field')?.text : undefined;
}

/** Where the close is: `Start()`, or `a goroutine of Start()` for a literal in it. */
function holderName(closer: Node): string {
  const decl = ancestors(closer).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration') ?? closer;
  const name = `${decl.childForFieldName('name')?.text ?? 'a function'}()`;
  return same(decl, closer) ? name : `a function literal of ${name}`;
}
