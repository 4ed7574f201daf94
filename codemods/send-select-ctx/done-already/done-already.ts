import { doneReceive, type CancellationSource } from '../../../src/go/cancellation.js';
import { afterCallReturningOnDone } from './returned-on-done.js';
import { declarationOf } from '../../../src/go/scope.js';
import { cancelFunctions, doneAt } from '../../../src/go/done-at.js';
import { callsOf, identifiersNamed, nodesByToken } from '../../../src/go/find-by-text.js';
import { loopShape } from '../../../src/go/loops.js';
import { useOf } from '../../../src/go/result-channel.js';
import { plainReceive } from '../../../src/go/receive-shapes.js';
import { parametersGiven } from '../../../src/go/called-functions.js';
import { ancestors, closureName, contains, enclosingFunction, ERROR_VARIABLE, firstLine, FUNCTION_TYPES, previousStatement, same, unparen, type Node } from '../../../src/go/syntax.js';
import type { FileContext } from '../../../src/engine/types.js';
import { endedByMethod } from './ended-by-method.js';
import { recordedEnd } from './recorded-end.js';
import { derivedFrom } from '../sources/derived-contexts.js';
import { givesSource, streamFailureTested } from './given-source.js';
import { streamedWithSource } from './streamed-values.js';

// Where a send runs once its stop source is done, or likely done: a select on the source there
// would skip the send at random, and whoever waits for it would wait forever.

/**
 * Where the send runs with the source known to be done, if it does: in a `case <-stop:` (or
 * `<-ctx.Done()`) of a select, after a `<-ctx.Done()` statement, a `cancel()` or a `close(stop)`, under `if
 * ctx.Err() != nil`, or sending `ctx.Err()` itself; or in a function called there, or called by
 * one called there. A select on it would then pick either case.
 */
export function knownDoneWhere(send: Node, fn: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const here = doneAt(send, fn, source) ?? recordedEnd(send, fn, source);
  if (here) return here;
  // A function literal written where the source is done runs after that, whenever it runs
  // (`cancel()`, then `once.Do(func() { errC <- err })`).
  if (fn.type === 'func_literal' && contains(source.fn, fn) && !same(source.fn, fn)) {
    const written = doneAt(fn, source.fn, source);
    if (written) return `in a function literal written ${written}`;
  }
  const deferred = deferredAfterDone(fn, source) ?? endedByMethod(send, source, ctx, () => callersOf(source.fn, ctx));
  if (deferred) return deferred;
  const afterCall = afterCallReturningOnDone(send, fn, source, ctx);
  if (afterCall) return afterCall;
  const flagged = setWithCancel(send, source);
  if (flagged) return flagged;
  const stats = grpcStatsCallback(source);
  if (stats) return stats;
  // The function called where the source is done: a closure (`flush := func() {…}`) or the
  // package's function or method (`case <-s.ctx.Done(): s.stop()`), the last flush or stop of a
  // shutdown.
  // Only a source the caller sees under the same name: one a closure captures, a receiver's field.
  const field = source.kind === 'ctx-field' || source.kind === 'done-field';
  if (fn.type === 'func_literal' ? same(source.fn, fn) && !field : !field) return undefined;
  for (const { name, call, caller } of callersOf(fn, ctx)) {
    const at = doneAt(call, caller, source);
    if (at) return `${name}() runs ${at}`;
    // One call further out: raft's Shutdown closes shutdownCh, then setState tells the observers.
    if (fn.type === 'func_literal' || caller.type === 'func_literal') continue;
    for (const outer of callersOf(caller, ctx)) {
      const further = doneAt(outer.call, outer.caller, source);
      if (further) return `${name}() runs in ${outer.name}(), which runs ${further}`;
    }
  }
  return undefined;
}

/**
 * A deferred function literal (`defer func() { … drain … }()`) of a function that returns once the
 * source is done (`case <-ctx.Done(): return`): it runs then, moving what is left (minio's log
 * targets hand queued entries on as they are cancelled). Where, e.g. `in a function deferred by
 * startQueueProcessor, which returns in case <-ctx.Done()`.
 */
