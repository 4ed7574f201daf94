import { parametersGiven } from '../../../src/go/called-functions.js';
import { cleanupSkippedByReturn } from './early-return.js';
import type { FileContext } from '../../../src/engine/types.js';
import { enclosingLoops, loopShape } from '../../../src/go/loops.js';
import { ancestors, closureName, contains, enclosingFunction, firstLine, nextStatement, same, type Node } from '../../../src/go/syntax.js';

/** Calls that start their function literal on a goroutine of its own (`g.Go(func() error {…})`). */
const STARTERS = /(^|\.)(Go|TryGo|Submit|AfterFunc)$/;

/** Calls named for running a callback over each of their items (`ForEach`, `ForObject`, `Range`, `Each`, `Visit`). */
const ITERATES = /(^|\.)(For[A-Z]\w*|Range|Each|EachKey|Visit\w*|Iterate\w*)$/;

/** Why a send in a function literal run there and then cannot give up, if it cannot. */
export function inPlaceReason(send: Node, fn: Node, ctx: FileContext): string | undefined {
  const inPlace = calledInPlace(send, fn, ctx);
  if (inPlace) {
    return `the send is in a function literal that ${inPlace} runs there and then (line ${fn.startPosition.row + 1}): a return would leave only the literal, and the code after that call would go on as if the value had been sent`;
  }
  const resent = errorResent(send, fn, ctx.source);
  if (resent) {
    return `the send is in a function literal whose error its caller sends on ${resent.childForFieldName('channel')!.text} too (${firstLine(resent.text)}, line ${resent.startPosition.row + 1}): the error a return would hand back would wait there as long, and the goroutine would still be stuck`;
  }
  return undefined;
}

/**
 * A send of the caller on the same channel, outside a select, that cannot give up itself (a
 * return there would skip cleanup), in the branch that handles the error of the send's function
 * literal, kept in a local (`if err := watchForEvents(); err != nil
 * { eventCh <- &Event{Err: err} }`: pachyderm's etcd watch, whose goroutine stayed stuck there).
 */
function errorResent(send: Node, fn: Node, source: string): Node | undefined {
  const local = fn.type === 'func_literal' && /\berror\b/.test(fn.childForFieldName('result')?.text ?? '') ? closureName(fn) : undefined;
  const outer = local ? enclosingFunction(fn.parent!) : undefined;
  if (!outer) return undefined;
  const chan = send.childForFieldName('channel')!.text;
  for (const call of outer.descendantsOfType('call_expression')) {
    if (call.childForFieldName('function')?.text !== local || !same(enclosingFunction(call), outer)) continue;
    // `if err := f(); err != nil {…}`, or the statement after `err := f()`.
    const around = ancestors(call).find((a) => a.type === 'if_statement' || a.parent?.type === 'block' || a.parent?.type === 'statement_list');
    const handling = around?.type === 'if_statement' ? around : around?.nextNamedSibling?.type === 'if_statement' ? around.nextNamedSibling : undefined;
    const branch = handling?.childForFieldName('consequence');
    const resent = branch?.descendantsOfType('send_statement').find((s) => s.childForFieldName('channel')!.text === chan && !ancestors(s).some((a) => a.type === 'select_statement' && contains(branch!, a)));
    // One that could give up too would end the goroutine with it; one a return would skip cleanup
    // for (`watcher.Close()` after it) is left waiting.
    if (resent && cleanupSkippedByReturn(resent, outer, source)) return resent;
  }
  return undefined;
}

/**
 * The call that runs the send's function literal there and then, when one does: the literal
 * called in place (`func() { ch <- v }()`, not under `go` or `defer`), handed to a `Do` (`once.Do`,
 * singleflight), or handed to a call whose result the function goes on to use (`if err :=
 * PanicToError(func() { readCh <- m }); err != nil`), unless the package declares that function
 * and it does not call the literal itself (`Persist(ctx, cb)` keeping it for later). A return in
 * the fix would leave only the literal, and the code after that call would go on as if the value
 * had been sent. Not for a literal giving back an error: its return hands the caller ctx.Err()
 * (`filepath.Walk(root, func(…) error {…})` stops the walk). The call as written (its first line).
 */
