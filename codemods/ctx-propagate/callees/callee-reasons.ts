import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { Node } from '../../../src/go/syntax.js';
import { calledName } from '../../../src/go/called-functions.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { recordsEarlierChange, retriedWriteAfterChange } from '../writes/records-earlier.js';
import { readsOnlyValues } from './values-only.js';
import { calleeKeepsContext } from './callee-keeps-context.js';
import { doneWithoutError } from './done-without-error.js';
import { retriesWithoutCheck } from './retry-loop.js';
import { recordsAfterWait } from '../writes/records-after-wait.js';
import { startsUnseen } from './starts-elsewhere.js';
import { hookUnseen } from './hook-unseen.js';
import { queuedUnseen } from './queued-work.js';
import { resultShared } from '../kept-work/result-shared.js';
import { cleanupMethodContext, undoingContext } from '../cleanup/cleanup-method.js';
import { keptWorkReason } from '../kept-work/kept-work-reasons.js';
import { writeAfterServed } from '../writes/write-after-served.js';
import { functionValueRunLater, literalRunLater } from './literal-run-later.js';
import { helperCalledOnFailure } from './helper-on-failure.js';
import { afterOneShotGuard } from './one-shot.js';
import { stopToldFromFailure } from './stop-told-from-failure.js';
import { inConnectionWrapper } from './connection-wrapper.js';

/** Why the call the empty context is given to should not get the context in scope, if it should not. */
export function calleeReason(call: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const inScope = source.expr;
  const expected = mockExpectation(call);
  if (expected) {
    return `the call sets a mock's expectation (${expected}), not work done under the context: its argument is the context the code under test is expected to pass, and given ${inScope} it would expect that one instead`;
  }
  const chooses = readsOnlyValues(call, ctx);
  if (chooses) {
    return `the call reads only values from its context (${chooses}), to choose what to do, not to stop: given ${inScope}, it would read the values ${inScope} carries and may choose differently`;
  }
  const chosen = emptyContextChosen(call, ctx);
  if (chosen) {
    return `the doc of ${chosen} tells callers to pass context.Background() for a behaviour of its own (a lock that cannot be pre-empted): the empty context is that choice, and given ${inScope} the call would behave otherwise`;
  }
  const dropped = lockResultDropped(call);
  if (dropped) {
    return `${dropped} takes a lock or a slot given a context, and its result is dropped: given ${inScope} it could give up once ${inScope} is done, and the function would go on as if it held it (and release what it never took)`;
  }
  // Not a receiver's context, which lives as long as what it would start or keep.
  const kept = source.kind === 'ctx-field' ? undefined : calleeKeepsContext(call, ctx.packageIndex(), ctx);
  if (kept) return `${kept}: given ${inScope}, that work would end with ${inScope}`;
  const emptyResult = doneWithoutError(call, ctx);
  if (emptyResult) return `${emptyResult}: given ${inScope}, once that is done the call would hand back an empty result with no error, and the code after it would take it for a success`;
  const spins = retriesWithoutCheck(call, ctx.packageIndex());
  if (spins) return `${spins}: given ${inScope}, once ${inScope} is done each try could fail at once and the loop retry without end, as fast as it can`;
  const records = recordsAfterWait(call, ctx.packageIndex(), inScope);
  if (records) return records;
  const starts = source.kind === 'ctx-field' ? undefined : startsUnseen(call, ctx.packageIndex());
  if (starts) {
    return `${starts} is code this package does not show, named for starting something that runs on: the context it is given commonly bounds the life of what it starts (a service, a loop), and given ${inScope} it would end with ${inScope}`;
  }
  const hook = source.kind === 'ctx-field' ? undefined : hookUnseen(call, ctx.packageIndex());
  if (hook) return `${hook} is a hook's or observer's method, the user's code this package does not show: it may keep the context for work after the call (an export, a metric recorded later), and given ${inScope} that work would end with ${inScope}`;
  const queued = source.kind === 'ctx-field' ? undefined : queuedUnseen(call, ctx.packageIndex());
  if (queued) {
    return `the call hands work to a queue (${queued}), code this package does not show: queued work outlives the call that queued it and keeps the context it is given, and given ${inScope} it would stop once ${inScope} is done`;
  }
  const shared = resultShared(call, source);
  if (shared) return shared;
  const retried = retriedWriteAfterChange(call);
  if (retried) {
    return `the call is in a closure ${retried.helper} runs to record what ${retried.change} changed earlier: given ${inScope}, a cancel in between would keep that change and lose its record`;
  }
  const recorded = recordsEarlierChange(call);
  if (recorded && !recorded.withContext) {
    return `the call records what ${recorded.call} changed earlier with no context, which nothing can cut short: given ${inScope}, a cancel in between would keep that change and lose its record`;
  }
  if (recorded) {
    return `the call writes after an earlier change of the function (${recorded.call}), with no transaction between them: the empty context lets the sequence finish once started, and given ${inScope}, a cancel in between would leave the first change without this one`;
  }
  return keptWorkReason(call, source) ?? afterOneShotGuard(call, source) ?? stopToldFromFailure(call, source) ?? inConnectionWrapper(call, source) ?? literalRunLater(call, source, ctx) ?? functionValueRunLater(call, source, ctx) ?? cleanupMethodContext(call, source) ?? undoingContext(call, source) ?? writeAfterServed(call, source, ctx.packageIndex(), () => [ctx.source, ...ctx.packageIndex().allTexts()]) ?? helperCalledOnFailure(source, ctx.packageIndex());
}