function deferredAfterDone(fn: Node, source: CancellationSource): string | undefined {
  const statement = fn.type === 'func_literal' && fn.parent?.type === 'call_expression' ? fn.parent.parent : undefined;
  const outer = statement?.type === 'defer_statement' ? enclosingFunction(statement) : undefined;
  if (!outer || !contains(source.fn, outer)) return undefined;
  for (const ret of outer.descendantsOfType('return_statement')) {
    const at = same(enclosingFunction(ret), outer) ? doneAt(ret, outer, source) : undefined;
    if (at) return `in a function deferred by ${outer.childForFieldName('name')?.text ?? 'a function literal'}, which returns ${at}`;
  }
  return undefined;
}

/**
 * The send is under `if parserErr != nil` (or `if failed`) for a variable the function sets only
 * beside a call of the source's cancel (`parserErr = err; cancel()`): it runs once the source is
 * done. E.g. `under if parserErr != nil, set beside cancel() (line 52)`.
 */
function setWithCancel(send: Node, source: CancellationSource): string | undefined {
  const cancels = new Set(cancelFunctions(source).map((c) => `${c}()`));
  if (cancels.size === 0) return undefined;
  for (const a of ancestors(send)) {
    if (same(a, source.fn)) break;
    const consequence = a.type === 'if_statement' ? a.childForFieldName('consequence') : undefined;
    if (!consequence || !contains(consequence, send)) continue;
    const cond = a.childForFieldName('condition')!.text.replace(/\s/g, '');
    const flag = /^(\w+)(!=nil)?$/.exec(cond)?.[1];
    if (!flag) continue;
    const sets = source.fn.descendantsOfType(['assignment_statement', 'short_var_declaration']).filter((d) => d.childForFieldName('left')?.namedChildren.some((l) => l.text === flag));
    const cancelled = sets.map((set) => (/^(nil|false)$/.test(set.childForFieldName('right')?.text ?? '') ? null : cancelBeside(set, cancels)));
    const first = cancelled.find((c) => c);
    if (first && cancelled.every((c) => c !== undefined)) return `under if ${a.childForFieldName('condition')!.text}, set beside ${first.text} (line ${first.startPosition.row + 1})`;
  }
  return undefined;
}

/** A call of one of the cancels (`cancel()`) as a statement in the same block as `statement`. */
function cancelBeside(statement: Node, cancels: Set<string>): Node | undefined {
  return statement.parent?.namedChildren.find((s) => s.type === 'expression_statement' && cancels.has(s.text.replace(/\s/g, '')));
}

/** The calls of a function literal given a name (in the function around it) or of the package's function or method of its name, each with the function it is in. */
function callersOf(fn: Node, ctx: FileContext): { name: string; call: Node; caller: Node }[] {
  const name = fn.type === 'func_literal' ? closureName(fn) : fn.childForFieldName('name')?.text;
  if (!name) return [];
  const outer = enclosingFunction(fn);
  const calls = fn.type === 'func_literal' ? (outer ? callsOf(outer, ctx.source, name) : []) : ctx.packageIndex().callsNamed(name);
  return calls.flatMap((call) => {
    const caller = enclosingFunction(call);
    return !caller || same(caller, fn) || caller.childForFieldName('name')?.text === name ? [] : [{ name, call, caller }];
  });
}

/**
 * Where the send runs as the code winds down, when its stop source is likely done already: once
 * the function's main loop (a `for {` it breaks out of) has ended, in that function or in one
 * called there (`for workerCount > 0 { p.workerQueue <- nil }` after a pool's dispatch loop), or
 * once its input is closed (`msg, ok := <-msgs` … `if !ok { replies <- final; return }`), as a
 * stop closes it. E.g. `after the loop at line 202, which a stop ends`.
 */
export function windingDown(send: Node, fn: Node, ctx: FileContext): string | undefined {
  const closed = inputClosed(send, fn);
  if (closed) return `once ${closed} is closed (if !ok), as a stop closes it`;
  const loop = loopEndedBefore(send, fn);
  if (loop) return `after the loop at line ${loop.startPosition.row + 1}, which a stop ends`;
  for (const { name, call, caller } of callersOf(fn, ctx)) {
    // The caller may be parsed on its own: its lines are not the file's.
    if (loopEndedBefore(call, caller)) return `in ${name}(), called after the main loop of ${caller.childForFieldName('name')?.text ?? 'its caller'}(), which a stop ends`;
  }
  return undefined;
}

