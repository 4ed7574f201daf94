import { toldApartInSelect } from './chosen/told-apart.js';
import { fieldSetBeforeCall, fieldTestedForNil, unsetFieldReason, nilLiteralReason } from './unusable-context/unset-field.js';
import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { cancellationSources, hiddenContextParam, type CancellationSource } from '../../src/go/cancellation.js';
import { doneAt } from '../../src/go/done-at.js';
import { declarationOf } from '../../src/go/scope.js';
import { nilGuardReason } from './unusable-context/nil-guard.js';
import { ownContextLiteralReason } from './chosen/own-context-literal.js';
import { contextPackageName } from '../../src/go/imports.js';
import { callsOf, codeOnly, regexEscaped } from '../../src/go/find-by-text.js';
import { enclosingLoops } from '../../src/go/loops.js';
import { ancestors, compacted, firstLine, FUNCTION_TYPES, same, touchesError, type Node } from '../../src/go/syntax.js';
import { escapes } from '../../src/go/escaping.js';
import { detachedApart, detachedParam, detachedReason, onlyStartedDetached } from './outlives/detached.js';
import { docs } from './docs/docs.js';
import { explainedByComment } from './chosen/explained.js';
import { calleeReason } from './callees/callee-reasons.js';
import { detachedSequenceReason, writtenTo } from './writes/records-earlier.js';
import { newRoot } from './chosen/new-root.js';
import { cleanupAfter, deferredByName, deletionReason } from './cleanup/cleanup.js';
import { cleanupGivenNewContext } from './cleanup/cleanup-context.js';
import { closedAfterLoop } from './cleanup/closed-after-loop.js';
import { reassigns } from './chosen/reassigned.js';
import { stopSelectFor } from './unusable-context/select-stops.js';
import { spanLinkReason } from './chosen/span-link.js';
import { fieldSetUnderLock } from './unusable-context/guarded-field.js';
import { outlivesCall } from './outlives/outlives-call.js';
import { meantToFinish, stoppingReason } from './kept-work/meant-to-finish.js';
import { failureReason, inFailureBranchOf, UNDOES_FAILED } from './unusable-context/failure-branch.js';
import { calledInSharedWork, sharedByJoiners } from './kept-work/shared-work.js';
import { keptByOnce } from './kept-work/once-work.js';
import { callerReason } from './callers/caller-reasons.js';
import { cancelledByStop } from './cleanup/cancelled-by-stop.js';
import { mayHaveMethod } from '../../src/go/text-signals.js';
import { fieldMayBeNil } from '../../src/go/composite-literals.js';
import { testTextsBeside } from '../../src/go/module-packages.js';
import { droppedErrorReason } from './writes/dropped-error.js';
import { labelsBase } from './chosen/profiler-labels.js';
import { foregroundReason } from './chosen/foreground.js';
import { goroutineOutlivesParam, resultUsedByDetached } from './outlives/outlives-function.js';
import { localHandedToGoroutine } from './outlives/local-to-goroutine.js';
import { afterShutdownSignal } from './unusable-context/after-shutdown-signal.js';
import { removalCleanup } from './cleanup/removal-cleanup.js';
import { cleanupNamed } from './cleanup/returned-callee.js';
import { literalHandedOn } from './outlives/literal-handed-on.js';