/**
 * The mock expectation `call` is an argument of, as written up to its paren: a call on a gomock
 * recorder (`ec2Rec.DescribeSecurityGroups(context.TODO(), gomock.Eq(…))`, a `…Recorder` or
 * `…Rec` receiver, or chained on `.EXPECT()`), or one whose other arguments are matchers
 * (`gomock.Any()`, `mock.Anything`): cluster-api-provider-aws' test, given its ctx, expected
 * one the code under test never passes.
 */
function mockExpectation(call: Node): string | undefined {
  const target = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const callee = target?.type === 'call_expression' ? target.childForFieldName('function') : undefined;
  if (callee?.type !== 'selector_expression') return undefined;
  const receiver = callee.childForFieldName('operand')!.text;
  const matchers = (target!.childForFieldName('arguments')?.namedChildren ?? []).some((a) => /^(gomock|mock)\.(Any|Eq|Anything|AnythingOfType|MatchedBy|Not|Nil)\b/.test(a.text));
  return /(Rec|Recorder|\.EXPECT\(\))$/.test(receiver) || matchers ? `${callee.text}(…)` : undefined;
}

/** The call the empty context is an argument of, and its callee's name as declared (\`lockScanLock\`). */
function givenTo(call: Node): { target: Node; named: { name: string; method: boolean } } | undefined {
  const target = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const callee = target?.type === 'call_expression' ? target.childForFieldName('function') : undefined;
  const named = callee ? calledName(callee) : undefined;
  return target && named ? { target, named } : undefined;
}

/**
 * A function of the package whose doc comment names \`context.Background()\` (\`To disable
 * preemption, pass context.Background()\`: mutagen's scan lock): the caller's empty context is a
 * choice the callee documents. Its name, as called.
 */
function emptyContextChosen(call: Node, ctx: FileContext): string | undefined {
  const given = givenTo(call);
  if (!given) return undefined;
  const name = regexEscaped(given.named.name);
  const receiver = given.named.method ? '\\([^)]*\\)\\s*' : '';
  const doc = new RegExp(`^//[^\\n]*\\bcontext\\.Background\\(\\)[^\\n]*\\n(?://[^\\n]*\\n)*func\\s*${receiver}${name}\\b`, 'm');
  return ctx.packageIndex().anyTextMatches(doc) ? `${given.named.name}()` : undefined;
}

/** A call named for taking a lock or a slot (\`e.lockScanLock(…)\`, \`sem.Acquire(…)\`) made as a statement of its own: whatever it returns is dropped. As written, up to its paren. */
function lockResultDropped(call: Node): string | undefined {
  const given = givenTo(call);
  if (!given || given.target.parent?.type !== 'expression_statement') return undefined;
  const name = given.named.name;
  return /^(?!(?:[Uu]n|[Rr]e)lock)(\w*[Ll]ock\w*|[Aa]cquire\w*)$/.test(name) && !/Unlock|Release/.test(name) ? given.target.childForFieldName('function')!.text : undefined;
}