/** The channel whose closing the send reacts to: in `if !ok { … }` after `v, ok := <-ch` (a select case's or a statement before it). */
function inputClosed(send: Node, fn: Node): string | undefined {
  for (const a of ancestors(send)) {
    if (same(a, fn)) return undefined;
    if (a.type !== 'if_statement') continue;
    const ok = /^!\s*(\w+)$/.exec(a.childForFieldName('condition')?.text ?? '')?.[1];
    const then = a.childForFieldName('consequence');
    if (!ok || !then || !contains(then, send)) continue;
    const received = new RegExp(`^\\w+\\s*,\\s*${ok}\\s*:?=\\s*<-\\s*([\\w.]+)$`);
    const kase = ancestors(a).find((c) => c.type === 'communication_case' || FUNCTION_TYPES.has(c.type));
    const fromCase = kase?.type === 'communication_case' ? received.exec(kase.childForFieldName('communication')?.text ?? '')?.[1] : undefined;
    if (fromCase) return fromCase;
    for (let prev = a.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
      const fromStatement = received.exec(prev.text)?.[1];
      if (fromStatement) return fromStatement;
    }
  }
  return undefined;
}

/** A `for {` loop with a way out (`break`), a statement of a block around `node` (within `fn`) before it. */
function loopEndedBefore(node: Node, fn: Node): Node | undefined {
  for (const a of ancestors(node)) {
    if (same(a, fn)) return undefined;
    if (a.type !== 'statement_list') continue;
    for (let s = a.firstNamedChild; s && s.endIndex <= node.startIndex; s = s.nextNamedSibling) {
      const loop = s.type === 'labeled_statement' ? s.namedChildren.find((c) => c.type === 'for_statement') : s;
      if (loop?.type === 'for_statement' && loopShape(loop).kind === 'forever' && /\bbreak\b/.test(loop.text)) return loop;
    }
  }
  return undefined;
}

/**
 * The send is in the error branch of a call given the context (`if err := lim.Take(ctx, n); err
 * != nil { out <- failed }`), or sends what such a call returns (`errCh <- r.ListAndWatch(ctx)`):
 * it reports an outcome that a done context causes, so a select on any source there may drop the
 * very report of it. What it reports, e.g. `the failure of lim.Take(ctx, n)`.
 */
export function reportsFailureOf(send: Node, fn: Node, source: CancellationSource): string | undefined {
  if (!source.isContext) return undefined;
  // `errCh <- r.ListAndWatch(ctx)`: the send hands on what a call given the context returns.
  const value = send.childForFieldName('value');
  const sent = value && unparen(value).type === 'call_expression' ? unparen(value) : undefined;
  const contexts = [source.expr, ...derivedFrom(source.expr, fn)];
  const given = sent && givesSource(sent, contexts);
  if (given && !takenOrGivenUp(send, source)) return `the result of ${firstLine(sent.text)}`;
  for (const a of ancestors(send)) {
    if (same(a, fn)) break;
    const consequence = a.type === 'if_statement' ? a.childForFieldName('consequence') : undefined;
    const failed = consequence && contains(consequence, send) ? (callGivenSourceFailed(a, contexts) ?? streamFailureTested(a, contexts)) : undefined;
    if (failed) return `the failure of ${failed}`;
  }
  return undefined;
}

/**
 * As `reportsFailureOf`, for a result carried in a struct: `or <- orderResult{err: err, r: r}`
 * just after `r, err := fetch(ctx, in)`. What it reports, e.g. `the result of fetch(ctx, in)`.
 */
export function carriesResultOf(send: Node, fn: Node, source: CancellationSource): string | undefined {
  const value = send.childForFieldName('value');
  if (!source.isContext || !value) return undefined;
  const contexts = [source.expr, ...derivedFrom(source.expr, fn)];
  const carried = unparen(value).type === 'composite_literal' ? carriedResult(send, unparen(value), contexts) : undefined;
  const streamed = carried ? undefined : streamedWithSource(send, contexts);
  if ((!carried && !streamed) || takenOrGivenUp(send, source)) return undefined;
  return carried ? `the result of ${firstLine(carried.text)}` : `values received from ${streamed}`;
}

/**
 * The call given one of the contexts whose results a composite literal carries: the statement
 * just before the send (error checks between aside) assigns a name the literal holds from it.
 */