/** `context.Background()` handed straight to a call: after `(` or `,` (or the end of a block comment). */
const BACKGROUND_ARGUMENT = /[(,/]\s*\w+\.Background\s*\(/;

/** A context can be in scope: the file names the type, derives one, or has methods (receiver fields). */
const mayHaveContextSource = (text: string) => text.includes('.Context') || text.includes('.With') || mayHaveMethod(text);

export const ctxPropagate: Codemod = {
  id: 'ctx-propagate',
  title: 'context.TODO() where a context is in scope becomes that context',
  docs,
  severity: 'warning',
  enabledByDefault: true,
  options: [
    { name: 'aggressive', type: 'boolean', default: false, description: 'also replace context.Background() passed straight to a call' },
  ],
  prefilter: (text) => text.includes('"context"') && (/\.TODO\s*\(/.test(text) || (text.includes('.Background') && BACKGROUND_ARGUMENT.test(text))) && mayHaveContextSource(text),
  // As couldHaveContext: a function that is a method, names the context type or derives a context.
  triggers: (text) => /\.(TODO|Background)\s*\(/.test(text) && mayHaveContextSource(text),
  find,
};

/**
 * Cheap test before the full scope walk (large test files call context.Background() hundreds
 * of times): some enclosing function is a method, takes a context, or derives one.
 */
function couldHaveContext(call: Node, pkg: string, seen: Map<number, boolean>): boolean {
  for (const fn of [...ancestors(call)].filter((a) => FUNCTION_TYPES.has(a.type))) {
    let known = seen.get(fn.id);
    if (known === undefined) {
      const params = fn.childForFieldName('parameters')?.text ?? '';
      const body = fn.childForFieldName('body')?.text ?? '';
      // Or a request's or a test's (`ctx := r.Context()`).
      known = fn.type === 'method_declaration' || params.includes(`${pkg}.Context`) || body.includes(`${pkg}.With`) || body.includes('.Context()');
      seen.set(fn.id, known);
    }
    if (known) return true;
  }
  return false;
}

function find(ctx: FileContext): RawFinding[] {
  const pkg = contextPackageName(ctx.tree);
  if (!pkg) return [];
  // No context can be in scope in a file that never names the type nor derives one (receiver
  // fields of another file are named there: check the package only when methods could use one).
  const mayHaveSource = ctx.source.includes(`${pkg}.Context`) || ctx.source.includes(`${pkg}.With`) || /\nfunc \(/.test(ctx.source);
  if (!mayHaveSource) return [];
  const out: RawFinding[] = [];
  const seen = new Map<number, boolean>();
  const calls = [...callsOf(ctx.tree.rootNode, ctx.source, `${pkg}.TODO`), ...callsOf(ctx.tree.rootNode, ctx.source, `${pkg}.Background`)].sort((a, b) => a.startIndex - b.startIndex);
  /** The fixes made, each with the finding it gives way to if it would take the import's last use. */
  const fixed: { at: number; refusal: RawFinding }[] = [];
  const outliving: number[] = [];
  for (const call of calls) {
    const kind = call.childForFieldName('function')!.text === `${pkg}.TODO` ? 'TODO' : 'Background';
    if (touchesError(call) || call.childForFieldName('arguments')!.namedChildCount > 0) continue;
    // `ctx != context.TODO()`, `case context.TODO():`: a marker compared against, not a context
    // handed to work (ceph-csi logs commands only when given a real one): `ctx != ctx` would not do.
    if (call.parent?.type === 'binary_expression' || call.parent?.parent?.type === 'expression_case') continue;
    // Background() is a deliberate choice as often as not: only when handed straight to a call,
    // outside tests (a bare context may be what a test checks).
    if (kind === 'Background' && (call.parent?.type !== 'argument_list' || ctx.path.endsWith('_test.go'))) continue;
    if (!couldHaveContext(call, pkg, seen)) continue;
    // The innermost context, passing over locals made for particular calls when an outer one is in scope.
    const contexts = cancellationSources(call, ctx.tree, ctx.packageIndex).filter((s) => s.isContext);
    const source = contexts.find((s) => !madeWithOwnEnd(call, s)) ?? contexts[0];
    if (!source) continue;
    const message = `${call.text} while ${source.expr} (${source.label}) is in scope: its cancellation and deadline do not reach this call`;
    // Background() left as it is, whatever the reason, is reported as often deliberate.
    const unfixed = (reason: string): RawFinding => ({ start: call.startIndex, end: call.endIndex, message, reason, ...(kind === 'Background' ? { severity: 'info' as const } : {}) });
    // `ctx = context.WithValue(ctx, k, v)` derives a parameter's context, as it should; a local
    // made fresh again, or a reassignment that runs on each pass of a loop, would chain each new
    // context to the last one, cancelled by then.
    // A field is set once, often while still nil (a constructor's `m.ctx, m.cancel = …`).
    // `ctx = context.TODO() // no cancellation allowed past this point`: a detach on purpose.
    const statement = call.parent?.parent;
    const nilGuard = nilGuardReason(call, source.expr);
    if (statement?.type === 'assignment_statement' && statement.childForFieldName('left')?.text === source.expr && statement.childForFieldName('right')?.text === call.text && !nilGuard) {
      out.push(unfixed(`the statement sets ${source.expr} itself to ${call.text}: the code after it is cut loose from ${source.expr} on purpose (given ${source.expr}, it would read ${source.expr} = ${source.expr})`));
      continue;
    }
    if (reassigns(call, source.expr) && (source.kind !== 'ctx-param' || enclosingLoops(call).length > 0)) {
      // `s.ctx, s.cancel = context.WithCancel(context.Background())`: how a field's context is made.
      if (kind === 'Background' && source.kind === 'ctx-field') continue;
      const reason =
        source.kind === 'ctx-field'
          ? `the statement sets ${source.expr} itself: built on the value it replaces, it would be built on nil before the field is first set (a panic), or start out done once the last one was cancelled`
          : `the statement makes a new ${source.expr}: built on the one it replaces, it would start out done once that was cancelled (a retry's fresh context)`;
      out.push(unfixed(reason));
      continue;
    }
    const unsetReason = nilGuard ?? ownContextLiteralReason(call, source) ?? unsetFieldReason(call, source, ctx.packageIndex());
    if (unsetReason) {
      out.push(unfixed(unsetReason));
      continue;
    }
    // `ar.shutdownDelayCtx`: a context kept for one purpose (skipping a delay), cancelled by it.
    const field = source.kind === 'ctx-field' ? source.expr.slice(source.expr.lastIndexOf('.') + 1) : undefined;
    if (field && !/^(ctx|context)$/i.test(field)) {
      if (kind === 'TODO') out.push(unfixed(`${source.expr} is named for a purpose of its own, not the receiver's lifetime: given to this call, it would stop the call whenever that purpose is cancelled`));
      continue;
    }
    const hiding = hiddenContextParam(call, source, ctx.tree, ctx.packageIndex);
    if (hiding) {
      const what = hiding.ownBody ? `gives the parameter ${hiding.name} a context not made from it` : `declares ${hiding.name} again in a block of its own, of a type goconc cannot see`;
      out.push(unfixed(`${firstLine(hiding.statement.text)} ${what}: that is the innermost context here, and ${source.expr} an outer one`));
      continue;
    }
    const guarded = fieldSetUnderLock(source, call, ctx.packageIndex());
    if (guarded) {
      out.push(unfixed(`the package sets ${source.expr} again under a lock (in ${guarded}), and this call would read it with none taken: a reconnect at the same time would race on it`));
      continue;
    }
    const setFirst = fieldSetBeforeCall(call, source);
    const own = setFirst ? undefined : fieldMayBeNil(source, ctx.packageIndex(), true);
    const inTests = own || setFirst || ctx.path.endsWith('_test.go') ? undefined : fieldMayBeNil(source, ctx.packageIndex(), true, testTextsBeside(ctx.path));
    const unset = own ?? inTests; // the package's, or its tests' (they would panic there)
    if (unset) {
      out.push(unfixed(nilLiteralReason(unset, unset === inTests, source)));
      continue;
    }
    // Foreground work (a request served, or not the work the field's comment keeps it for).
    const foreground = field ? foregroundReason(call, source, ctx.packageIndex()) : undefined;
    if (foreground) {
      out.push(unfixed(foreground));
      continue;
    }
    const unsure = whyNotThisContext(call, source) ?? afterShutdownSignal(call, source) ?? keptByOnce(call, source, ctx.packageIndex()) ?? callerReason(source, ctx.packageIndex()) ?? toldApartInSelect(call, source, pkg) ?? goroutineOutlivesParam(call, source) ?? resultUsedByDetached(call, source) ?? localHandedToGoroutine(call, source) ?? literalHandedOn(call, source) ?? removalCleanup(source, ctx.packageIndex()) ?? calledInSharedWork(source, ctx.packageIndex());
    if (unsure) {
      out.push(unfixed(unsure));
      continue;
    }
    const given = call.parent?.type === 'argument_list' ? call.parent.parent ?? undefined : undefined;
    const stoppedBy = cancelledByStop(given, source, ctx.packageIndex());
    if (stoppedBy) {
      out.push(unfixed(`the call cleans up (${given!.childForFieldName('function')!.text}), and ${source.expr} is cancelled when the receiver stops (${stoppedBy}): a clean-up given ${call.text} is meant to run however the work around it ends, and given ${source.expr} it would fail at once exactly when the receiver shuts down`));
      continue;
    }
    const explained = explainedByComment(call, kind, source.expr);
    if (explained) {
      out.push(unfixed(`a comment says why ${call.text} is used here (${firstLine(explained)}): its author weighed ${source.expr} and left it out on purpose, so the change is theirs to make`));
      continue;
    }
    const byCallee = calleeReason(call, ctx, source);
    if (byCallee) {
      out.push(unfixed(byCallee));
      continue;
    }
    const fix = { description: `use ${source.expr}`, edits: [{ start: call.startIndex, end: call.endIndex, text: source.expr }] };
    const labels = kind === 'Background' ? labelsBase(call) : undefined;
    if (labels) {
      out.push(unfixed(`context.Background() is the base of ${labels}: a context for profiler labels, not cancellation; given ${source.expr}, the labels would also carry those ${source.expr} has`));
      continue;
    }
    const root = kind === 'Background' ? newRoot(call, pkg) : undefined;
    if (root) {
      out.push(unfixed(`context.Background() is the parent of ${root}: a new root of its own, for work meant to outlive ${source.expr} (a flush or shutdown after it ends, work detached from a request)`));
      continue;
    }
    const closing = cleanupGivenNewContext(call, pkg);
    if (closing) {
      out.push(unfixed(`${call.text} is the parent of ${closing.made} (${closing.ctor}), given to ${closing.cleanup}, a clean-up: bounded only by its own end, it still runs once ${source.expr} is done (after a loop that ends with ${source.expr}), and given ${source.expr} it would fail at once then`));
      continue;
    }
    const stopping = stoppingReason(call, source);
    if (stopping) {
      out.push(unfixed(stopping));
      continue;
    }
    const gate = droppedErrorReason(call, source, ctx.packageIndex(), pkg, true);
    if (gate) {
      out.push(unfixed(gate));
      continue;
    }
    const persisted = kind === 'Background' ? writtenTo(call, () => [ctx.source, ...ctx.packageIndex().allTexts()]) : undefined;
    if (persisted) {
      out.push(unfixed(`context.Background() is given to a write (${persisted}): it keeps the write going whatever becomes of ${source.expr}, as a record meant to outlive the request needs`));
      continue;
    }
    const started = source.kind === 'ctx-param' ? onlyStartedDetached(source.fn, ctx.packageIndex()) : undefined;
    if (started) {
      out.push(unfixed(`the function only runs as a goroutine nothing waits for (${started}): it runs on after its callers return, and ${call.text} may be meant to outlive ${source.expr}`));
      continue;
    }
    const detached = detachedSequenceReason(call, source, pkg);
    if (detached) {
      out.push(unfixed(detached));
      continue;
    }
    const nilTest = nilGuard ? undefined : fieldTestedForNil(source, ctx.packageIndex());
    if (nilTest) {
      out.push(unfixed(`the package tests ${source.expr} against nil (${nilTest}): it may be nil here (an option left unset), and a call given a nil context panics`));
      continue;
    }
    const droppedError = droppedErrorReason(call, source, ctx.packageIndex(), pkg);
    if (droppedError) {
      out.push(unfixed(droppedError));
      continue;
    }
    if (kind === 'TODO' || ctx.options.aggressive === true) {
      const refusal = unfixed(`the file uses the ${pkg} package only in ${pkg}.TODO() and ${pkg}.Background() calls, and each would be replaced: replaced by ${source.expr}, its import would be left unused, and the file would not compile (goconc adds imports, never removes them)`);
      fixed.push({ at: out.length, refusal });
      out.push({ start: call.startIndex, end: call.endIndex, message, fix });
    } else {
      outliving.push(out.length);
      out.push(unfixed('context.Background() may be meant to outlive the caller (fixed with --aggressive)'));
    }
  }
  // The package used only in these calls (the context in scope a field typed in another file),
  // and every one of them fixed: its import would be left unused, which does not compile. A call
  // left as it is keeps the import in use, whichever of the fixes are applied.
  const usedOtherwise = () => new RegExp(`(?<![\\w.])${regexEscaped(pkg)}\\.(?!(?:TODO|Background)\\(\\s*\\))`).test(codeOnly(ctx.source));
  if (fixed.length > 0 && fixed.length === calls.length && !usedOtherwise()) {
    for (const { at, refusal } of fixed) out[at] = refusal;
  }
  // Nor would --aggressive fix those it is said to (nebula's outside.go, its context a field typed elsewhere).
  if (outliving.length > 0 && fixed.length + outliving.length === calls.length && !usedOtherwise()) {
    for (const at of outliving) out[at] = { ...out[at], reason: `context.Background() may be meant to outlive the caller, and --aggressive would not fix it either: the file uses the ${pkg} package only in such calls, and replacing them all would leave its import unused (goconc adds imports, never removes them)` };
  }
  return out;
}

/**
 * Why the call may be meant to run without the context in scope, if it may: it runs where the
 * context is done (after its `cancel()` or `<-ctx.Done()`, in a `case <-ctx.Done():`), it is
 * deferred (cleanup, run as the function returns, often because the context is done), it is
 * under `if ctx == nil`, or the context is a local made with its own cancel or deadline for the
 * calls given it (`ctx, cancel := context.WithTimeout(…, 2*time.Second)` for one wait, then
 * `Cleanup(context.TODO(), c)` that must not stop with it).
 */
function whyNotThisContext(call: Node, source: CancellationSource): string | undefined {
  const done = doneAt(call, source.fn, source);
  if (done) return `the call runs ${done}, where ${source.expr} is done: given it, the call would fail at once`;
  const shared = sharedByJoiners(call, source);
  if (shared) {
    return `the call is in a function literal handed to ${shared}, whose work is shared by every caller that joins the same key: given ${source.expr}, one caller's cancellation would fail that work for all of them, callers whose own context is alive`;
  }
  for (const a of ancestors(call)) {
    if (same(a, source.fn)) {
      if (detachedParam(call, source)) return detachedReason(call, source);
      break;
    }
    if (a.type === 'defer_statement') return `the call is deferred: cleanup that runs as the function returns, often because ${source.expr} is done, would then fail at once`;
    const deferredAs = a.type === 'func_literal' ? deferredByName(a) : undefined;
    if (deferredAs) return `the call is in a function literal the function defers (${deferredAs}): cleanup that runs as the function returns, often because ${source.expr} is done, would then fail at once`;
    if (a.type === 'func_literal' && escapes(a)) return `the call is in a function literal that is returned or stored: it may run after ${source.expr} is done`;
    const stops = stopSelectFor(a, source.expr);
    if (stops) {
      if (stops.after) return `the call runs after a select that took work rather than stop on ${source.expr} (line ${stops.done.startPosition.row + 1}): that work may be meant to finish, and given ${source.expr} it could stop half-way (a worker's job cut off by the shutdown that waits for it to finish)`;
      return `the call is in a case of a select that stops on ${source.expr} in another case (line ${stops.done.startPosition.row + 1}): once this case runs, its work may be meant to finish, and given ${source.expr} it could stop half-way`;
    }
    if (detachedApart(a, call, source.expr)) return detachedReason(call, source);
  }
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const callee = given ? compacted(given.childForFieldName('function')!) : ''; // `c.\n\tDelete`, as `c.Delete`
  if (given?.childForFieldName('arguments')!.namedChildren.some((arg) => arg.text === source.expr)) {
    return `${firstLine(given.text)} is given ${source.expr} as well: ${call.text} is a base chosen apart from it (values copied onto a context of its own), and given ${source.expr} it would end with it`;
  }
  const failing = failureReason(given ?? undefined, source);
  if (failing) return failing;
  const finish = meantToFinish(call, callee, source, given ?? undefined);
  if (finish) return finish;
  const cleanup = cleanupNamed(callee, given ?? undefined);
  if (cleanup) {
    return `the call cleans up (${cleanup}): cleanup is meant to run even once ${source.expr} is done (a cancelled build still releases what it holds), and given ${source.expr} it would fail at once then`;
  }
  // Or one named for closing, rolling back or aborting, after a call given the context failed.
  const afterFailure = inFailureBranchOf(call, source, UNDOES_FAILED.test(callee));
  if (afterFailure && UNDOES_FAILED.test(callee)) return `the call cleans up (${callee}) after ${afterFailure} failed: that failure may be ${source.expr}'s end, and given ${source.expr} the clean-up would fail at once`;
  if (afterFailure) return `the call runs after ${afterFailure} failed, in the branch for that failure: the failure may be ${source.expr}'s end, and given ${source.expr} this call would fail at once`;
  const later = cleanupAfter(call, source.fn);
  if (later) return `the function cleans up after this call (${later}, left with its own context): given ${source.expr}, this call would fail once ${source.expr} is done, and the cleanup never be reached`;
  const kept = deletionReason(given ?? undefined, callee, source.expr) ?? outlivesCall(given ?? undefined, callee, source);
  if (kept) return kept;
  const values = madeForValues(call, source);
  if (values) {
    return `${source.expr} is made from a new root to carry values (${firstLine(values.text)}, line ${values.startPosition.row + 1}) for the calls given it: this one is not, and given it would see them (a test of the default without a header)`;
  }
  const made = madeWithOwnEnd(call, source);
  if (made) {
    return `${source.expr} is made here with a cancel or deadline of its own (line ${made.startPosition.row + 1}) for the calls given it, and no other context is in scope: this call may be meant to outlive it, and would stop with it`;
  }
  return closedAfterLoop(call, callee, source) ?? spanLinkReason(call, source);
}

/** The `context.WithValue(context.Background(), k, v)` a local context is made with, if it is: values on a root of its own. */
function madeForValues(call: Node, source: CancellationSource): Node | undefined {
  if (source.kind !== 'ctx-local') return undefined;
  const decl = declarationOf(source.expr, call);
  const made = decl && 'local' in decl ? decl.local.value : undefined;
  return made && /^\w+\.WithValue\(\s*\w+\.(Background|TODO)\(\)/.test(made.text) ? made : undefined;
}

/** The `context.WithTimeout(…)` (or WithCancel, WithDeadline, or the package's wrapper handing back a cancel too: `ctx, icancel := interruptableContext(ctx, …)`) a local context is made with, if it is. */
function madeWithOwnEnd(call: Node, source: CancellationSource): Node | undefined {
  if (source.kind !== 'ctx-local') return undefined;
  const decl = declarationOf(source.expr, call);
  const made = decl && 'local' in decl ? decl.local.value : undefined;
  const withCancel = made?.type === 'call_expression' && decl && 'local' in decl && decl.local.decl.childForFieldName('left')?.namedChildCount === 2;
  return made && (OWN_END.test(made.text) || withCancel) ? made : undefined;
}

/** A context constructor that gives the new context an end of its own. */
const OWN_END = /^\w+\.With(Cancel|Timeout|Deadline)\w*\(/;
