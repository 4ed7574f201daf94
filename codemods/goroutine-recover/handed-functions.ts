import { callsHanding, isFunctionType, literalsHandedTo } from '../../src/go/called-functions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { ancestors, contains, firstLine, same, statementsOf, type Node } from '../../src/go/syntax.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';
import { LOOPS_FOR_GOOD, releaseInText, servesForGood } from './skipped-work.js';
import { publishedLast } from './waited-for.js';
import { handedLiteralSignals } from './handed-signal.js';
import { getterFunctionReason } from './getter-function.js';

// Goroutines whose work is a function their starter is handed: what a recovered panic would skip
// is in the literals the package's callers hand it.

type HandedLiteral = ReturnType<typeof literalsHandedTo>[number];

/** Why a goroutine running a function its starter is handed must not be recovered, if so. */
export function handedFunctionReason(undeferred: Node[], index: PackageIndex): string | undefined {
  const handed = undeferred.flatMap((c) => literalsHandedTo(c, index));
  const server = servesThroughParameter(handed);
  if (server) return `the goroutine runs ${server.param}, and the package hands ${server.callee} a function that runs ${server.runs}, meant to run for the life of the process: recovered, a panic would leave the process up with it gone where the crash used to restart it`;
  const work = handedWorkLeftUndone(handed, index);
  if (work) return `the goroutine runs ${work.param}, and the package hands ${work.callee} a function that runs ${work.runs} outside a defer: after a recovered panic it would be skipped (a request never answered, a hold never released) where the process used to crash`;
  return handedLiteralSignals(handed, index) ?? getterFunctionReason(undeferred, index);
}

/** Why a goroutine calling back a function its starter is handed, whose code the package does not show, must not be recovered, if so. */
export function callbackReason(undeferred: Node[], index: PackageIndex): string | undefined {
  const callback = callbackFromOutside(undeferred, index);
  return callback && `the goroutine calls ${callback}, a function its starter is handed whose code the package does not show, outside a defer: it may be the caller's way on (a transaction's next step, a reply), and after a recovered panic it would never be called, leaving that caller waiting where the process used to crash`;
}

/**
 * The last statement of the goroutine, a call handing on what its work gave to a function-typed
 * parameter of a named function around it, to which no code
 * of the package hands a literal (\`go func() { cb(h.hooks.BeforeATRCommit(h.ctx)) }()\` in a method
 * another module's interface asks for: gocb's transaction hooks, whose commit went on only in cb).
 * As written, up to its paren.
 */
function callbackFromOutside(undeferred: Node[], index: PackageIndex): string | undefined {
  for (const callee of undeferred) {
    // Handed what the work gave, as the goroutine's last statement (`cb(result)`), not the work
    // itself (`step()`).
    const call = callee.parent!;
    const statement = call.parent;
    const body = statement?.type === 'expression_statement' ? statement.parent : undefined;
    const last = body?.namedChildren.filter((c) => c.type !== 'comment').at(-1);
    if (!call.childForFieldName('arguments')?.namedChildCount || !last || !same(last, statement) || body?.parent?.parent?.type !== 'func_literal' && body?.parent?.type !== 'func_literal') continue;
    // Named for a continuation or a completion (`cb`, `callback`, `done`, `reply`, `onFinish`), not
    // for work or output (`report`, `out`, `f`).
    if (!CONTINUATION.test(callee.text)) continue;
    const found = callee.type === 'identifier' ? declarationOf(callee.text, callee) : undefined;
    if (!found || !('param' in found) || found.param.fn.type === 'func_literal' || !isFunctionType(found.param.typeNode, index)) continue;
    // Handed a literal in the package, its code is read above (a call of another method of the
    // same name, given something else, is not one).
    if (callsHanding(found.param, index)?.calls.some(({ arg }) => arg?.type === 'func_literal')) continue;
    return `${callee.text}(…)`;
  }
  return undefined;
}

/**
 * A server or loop the goroutine runs through a function its starter is handed: `err :=
 * handler()`, where the package's calls hand `startHandler` a literal that runs for good (`func()
 * error { return srv.Serve(l) }`: etcd's client and peer servers). The parameter called, and what
 * runs.
 */
function servesThroughParameter(handed: HandedLiteral[]): { param: string; runs: string; callee: string } | undefined {
  for (const { literal, param, callee } of handed) {
    const body = literal.childForFieldName('body')!;
    const runs = servesForGood(body) ?? LOOPS_FOR_GOOD.exec(body.text)?.[0].trim();
    if (runs) return { param, runs, callee };
  }
  return undefined;
}

/**
 * The goroutine's work is a function its starter is handed (`go func() { defer func() {
 * <-semaphore }(); fn() }()`), and one the package hands it ends by handing on what its work gave
 * (`reply, err := h.OnRPC(…); cb(reply, err)`: centrifugo's command handlers, whose client, once a
 * panic was recovered, never got an answer) or releases something outside a defer: what the
 * goroutine leaves undone is in its callers' code. The parameter, the function declaring it, and
 * what its literal runs.
 */
function handedWorkLeftUndone(handed: HandedLiteral[], index: PackageIndex): { param: string; callee: string; runs: string } | undefined {
  for (const { literal, param, callee } of handed) {
    const body = literal.childForFieldName('body')!;
    const handed = publishedLast(statementsOf(body));
    const runs = handed?.handsOn ? handed.call : (releaseInText(body.text) ?? functionValueCalled(body, index));
    if (runs) return { param, callee, runs };
  }
  return undefined;
}

/**
 * A call, not deferred, of a function value whose code the package does not show: a field or
 * parameter of a function type (`s.processFunc(obj)`, a `ProcessFunc[T]`: cert-manager's
 * scheduled work, queued by a controller, dropped for good once a panic in it was recovered). As
 * written, marked as a function value.
 */
function functionValueCalled(body: Node, index: PackageIndex): string | undefined {
  for (const call of body.descendantsOfType('call_expression')) {
    if (ancestors(call).some((a) => a.type === 'defer_statement' && contains(body, a))) continue;
    const fn = call.childForFieldName('function')!;
    const found = fn.type === 'identifier' ? declarationOf(fn.text, fn) : undefined;
    const type = fn.type === 'selector_expression' ? selectedField(fn, index)?.typeNode : found && 'param' in found ? found.param.typeNode : undefined;
    if (type && isFunctionType(type, index)) return `${firstLine(call.text)}, a function value whose code it does not show,`;
  }
  return undefined;
}

/** Names of a callback that continues or completes its caller's work. */
const CONTINUATION = /^(cb|fn?Cb|callback|\w+Callback|done|doneFn|reply|respond|resolve|next|cont|continuation|complete|finish|on[A-Z]\w*)$/;


/**
 * The functions a body calls, and the package's functions and methods it hands to a call as
 * values, to run there (`pprof.Do(ctx, labels, r.flushLoop)`: pebble's WAL flush loop, whose
 * unlock a recovered panic skipped): each as its callee node, `r.flushLoop` as if called.
 */
export function calledOrHanded(body: Node): Node[] {
  const calls = body.descendantsOfType('call_expression');
  const handed = calls.flatMap((c) => (c.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type === 'selector_expression' || a.type === 'identifier'));
  return [...calls.map((c) => c.childForFieldName('function')!), ...handed];
}