function carriedResult(send: Node, literal: Node, contexts: string[]): Node | undefined {
  // Past comments and the error check between (`if err != nil { … return }`).
  const prev = previousStatement(send, (s) => s.type === 'if_statement');
  if (prev?.type !== 'short_var_declaration' && prev?.type !== 'assignment_statement') return undefined;
  const call = prev.childForFieldName('right')?.namedChildren[0];
  if (call?.type !== 'call_expression' || !givesSource(call, contexts)) return undefined;
  const names = new Set(prev.childForFieldName('left')?.namedChildren.map((n) => n.text).filter((n) => n !== '_'));
  // A value the literal holds, not a field name (`err:` of `err: err`).
  const isKey = (id: Node) => id.parent?.type === 'literal_element' && id.parent.parent?.type === 'keyed_element' && same(id.parent.parent.namedChild(0), id.parent);
  const held = literal.descendantsOfType('identifier').some((id) => names.has(id.text) && !isKey(id));
  return held ? call : undefined;
}

/**
 * A local channel that the function making it receives only in selects that also wait on the
 * source (`select { case r := <-results: … case <-ctx.Done(): return }`): once the source is done
 * that receiver leaves too, and a result dropped then is one nobody waits for.
 */
export function takenOrGivenUp(send: Node, source: CancellationSource): boolean {
  const chan = send.childForFieldName('channel');
  const found = chan?.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  const maker = found && 'local' in found ? enclosingFunction(found.local.decl) : undefined;
  if (!maker) return false;
  const receive = `<-${chan!.text}`;
  const done = doneReceive(source).replace(/\s/g, '');
  const receives = maker.descendantsOfType('unary_expression').filter((u) => u.text.replace(/\s/g, '') === receive);
  return receives.length > 0 && receives.every((u) => {
    const select = ancestors(u).find((a) => a.type === 'select_statement');
    return !!select && select.descendantsOfType('unary_expression').some((d) => d.text.replace(/\s/g, '') === done);
  });
}

/**
 * The call whose error an `if err != nil` tests, when the call is given the context: made in its
 * initializer or the statement just before it, or in any declaration of or assignment to it
 * earlier in the function (`manifestGenResult, err = s.generate(ctx, p)` in a block before the
 * test; `out, err := cmd.CombinedOutput()` with a clean-up and a log call between). The call as
 * written (its first line).
 */
function callGivenSourceFailed(ifStmt: Node, contexts: string[]): string | undefined {
  // `err != nil`, or `err != nil && !errors.Is(err, errNotFound)`: some failures of the call.
  const tested = /^(\w+)!=nil(&&.*)?$/.exec(ifStmt.childForFieldName('condition')?.text.replace(/\s/g, '') ?? '')?.[1];
  if (!tested) return undefined;
  const fn = enclosingFunction(ifStmt);
  // From the declaration the test sees on: an `err` declared again later is another variable.
  const visible = declarationOf(tested, ifStmt);
  const from = visible && 'local' in visible ? visible.local.decl.startIndex : -1;
  // Or, in a literal the function defers, a variable of the function set anywhere (`defer func() { if err != nil { pr <- … } }()`, then `err = s.resetDBs(ctx)`).
  const outer = fn?.parent?.parent?.type === 'defer_statement' && ERROR_VARIABLE.test(tested) && visible && 'local' in visible && !contains(fn, visible.local.decl) ? enclosingFunction(visible.local.decl) : undefined;
  const earlier = outer ? outer.descendantsOfType(['assignment_statement', 'short_var_declaration']).filter((a) => same(enclosingFunction(a), outer)) : fn ? fn.descendantsOfType(['assignment_statement', 'short_var_declaration']).filter((a) => a.startIndex >= from && a.endIndex <= ifStmt.startIndex && same(enclosingFunction(a), fn)) : [];
  for (const s of [ifStmt.childForFieldName('initializer'), ifStmt.previousNamedSibling, ...earlier.reverse()]) {
    if (s?.type !== 'short_var_declaration' && s?.type !== 'assignment_statement') continue;
    const left = s.childForFieldName('left')?.namedChildren ?? [];
    const call = s.childForFieldName('right')?.namedChildren[0];
    if (!left.some((n) => n.text === tested) || call?.type !== 'call_expression') continue;
    if (givesSource(call, contexts)) return firstLine(call.text);
  }
  return undefined;
}

