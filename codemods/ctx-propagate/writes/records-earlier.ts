import { calledName } from '../../../src/go/called-functions.js';
import { ancestors, contains, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';
import { sqlWriteOf } from './sql-writes.js';
import { chainedWrite } from './chained-write.js';
import { nameWords } from '../../../src/go/name-words.js';
import { failureKept } from '../cleanup/cleanup.js';

/**
 * A write given the empty context (`r.client.Update(context.TODO(), secrets)`) after the function
 * changed another system with no context (`um.CreateOperatorUser(pass)`, `r.updateProxyUser(cr,
 * …)`): that change cannot be cut short, and the write is what records it. Given the context in
 * scope, a cancel in between would keep the change and lose its record (percona's operator kept a
 * generated MySQL password only in the Secret it then failed to update, and was locked out for
 * good). Or after an earlier change made with a context (`UpdateInfra(context.TODO(), …)`, then
 * `UpdateEnvironment(context.TODO(), …)`): the empty context keeps a sequence of writes from being
 * cut short halfway (litmus' infra registration and removal, with no transaction). The earlier
 * call, as written up to its paren, and whether it was given a context.
 */
export function recordsEarlierChange(call: Node): { call: string; withContext: boolean } | undefined {
  const target = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const callee = target?.type === 'call_expression' ? target.childForFieldName('function') : undefined;
  const written = callee ? calledName(callee)?.name : undefined;
  if (!written || !namedForWrite(written)) return undefined;
  const fn = enclosingFunction(call);
  const body = fn?.childForFieldName('body');
  if (!body) return undefined;
  for (const earlier of body.descendantsOfType('call_expression')) {
    if (earlier.startIndex >= target!.startIndex) break;
    if (!same(enclosingFunction(earlier), fn) || returnsBefore(earlier, target!)) continue;
    const f = earlier.childForFieldName('function')!;
    const name = calledName(f)?.name;
    if (!name || !CHANGE.test(name)) continue;
    const args = earlier.childForFieldName('arguments')?.namedChildren ?? [];
    return { call: `${f.text}(…)`, withContext: args.some((a) => CONTEXT_ARG.test(a.text)) };
  }
  // Or itself, in an earlier pass of a loop around it in the function (`for _, plan := range
  // plans { …Update(context.TODO(), &plan, …) }`: rancher's plan deactivation, left half done).
  const loop = ancestors(target!).find((a) => a.type === 'for_statement' && contains(body, a));
  if (loop && same(enclosingFunction(loop), fn)) return { call: `${callee!.text}(…), in the loop's earlier passes`, withContext: true };
  return undefined;
}

/**
 * Whether the call is in a branch that returns before `later` (`if deleted { ns.deleteSuccessPoint(name);
 * return }`): a block around it, apart from `later`, ending in a return.
 */
function returnsBefore(call: Node, later: Node): boolean {
  for (let n = call.parent; n && !contains(n, later); n = n.parent) {
    if (n.type === 'statement_list' && n.namedChildren.at(-1)?.type === 'return_statement') return true;
  }
  return false;
}

/**
 * A call in a closure a retry helper runs in place (`retry.RetryOnConflict(backoff, func() error {
 * Get(context.TODO(), …); …; return Update(context.TODO(), obj) })`), a closure that writes, after
 * an earlier change of the function around the helper (`r.Impl.Apply(context.TODO(), obj)`): the
 * read and the write record that change, and given the context in scope, a cancel in between would
 * keep the change and lose its record (chaos-mesh's chaos records, left saying not injected at a
 * shutdown). The earlier call and the helper, as written up to their parens.
 */
export function retriedWriteAfterChange(call: Node): { change: string; helper: string } | undefined {
  const literal = enclosingFunction(call);
  const helper = literal?.type === 'func_literal' && literal.parent?.type === 'argument_list' ? literal.parent.parent : undefined;
  const helperName = helper?.childForFieldName('function')?.text ?? '';
  if (!helper || !RETRY.test(helperName)) return undefined;
  const writes = literal!.descendantsOfType('call_expression').some((c) => namedForWrite(calledName(c.childForFieldName('function')!)?.name ?? ''));
  const outer = enclosingFunction(helper);
  if (!writes || !outer) return undefined;
  for (const earlier of outer.descendantsOfType('call_expression')) {
    if (earlier.startIndex >= helper.startIndex) break;
    const name = same(enclosingFunction(earlier), outer) ? calledName(earlier.childForFieldName('function')!)?.name : undefined;
    if (name && CHANGE.test(name)) return { change: `${earlier.childForFieldName('function')!.text}(…)`, helper: `${helperName}(…)` };
  }
  return undefined;
}

/** A helper that runs a closure in place until it succeeds: `retry.RetryOnConflict`, `retry.OnError`, `backoff.Retry`, `wait.PollUntil…`. */
const RETRY = /(^|\.)(Retry\w*|OnError|\w*Backoff\w*|Poll\w*|ExponentialBackoff\w*)$/;

/**
 * The write a call is handed to as an argument (`l.client.Create(context.Background(), record)`),
 * by a word of its name, as written up to its paren; or any call of a function named for
 * publishing or queueing (`RPush(context.Background(), …)` in `Publish`: machinery's redis broker,
 * which had stored the task as pending, lost it when its caller's context was done).
 */
export function writtenTo(call: Node, texts: () => string[] = () => []): string | undefined {
  const target = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const callee = target?.type === 'call_expression' ? target.childForFieldName('function') : undefined;
  const written = callee ? calledName(callee)?.name : undefined;
  if (written && namedForWrite(written)) return `${callee!.text}(…)`;
  // Or a call whose result writes (`p.GetConnection(context.Background()).Create(n)`: ory/kratos' network).
  const chained = target ? chainedWrite(target, (name) => namedForWrite(name)) : undefined;
  if (chained) return chained;
  // Or a statement run that writes (`SQLExec(ctx, "INSERT INTO login_audit …")`: immudb's audit).
  const verb = written ? sqlWriteOf(target!, texts) : undefined;
  if (verb) return `${callee!.text}(…), running ${/^[IU]/.test(verb) ? 'an' : 'a'} ${verb}`;
  // Or a hand-off to a dead-letter sink (`r.dlo.Tell(…)`: lnd's actor router, whose undeliverable
  // messages are kept for auditing whatever became of the request).
  if (callee && /(^|\.)(dlo|dlq|[dD]eadLetters?\w*)\.\w+$/.test(callee.text)) return `${callee.text}(…), a dead-letter sink`;
  const fn = callee && enclosingFunction(callee)?.childForFieldName('name')?.text;
  return fn && nameWords(fn).some((w) => /^(Publish|Queue|Enqueue|Deliver|Push)$/i.test(w)) ? `${callee!.text}(…), in ${fn}` : undefined;
}

/** Whether a word of the name (split at its capitals) is one of a write's, or passes `also`. */
function namedForWrite(name: string, also?: RegExp): boolean {
  return WRITE_NAME.test(name) || nameWords(name).some((w) => WRITE.test(w) || !!also?.test(w));
}

/** Writes named whole: a sorted set's add (\`ZAdd\`, immudb's \`VerifiedZAdd\`), a batch of them (immudb's \`ExecAll\`). */
const WRITE_NAME = /^(Verified)?ZAdd\w*$|^ExecAll$/;

/**
 * Words of a call that writes a record: `Update`, `Patch`, `Create`, `Put`… (`ProcessExperimentCreation`),
 * a server-side copy (`ComposeObject`, `CopyObject`), a commit (`PublishTransaction`, `Commit`), a
 * state set or marked (`JobSetStateIfRunningMany`: river's completer, recording a cancelled job's
 * end with its context done), a revocation (`RevokeRefreshToken`: fosite's reuse detection), an
 * acknowledgement (`msg.AckSync`: a work queue deletes the message it acks, which redelivered once
 * the ack failed would be done twice), a truncation (immudb's \`TruncateDatabase\`), a message posted
 * (slack-go's \`PostMessageContext\`: a bot's answer lost when Slack hung up).
 */
const WRITE = /^(Update|Patch|Create|Creation|Apply|Put|Save|Store|Upsert|Write|Insert|Compose|Copy|Touch|Publish|Commit|Persist|Broadcast|Set|Mark|Record|Revoke|Ack|Truncate|Post)$/;
/**
 * Calls named for changing something: `CreateOperatorUser`, `updateProxyUser`, `AlterUser`,
 * `ExecContext` aside, and deletions (`DeleteCollection`, then the finalizer's removal by
 * `Update`: clusternet's service import recycling).
 */
const CHANGE = /^(create|update|change|alter|exec|apply|insert|grant|revoke|rotate|upsert|register|drop|patch|put|save|push|delete|remove)([A-Z]\w*)?$|^(Create|Update|Change|Alter|Exec|Apply|Insert|Grant|Revoke|Rotate|Upsert|Register|Drop|Patch|Put|Save|Push|Delete|Remove)([A-Z]\w*)?$/;
const CONTEXT_ARG = /(^|\.)(ctx|\w*Ctx|context)$|^context\.|^\w+\.Context\(\)$/;

/**
 * Why the call belongs to a sequence the function cut loose from the context in scope, if it does:
 * an earlier write given `context.Background()` straight (detachedEarlier), or a later one this
 * call's failure keeps from running (`objectSync, err := …Get(context.Background(), name)`, then
 * `…UpdateStatus(context.Background(), objectSync)`: kubeedge's cloud session, recording what the
 * edge acknowledged; given the session's context, a disconnect made the read fail and the record
 * was never written, the message sent again).
 */
export function detachedSequenceReason(call: Node, source: { fn: Node; expr: string }, pkg: string): string | undefined {
  const earlier = detachedEarlier(call, source.fn, pkg);
  if (earlier) return `an earlier write of the function is given context.Background() though ${source.expr} is there (${earlier}): the function cut that sequence loose from ${source.expr} on purpose, and given ${source.expr} this call could be cut off after it`;
  const later = failureKept(call) ? detachedLater(call, source.fn, pkg) : undefined;
  if (later) return `a later write of the function is given context.Background() though ${source.expr} is there (${later}), and this call's failure keeps it from running: the function cut that sequence loose from ${source.expr} on purpose, and given ${source.expr} a cancel would fail this call and skip the write`;
  return undefined;
}

/** A later write of the function given `context.Background()` straight (as writtenTo names it, with its line). */
function detachedLater(call: Node, fn: Node, pkg: string): string | undefined {
  for (const later of fn.descendantsOfType('call_expression')) {
    if (later.startIndex <= call.endIndex || later.childForFieldName('function')?.text !== `${pkg}.Background` || later.parent?.type !== 'argument_list') continue;
    const written = same(enclosingFunction(later), enclosingFunction(call)) ? writtenTo(later) : undefined;
    if (written) return `${written}, line ${later.startPosition.row + 1}`;
  }
  return undefined;
}

/**
 * An earlier write of the function given `context.Background()` straight, while the context
 * in scope was there to give (`mailbox.Write(context.Background(), …)` once the message is
 * committed, then `queueDSN(context.TODO(), …)`): the function cut that sequence loose from the
 * context on purpose, and the empty context after it belongs to it (mox's SMTP delivery: given the
 * DATA command's context, a shutdown would skip the bounce after the delivery was stored). The
 * earlier call, as written up to its paren.
 */
function detachedEarlier(call: Node, fn: Node, pkg: string): string | undefined {
  const target = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  if (!target) return undefined;
  for (const earlier of fn.descendantsOfType('call_expression')) {
    if (earlier.startIndex >= target.startIndex) break;
    if (earlier.childForFieldName('function')?.text !== `${pkg}.Background` || earlier.parent?.type !== 'argument_list') continue;
    const given = earlier.parent.parent!;
    const name = calledName(given.childForFieldName('function')!)?.name ?? '';
    const writes = namedForWrite(name, /^(Queue|Enqueue|Deliver)$/);
    if (writes && same(enclosingFunction(given), enclosingFunction(call))) return `${given.childForFieldName('function')!.text}(…)`;
  }
  return undefined;
}
