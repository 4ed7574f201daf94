import type { FileContext } from '../../../src/engine/types.js';
import { doneReceive, type CancellationSource } from '../../../src/go/cancellation.js';
import { cancelFunctions } from '../../../src/go/done-at.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { leavesLoop } from '../../../src/go/loops.js';
import { selectIgnoring, useOf } from '../../../src/go/result-channel.js';
import { plainReceive, receiveCase } from '../../../src/go/receive-shapes.js';
import { declarationOf, paramsOf } from '../../../src/go/scope.js';
import { parametersGiven } from '../../../src/go/called-functions.js';
import { mostSends } from '../../../src/go/send-paths.js';
import { ancestors, contains, enclosingFunction, firstLine, same, unparen, type Node } from '../../../src/go/syntax.js';
import { contextIgnoredByLoop } from './handed-context-loop.js';
import { drainedByCalledWorkers, drainingRange, ownerType, plainFieldReceive } from '../receivers/receivers.js';

// A send on a channel parameter: what the package's callers hand in, and how they take it.

/** A receive in a loop of `fn` that nothing leaves early (no return, goto or panic in it, no break of that loop): it takes every value it counts. */
function takesAll(receive: Node, fn: Node): boolean {
  const loop = ancestors(receive).find((a) => a.type === 'for_statement' || same(a, fn));
  return loop?.type === 'for_statement' && !leavesLoop(loop) && !/\bpanic\b/.test(loop.childForFieldName('body')?.text ?? '');
}

/**
 * A receive that takes every value of the channels a loop collected (`results = append(results,
 * ch)`, then `if <-results[i] != nil` in a loop nothing leaves early): the slice's element
 * received, when the slice is never closed element by element elsewhere.
 */
function takenFromSlice(uses: Node[], caller: Node): Node | undefined {
  for (const id of uses) {
    const call = id.parent?.type === 'argument_list' ? id.parent.parent : undefined;
    const args = call?.childForFieldName('arguments')?.namedChildren ?? [];
    if (call?.childForFieldName('function')?.text !== 'append' || same(args[0], id) || args[0]?.type !== 'identifier') continue;
    const slice = args[0].text;
    for (const u of caller.descendantsOfType('unary_expression')) {
      const operand = u.childForFieldName('operand');
      if (u.childForFieldName('operator')?.text !== '<-' || operand?.type !== 'index_expression' || operand.childForFieldName('operand')?.text !== slice) continue;
      if (plainReceive(u) && takesAll(operand, caller)) return operand;
    }
  }
  return undefined;
}

/** How the caller waits on the source as it has it: a parameter of `fn` as it hands it in (`<-ctx.Done()` for `go t.get(ctx, …)`), or the same receiver's field. */
function callerStop(source: CancellationSource, fn: Node, call: Node): string | undefined {
  if (source.kind === 'ctx-field' || source.kind === 'done-field') {
    // A field of the receiver (`t.ctx`): the same, when the caller is a method with the same receiver name.
    const method = ancestors(call).find((a) => a.type === 'method_declaration');
    return method && receiverOf(method)?.name === source.expr.split('.')[0] ? doneReceive(source).replace(/\s/g, '') : undefined;
  }
  if (source.kind !== 'ctx-param' && source.kind !== 'done-param') return undefined;
  const position = paramsOf(fn).findIndex((p) => p.name === source.expr);
  const arg = position < 0 ? undefined : call.childForFieldName('arguments')?.namedChildren[position];
  return arg && doneReceive({ ...source, expr: arg.text }).replace(/\s/g, '');
}

/**
 * The caller's function and the source as it has it, when the call hands `fn` a channel parameter
 * of the caller's own and the source is one of its parameters too (`ctx` passed on as `ctx`).
 */
function handedOn(arg: Node, call: Node, fn: Node, source: CancellationSource): { fn: Node; source: CancellationSource } | undefined {
  const found = declarationOf(arg.text, call);
  if (!found || !('param' in found) || source.kind !== 'ctx-param') return undefined;
  const position = paramsOf(fn).findIndex((p) => p.name === source.expr);
  const given = position < 0 ? undefined : call.childForFieldName('arguments')?.namedChildren[position];
  const caller = found.param.fn;
  if (given?.type !== 'identifier' || !paramsOf(caller).some((p) => p.name === given.text)) return undefined;
  return { fn: caller, source: { ...source, expr: given.text, fn: caller, label: `parameter ${given.text}` } };
}