/**
 * Where the code that provides the source ends it, or waits for it to end, and then waits for
 * the value: `cancel()` (the source's cancel function), `close(stop)` or a `<-ctx.Done()`
 * statement, then a receive from the channel later in the same function (`cancel(); select {
 * case <-signal: … }`, or `<-ctx.Done()` while a callback reports, then `case err := <-errCh:`):
 * the value is expected after the source is done, so a send giving up then would fail that wait.
 * E.g. `cancel() (line 1167) before <-signal (line 1169)`.
 */
export function endedThenAwaited(send: Node, source: CancellationSource, text: string, ctx?: FileContext): string | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier' || source.kind === 'ctx-field' || source.kind === 'done-field') return undefined;
  const scope = source.fn;
  const body = text.slice(scope.startIndex, scope.endIndex);
  const enders: Node[] = [];
  if (source.isContext) {
    for (const cancel of cancelFunctions(source, body)) enders.push(...callsOf(scope, text, cancel));
  } else {
    enders.push(...callsOf(scope, text, 'close').filter((c) => c.childForFieldName('arguments')?.namedChildren[0]?.text === source.expr));
  }
  // A wait for the source to end (`<-ctx.Done()`, a closure given ctx and its cancel ends it):
  // what is received after it is expected once the source is done just the same.
  const done = doneReceive(source).replace(/\s/g, '');
  enders.push(...nodesByToken(scope, text, '<-', 'unary_expression').filter((u) => u.text.replace(/\s/g, '') === done));
  const own = (n: Node) => same(enclosingFunction(n), scope);
  // Called there and then: `defer cancel()` ends the source only when the function returns.
  const now = (call: Node) => own(call) && call.parent?.type === 'expression_statement';
  const uses = identifiersNamed(scope, text, chan.text).filter(own);
  const receives = uses.filter((id) => useOf(id) === 'receive');
  // Or hands the channel to a function of the package that takes it with a plain receive (`case
  // <-ctx.Done(): e.handleShutdown(server, errChan)`, which stops the server, then `<-errChan`).
  const handed = ctx ? uses.filter((id) => id.parent?.type === 'argument_list' && takenByCallee(id.parent.parent!, chan.text, ctx)) : [];
  const line = (n: Node) => `line ${n.startPosition.row + 1}`;
  for (const end of enders.filter(now)) {
    const wait = receives.find((r) => r.startIndex > end.endIndex);
    if (wait) return `${end.text} (${line(end)}) before ${wait.parent!.text} (${line(wait)})`;
    const call = handed.find((h) => h.startIndex > end.endIndex);
    if (call) return `${end.text} (${line(end)}) before ${firstLine(call.parent!.parent!.text)} (${line(call)}), which receives it`;
  }
  // A select's `case <-ctx.Done():`: the statements of that case run once the source is done.
  for (const end of enders.filter((u) => u.parent?.type === 'receive_statement' && u.parent.parent?.type === 'communication_case' && own(u))) {
    const kase = end.parent!.parent!;
    const wait = [...receives, ...handed].find((r) => contains(kase, r) && r.startIndex > end.endIndex);
    if (wait) return `case ${end.text} (${line(end)}) goes on to ${firstLine(wait.parent!.type === 'argument_list' ? wait.parent!.parent!.text : wait.parent!.text)} (${line(wait)})${wait.parent!.type === 'argument_list' ? ', which receives it' : ''}`;
  }
  return undefined;
}

/** A call of a function of the package whose parameter, handed `name`, it takes with a plain receive. */
function takenByCallee(call: Node, name: string, ctx: FileContext): boolean {
  if (call.type !== 'call_expression') return false;
  return parametersGiven(call, name, ctx.packageIndex()).some(({ decl, param }) =>
    decl.descendantsOfType('unary_expression').some((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === param && plainReceive(u) && same(enclosingFunction(u), decl)),
  );
}

/**
 * gRPC's stats callbacks (`HandleRPC(ctx context.Context, s stats.RPCStats)`, `HandleConn`): gRPC
 * reports an RPC's End after it has cancelled the RPC's context, the one given here.
 */
function grpcStatsCallback(source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' || source.fn.type !== 'method_declaration') return undefined;
  const name = source.fn.childForFieldName('name')?.text;
  if (name !== 'HandleRPC' && name !== 'HandleConn') return undefined;
  const params = source.fn.childForFieldName('parameters')?.text ?? '';
  return /\b(?:stats\.)?(RPC|Conn)Stats\b/.test(params) ? `in ${name}, gRPC's stats callback, which gets the RPC's End once the RPC's context is cancelled` : undefined;
}