function calledInPlace(send: Node, fn: Node, ctx: FileContext): string | undefined {
  // A literal giving back an error hands its caller ctx.Err() with the return: no value taken for sent.
  if (fn.type !== 'func_literal' || /\berror\b/.test(fn.childForFieldName('result')?.text ?? '')) return undefined;
  const parent = fn.parent;
  // Kept in a local and called (`writeFn := func() { q.sendCh <- req; qObjs = qObjs[:0] }`, then
  // `writeFn()`): when the literal has work after the send, a return skips it and the caller goes
  // on (rqlite's queue went on with its batch neither sent nor cleared).
  // Or the caller goes on after the call: with a statement after it other than a return
  // (`emit(m); m.Ack()` over a queue: oathkeeper's watcher shape, whose loop acknowledged every
  // later message undelivered once ctx was done), or in a loop with no end of its own (it spun).
  const local = closureName(fn);
  if (local) {
    const outer = enclosingFunction(parent!);
    const after = workAfter(send, fn);
    const call = outer?.descendantsOfType('call_expression').find((c) => c.childForFieldName('function')?.text === local && c.parent?.type === 'expression_statement' && same(enclosingFunction(c), outer) && (after || callerGoesOn(c.parent)));
    if (call) return firstLine(call.text);
  }
  if (parent?.type === 'call_expression' && same(parent.childForFieldName('function'), fn)) {
    const statement = parent.parent?.type;
    return statement === 'go_statement' || statement === 'defer_statement' ? undefined : firstLine(parent.text);
  }
  const call = parent?.type === 'argument_list' ? parent.parent : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function')?.text : undefined;
  if (!call || !callee || STARTERS.test(callee) || call.parent?.type === 'go_statement') return undefined;
  // Or an iterator's callback giving back nothing (`entries.ForObject(func(o) { out <- o })`): run
  // for each item there and then, a return skipping only that one (one giving back a bool can stop it).
  if (/(^|\.)Do$/.test(callee) || (ITERATES.test(callee) && !fn.childForFieldName('result'))) return firstLine(call.text);
  // The call's result taken where it is made: the function waits for it and goes on.
  const holder = call.parent?.type === 'expression_list' ? call.parent.parent : call.parent;
  const taken = holder?.type === 'short_var_declaration' || holder?.type === 'assignment_statement';
  const used = (taken && holder!.childForFieldName('left')?.text.replace(/[\s,_]/g, '') !== '') || holder?.type === 'if_statement';
  if (!used) return undefined;
  const declared = parametersGiven(call, fn.text, ctx.packageIndex());
  return declared.length === 0 || declared.some(({ decl, param }) => callsItself(decl, param)) ? firstLine(call.text) : undefined;
}

/**
 * Whether the caller goes on after a call statement: a statement other than a return follows it,
 * or it is in a loop with no end of its own (`for {`, `for i := 0; ; i++`), which would spin.
 * A range loop whose last statement is the call (`for _, n := range names { notify(n) }`) only
 * runs out the items the sends give up on.
 */
function callerGoesOn(statement: Node): boolean {
  if (enclosingLoops(statement).some((l) => loopShape(l).kind === 'forever')) return true;
  const next = nextStatement(statement);
  return !!next && next.type !== 'return_statement';
}

/** Whether a statement of the literal runs after the send (in its block or one around it). */
function workAfter(send: Node, fn: Node): boolean {
  for (let n: Node | null = send; n && !same(n, fn); n = n.parent) {
    if (nextStatement(n) && n.parent?.type !== 'expression_list') return true;
  }
  return false;
}

/**
 * Whether a function calls its parameter itself (`fn()`), not in a function literal or goroutine
 * of its own, or hands it on to another call (`entries.ForObject(fn)`, also in a literal it
 * hands on: rclone's listing over its walker), whose code may run it there and then as well.
 */
function callsItself(decl: Node, param: string): boolean {
  return decl.descendantsOfType('call_expression').some((c) => {
    if (ancestors(c).some((a) => a.type === 'go_statement' && contains(decl, a))) return false;
    if (c.childForFieldName('function')?.text === param) return same(enclosingFunction(c), decl);
    return (c.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.type === 'identifier' && a.text === param);
  });
}