/**
 * A channel parameter of a function the package calls (or starts: `go f(…, results)`) with a
 * channel the caller made and takes with a plain receive, closing it nowhere, in a loop that
 * nothing leaves early (`for received != issued { loaded := <-results }`), or drains in a
 * goroutine ranging over it (`for err := range errc`, or `go collect(wg, resultCh)` reading it
 * until it is closed), or waits for in a select that does not wait on the source it hands in: the
 * caller takes every value, so the send always has its receiver, and one giving up would drop a
 * value the caller counts on, or leave it waiting forever. How, e.g. `handleLoads() takes it with
 * loaded := <-results`.
 */
export function awaitedByCaller(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const found = chan.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  if (!found || !('param' in found)) return undefined;
  return awaitedThrough(found.param.fn, chan.text, ctx, source, 0);
}

/** Calls passing a channel parameter on that are followed to the function that made it. */
const MAX_HANDED_ON = 2;

/** As awaitedByCaller, for the channel parameter `chan` of `fn` given the source as `fn` has it. */
function awaitedThrough(fn: Node, chan: string, ctx: FileContext, source: CancellationSource, depth: number): string | undefined {
  const name = fn.childForFieldName('name')?.text;
  if (!name || (fn.type !== 'function_declaration' && fn.type !== 'method_declaration')) return undefined;
  const position = paramsOf(fn).findIndex((p) => p.name === chan);
  for (const call of ctx.packageIndex().callsNamed(name)) {
    const arg = call.childForFieldName('arguments')?.namedChildren[position];
    // A caller passing on a channel handed to it, with the source (`t.directRecvHandshake(ctx, …,
    // failChan)` in connectToRelay): its own callers take the values (wormhole-william's direct
    // connections, whose owner counts a report from each).
    const through = depth < MAX_HANDED_ON && arg?.type === 'identifier' ? handedOn(arg, call, fn, source) : undefined;
    const via = through && awaitedThrough(through.fn, arg!.text, ctx, through.source, depth + 1);
    if (via) return `${via}, through ${through!.fn.childForFieldName('name')!.text}()`;
    // A field handed in (`go it.query(n, it.replyCh)`): received with a plain receive elsewhere (`shutdown` counting replies).
    const handedField = arg?.type === 'selector_expression' ? arg.childForFieldName('field')?.text : undefined;
    const fieldTaker = handedField ? plainFieldReceive(handedField, ownerType(arg!, call), ctx) : undefined;
    if (fieldTaker) return `${arg!.text} is taken with ${fieldTaker}`;
    const made = arg?.type === 'identifier' ? declarationOf(arg.text, call) : undefined;
    if (!made || !('local' in made) || !/^make\(\s*chan\b/.test(made.local.value?.text ?? '')) continue;
    // The function that made the channel (the call may be in a goroutine it starts).
    const caller = enclosingFunction(made.local.decl);
    if (!caller) continue;
    // The caller's tree is parsed apart from this file's: its nodes are found by their own text.
    const uses = caller.descendantsOfType('identifier').filter((id) => id.text === arg!.text);
    // A close after every receive, by the caller itself once it has taken them all, frees none.
    const receives = uses.filter((id) => useOf(id) === 'receive');
    const closed = uses.some((id) => useOf(id) === 'close' && !(same(enclosingFunction(id), caller) && receives.every((r) => r.endIndex < id.startIndex && same(enclosingFunction(r), caller))));
    const callerName = `${caller.childForFieldName('name')?.text ?? 'a function literal'}()`;
    const taken = closed ? undefined : uses.find((id) => useOf(id) === 'receive' && plainReceive(id.parent!) && takesAll(id, caller)) ?? takenFromSlice(uses, caller);
    const statement = taken && ancestors(taken).find((a) => a.parent?.type === 'statement_list');
    if (taken) return `${callerName} takes it with ${firstLine((statement ?? taken.parent!).text)}`;
    // Or takes the one value the callee sends with a plain receive it reaches on every path after
    // the call (`go r.lookupHost(ctx, …, ach)`, …, `ares := <-ach`): a value dropped once the
    // source is done would leave it waiting for good (ooni's parallel resolver, its A and AAAA
    // answers read one after the other, hung when the second gave up while it read the first).
    const after = closed || mostSends(fn.childForFieldName('body')!, chan) > 1 ? undefined : receivedAfter(call, uses, caller);
    // The caller's tree may be its declaration parsed alone: quoted, not placed by line.
    if (after) return `${callerName} takes it with ${firstLine(after.text)}, on every path after the call`;
    // Or waits for it with a receive that is a statement of its own, wherever (`case addr :=
    // <-sub.AddrChan: …; <-published`): nothing but the value ends that wait (dapr's mDNS
    // resolver hung once its browser gave the signal up at shutdown).
    const bare = closed ? undefined : uses.find((id) => useOf(id) === 'receive' && id.parent?.parent?.type === 'expression_statement');
    if (bare) return `${callerName} waits for it with ${bare.parent!.text}, a statement of its own`;
    // Or hands it to a function of the package that waits for a value (`wait(errc)`, with `return
    // <-errc` in it): a variant of redka's start-up hung on a cancelled start.
    const helper = closed ? undefined : takenByHelper(uses, arg!.text, ctx);
    if (helper) return `${callerName} hands it to ${helper}`;
    // A select of the caller that waits for it but not for the source, as the caller hands it in.
    const stop = callerStop(source, fn, call);
    const ignoring = !closed && stop ? selectIgnoring(uses, stop) : undefined;
    // The caller's tree is its declaration parsed alone: quoted, not placed by line.
    const kase = ignoring && uses.map((id) => receiveCase(id.parent!)).find((c) => c && same(c.parent, ignoring));
    if (kase) return `${callerName} waits for it in a select (${firstLine(kase.text)}) that does not wait on ${stop!.slice(2)}`;
    // A goroutine of the caller ranging over it to the end: `go func() { for err := range errc { … } }()`.
    const drained = drainingRange(caller, arg!.text);
    if (drained) return `${callerName} drains it with for ${drained.text}`;
    // Or hands it to a function of the package it starts that does: `go collect(wg, resultCh)`.
    const collector = drainedByCalledWorkers(caller, arg!.text, ctx);
    if (collector) return `${callerName} drains it in ${collector}`;
  }
  return undefined;
}

/**
 * A channel the function makes and returns (`return doneInits`), given a context parameter that a
 * caller in the package makes with its own cancel and hands in, then cancels in a loop that goes
 * on receiving from the returned channel (`cancel(initErr)` on the first error, then `<-doneInits`
 * for every other value): the source is done by the reader's own choice while it still waits for
 * values. How, e.g. `InitVUs() cancels subctx (cancel(initErr)) and goes on receiving from
 * doneInits` (no line: the caller may be in another file).
 */
export function cancelledByReader(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const maker = source.fn;
  const name = maker.childForFieldName('name')?.text;
  if (source.kind !== 'ctx-param' || chan.type !== 'identifier' || !name) return undefined;
  if (!new RegExp(`\\breturn\\s+${chan.text}\\s*$`, 'm').test(maker.text)) return undefined;
  const position = paramsOf(maker).findIndex((p) => p.name === source.expr);
  for (const call of ctx.packageIndex().callsNamed(name)) {
    const arg = call.childForFieldName('arguments')?.namedChildren[position];
    const decl = call.parent?.parent;
    const result = decl?.type === 'short_var_declaration' || decl?.type === 'assignment_statement' ? decl.childForFieldName('left')?.namedChildren[0]?.text : undefined;
    const caller = enclosingFunction(call);
    if (arg?.type !== 'identifier' || !result || !caller) continue;
    const cancel = cancelFunctions({ ...source, expr: arg.text }, caller.text)[0];
    if (!cancel) continue;
    for (const stmt of caller.descendantsOfType('expression_statement')) {
      const cancels = stmt.namedChild(0)?.type === 'call_expression' && stmt.namedChild(0)!.childForFieldName('function')?.text === cancel;
      const loop = cancels ? ancestors(stmt).find((a) => a.type === 'for_statement' && caller.startIndex <= a.startIndex) : undefined;
      if (loop && new RegExp(`<-\\s*${result}\\b`).test(loop.text)) {
        return `${caller.childForFieldName('name')?.text ?? 'its caller'}() cancels ${arg.text} (${firstLine(stmt.text)}) and goes on receiving from ${result}`;
      }
    }
  }
  return undefined;
}

/**
 * Why the fix's return would leave only part of the work, if it would: the send's function is a
 * method or function of the package called in a loop that does not stop on the field source
 * (goreplay's `startWorker`, `for { … o.sendRequest(client, msg) … }` with no case on `o.quit`):
 * the return leaves the helper, and the loop goes on past the stop. Or, for the function's own
 * context parameter, called in an endless loop that neither checks what it hands in nor stops on
 * the result (contextIgnoredByLoop): once that context is done the loop spins.
 */
export function returnLeavesOnly(send: Node, fn: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  if (!same(enclosingFunction(send), fn)) return undefined;
  // Or the function's own context parameter, handed in by a loop that never looks at it (fabio's route poller).
  const param = source.kind === 'ctx-param' && same(source.fn, fn);
  if (source.kind !== 'done-field' && source.kind !== 'ctx-field' && !param) return undefined;
  if (fn.type !== 'method_declaration' && fn.type !== 'function_declaration') return undefined;
  const name = fn.childForFieldName('name')?.text;
  const field = source.expr.slice(source.expr.indexOf('.') + 1);
  if (!name) return undefined;
  for (const call of ctx.packageIndex().callsNamed(name)) {
    const caller = enclosingFunction(call);
    const callerName = caller?.childForFieldName('name')?.text;
    const where = callerName ? `${callerName}()'s loop` : 'a loop of a function literal';
    if (param) {
      const ignored = contextIgnoredByLoop(call, fn, source.expr);
      const handed = ignored && ignored.arg !== source.expr ? ` (handed in as ${source.expr})` : '';
      if (ignored) return `the return would leave only ${name}(), called in ${where}, an endless one that neither checks ${ignored.arg}${handed} nor stops on what ${name}() returns: once ${ignored.arg} is done that loop would call ${name}() again at once, a blocked send turned into a busy loop`;
      continue;
    }
    const loop = ancestors(call).find((a) => a.type === 'for_statement' && (!caller || contains(caller, a)));
    if (loop && !new RegExp(`\\.${field}\\b`).test(loop.text)) {
      return `the return would leave only ${name}(), called in ${where}, which does not stop on ${source.expr}: the value would be dropped and the loop go on working past the stop`;
    }
  }
  return undefined;
}

/** A call of the caller's that hands the channel to a package function taking it with a plain receive: that function and its receive. */
function takenByHelper(uses: Node[], arg: string, ctx: FileContext): string | undefined {
  for (const id of uses) {
    const call = id.parent?.type === 'argument_list' ? id.parent.parent : undefined;
    if (call?.type !== 'call_expression' || call.parent?.type === 'go_statement') continue;
    for (const { callee, decl, param } of parametersGiven(call, arg, ctx.packageIndex())) {
      const receive = decl.descendantsOfType('unary_expression').find((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === param && plainReceive(u) && same(enclosingFunction(u), decl));
      if (receive) return `${callee}(), which takes it with ${firstLine(receive.text)}`;
    }
  }
  return undefined;
}

/** Statements that take a receive's value as they run: `v := <-ch`, `v = <-ch`, `<-ch`, `return <-ch`. */
const TAKING = new Set(['short_var_declaration', 'assignment_statement', 'expression_statement', 'var_declaration', 'return_statement']);

/**
 * The statement of the caller holding a plain receive of the channel, in the block of the statement
 * that makes the call, after it, with nothing between them that leaves the block (a return, a
 * break, a panic or a Fatal): the caller reaches it whenever it made the call. The channel is
 * handed to this call only, made once (in no loop).
 */
function receivedAfter(call: Node, uses: Node[], caller: Node): Node | undefined {
  if (uses.filter((id) => id.parent?.type === 'argument_list').length !== 1) return undefined;
  for (const id of uses) {
    if (useOf(id) !== 'receive' || !plainReceive(id.parent!)) continue;
    const stmt = ancestors(id).find((a) => a.parent?.type === 'statement_list' || a.parent?.type === 'block');
    if (!stmt || !TAKING.has(stmt.type) || !same(enclosingFunction(stmt), caller)) continue;
    // Taken whenever the statement runs: not in a closure, nor the right of a && or ||.
    const inside = ancestors(id).filter((a) => contains(stmt, a) && !same(a, stmt));
    if (inside.some((a) => a.type === 'func_literal' || (a.type === 'binary_expression' && /^(&&|\|\|)$/.test(a.childForFieldName('operator')?.text ?? '')))) continue;
    const start = ancestors(call).find((a) => same(a.parent, stmt.parent));
    if (!start || start.startIndex >= stmt.startIndex || !same(enclosingFunction(start), caller)) continue;
    // Made once, not in a loop: one value for one receive.
    if (ancestors(call).some((a) => a.type === 'for_statement' && contains(start, a))) continue;
    const between = stmt.parent!.namedChildren.filter((st) => st.startIndex > start.startIndex && st.startIndex < stmt.startIndex);
    if (between.some(leavesEarly)) continue;
    return stmt;
  }
  return undefined;
}

/** A statement that may leave the block it is in: a return, break, continue or goto, or a call of panic, a Fatal or an Exit, outside a closure. */
function leavesEarly(stmt: Node): boolean {
  const own = (n: Node) => !ancestors(n).some((a) => a.type === 'func_literal' && contains(stmt, a));
  const jumps = ['return_statement', 'break_statement', 'continue_statement', 'goto_statement'];
  if (jumps.includes(stmt.type) || stmt.descendantsOfType(jumps).some(own)) return true;
  return [stmt, ...stmt.descendantsOfType('call_expression')].some((c) => c.type === 'call_expression' && own(c) && /^(panic|.*\.(Fatal\w*|Exit|Panic\w*|FailNow|Skip\w*))$/.test(c.childForFieldName('function')?.text ?? ''));
}

