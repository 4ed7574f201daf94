import { identifiersNamed } from './find-by-text.js';
import { declarationOf, positionalParams } from './scope.js';
import { mostSends } from './send-paths.js';
import { receivedOnEveryWayOut } from './every-way-out.js';
import { leavesLoop, loopsBetween } from './loops.js';
import { ancestors, closureName, contains, enclosingFunction, FUNCTION_TYPES, same, type Node } from './syntax.js';
import { caseGivesUp, plainReceive, receiveCase } from './receive-shapes.js';

/** A channel made by `name := make(chan T…)` in the outermost function around a send on it. */
interface LocalChannel {
  /** The outermost function around the send: the one that made the channel. */
  outer: Node;
  decl: Node;
  /** The `make(…)` call. */
  make: Node;
  /** Every use of the name in `outer` but its declaration. */
  uses: Node[];
  /** The send is in a goroutine. */
  inGoroutine: boolean;
}

/** Each send's local channel, found once: send-select-ctx asks up to five checks about one send. */
const locals = new WeakMap<Node, LocalChannel | undefined>();

function localChannel(send: Node, source: string): LocalChannel | undefined {
  if (!locals.has(send)) locals.set(send, findLocalChannel(send, source));
  return locals.get(send);
}

function findLocalChannel(send: Node, source: string): LocalChannel | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier') return undefined;
  const name = argumentFor(chan.text, send);
  let outer: Node | undefined;
  let inGoroutine = false;
  for (const a of ancestors(send)) {
    if (FUNCTION_TYPES.has(a.type)) outer = a;
    if (a.type === 'go_statement') inGoroutine = true;
  }
  if (!outer || !/\bmake\s*\(\s*chan\b/.test(source.slice(outer.startIndex, outer.endIndex))) return undefined;
  const uses = identifiersNamed(outer, source, name);
  // `name := …` and `a, name := …`: the name in the left list of a short variable declaration;
  // `var name = …` (in a `var (…)` block too): a name of a variable specification with values.
  const decls = uses.flatMap((id) => {
    const list = id.parent;
    const decl = list?.type === 'expression_list' ? list.parent : undefined;
    if (list?.type === 'var_spec' && list.childForFieldName('value')) return [list];
    return decl?.type === 'short_var_declaration' && same(decl.childForFieldName('left'), list) ? [decl] : [];
  });
  if (decls.length !== 1 || !enclosingFunction(decls[0])) return undefined;
  const isSpec = decls[0].type === 'var_spec';
  const left = isSpec ? decls[0].childrenForFieldName('name') : decls[0].childForFieldName('left')!.namedChildren;
  const make = decls[0].childForFieldName(isSpec ? 'value' : 'right')?.namedChildren[left.findIndex((n) => n.text === name)];
  if (make?.type !== 'call_expression' || make.childForFieldName('function')?.text !== 'make') return undefined;
  return { outer, decl: decls[0], make, uses: uses.filter((id) => !contains(decls[0], id)), inGoroutine };
}

/**
 * A result channel a receiver may abandon: `ch := make(chan T)` made unbuffered in a function,
 * sent to once by one goroutine started once (a send on one path of it, no loop around it), and
 * received by the function in a `select` that has another way out (a timeout, a ctx case, a
 * default), or after a return that may leave first (`if quick { return }` … `<-ch`). When the
 * receiver gives up, the sender blocks forever; a capacity of 1 lets it finish. Undefined when
 * the shape differs or the channel is used any other way (returned, stored, passed, ranged over,
 * sent to twice).
 */
export function resultChannelAbandoned(send: Node, source: string): { make: Node; how: string } | undefined {
  const local = localChannel(send, source);
  if (!local?.inGoroutine) return undefined;
  const args = local.make.childForFieldName('arguments')!.namedChildren;
  if (args.length !== 1 || args[0].type !== 'channel_type' || args[0].text.includes('<-')) return undefined;
  if (!startedOnceSendingOnce(send, local) || awaitedResultChannel(send, source)) return undefined;
  // The function that made the channel (the outermost one may hold it in a closure: a subtest).
  const maker = enclosingFunction(local.decl)!;
  let inSelect = false;
  const plain: Node[] = [];
  const takingCases: Node[] = [];
  for (const id of local.uses) {
    const p = id.parent!;
    const use = useOf(id);
    if (use === 'send') {
      if (p.id !== send.id) return undefined;
      continue;
    }
    if (use === 'receive') {
      if (!same(enclosingFunction(p), maker)) return undefined;
      const selectCase = receiveCase(p);
      const others = selectCase?.parent?.namedChildren.filter((c) => (c.type === 'communication_case' || c.type === 'default_case') && c.id !== selectCase.id && caseGivesUp(c, maker)) ?? [];
      if (selectCase) takingCases.push(selectCase);
      if (others.length > 0) inSelect = true;
      else plain.push(p);
      continue;
    }
    if (use === 'close') continue;
    return undefined; // returned, stored, passed on, ranged over…
  }
  if (plain.length === 0) return inSelect ? { make: local.make, how: 'another select case wins' } : undefined;
  // A plain receive waits (after a select that gave up, too), unless the function may return
  // before it: after the goroutine starts, before the last receive, not in a case that took the value.
  const go = ancestors(send).find((a) => a.type === 'go_statement')!;
  const last = Math.max(...plain.map((r) => r.startIndex));
  const early = maker
    .descendantsOfType('return_statement')
    .find((r) => r.startIndex > go.endIndex && r.startIndex < last && same(enclosingFunction(r), maker) && !takingCases.some((c) => contains(c, r)) && !plain.some((p) => contains(r, p)));
  return early ? { make: local.make, how: `it may return before receiving, line ${early.startPosition.row + 1}` } : undefined;
}

/** The `make` of a result channel its receiver may abandon (see `resultChannelAbandoned`). */
export function abandonableResultChannel(send: Node, source: string): Node | undefined {
  return resultChannelAbandoned(send, source)?.make;
}

/** The send is in `go func() { … }()` run once by the function that made the channel, on a path of it at most once. */
function startedOnceSendingOnce(send: Node, local: LocalChannel): boolean {
  const literal = enclosingFunction(send);
  if (literal?.type !== 'func_literal' || !startedOnce(literal, local.decl)) return false;
  if (!same(enclosingFunction(literal.parent!.parent!), enclosingFunction(local.decl))) return false;
  return mostSends(literal.childForFieldName('body')!, send.childForFieldName('channel')!.text) <= 1;
}

/** A function literal run as `go func() { … }()`, with no loop between it and `decl` (a channel's declaration) to start it again. */
export function startedOnce(literal: Node, decl: Node): boolean {
  const call = literal.parent;
  return call?.type === 'call_expression' && call.parent?.type === 'go_statement' && loopsBetween(literal, decl).length === 0;
}

/**
 * A result channel whose receiver always waits: `ch := make(chan T)` in a function that hands a
 * closure the sends on it (one per run, whatever path) and takes the value in a statement of its
 * own body with no return before it: a receive (`return <-ch`), or a select without a default
 * whose every case receives from the channel, as its communication or in its statements
 * (`case <-ctx.Done(): conn.Close(); <-ch` … `case err = <-ch:`). The send cannot wait forever:
 * the function that made the channel is there to take its value, and a select on a
 * cancellation would only lose the value.
 */
export function awaitedResultChannel(send: Node, source: string): boolean {
  const local = localChannel(send, source);
  const sender = enclosingFunction(send);
  if (!local || !sender || same(sender, local.outer)) return false;
  const ch = send.childForFieldName('channel')!.text;
  // One send per run of the closure, whatever path it takes, and one run: no loop starting it again.
  if (mostSends(sender.childForFieldName('body')!, ch) > 1) return false;
  if (loopsBetween(sender, local.decl).length > 0) return false;
  const receives: Node[] = [];
  for (const id of local.uses) {
    const use = useOf(id);
    if (use === 'send') {
      if (!same(enclosingFunction(id.parent!), sender)) return false;
    } else if (use === 'receive') {
      if (!same(enclosingFunction(id.parent!), local.outer)) return false;
      receives.push(id.parent!);
    } else if (use !== 'close') {
      return false; // returned, stored, passed on, ranged over…
    }
  }
  // Or a plain receive on every way out once the goroutine is started (neo-go's storeBlock).
  if (receives.length > 1 && receives.every(plainReceive)) return receivedOnEveryWayOut(receives, sender, local.outer);
  const taker = receives.length === 1 && plainReceive(receives[0]) ? receives[0] : selectTakingFromAll(receives);
  if (!taker) return false;
  // The receive (or select) is a statement of the function's body itself, reached unless the function panics.
  const stmt = taker.parent?.type === 'statement_list' ? taker : ancestors(taker).find((a) => a.parent?.type === 'statement_list');
  const body = local.outer.childForFieldName('body');
  if (!stmt || !body || !same(stmt.parent!.parent, body)) return false;
  const earlyReturn = local.outer
    .descendantsOfType('return_statement')
    .some((r) => r.startIndex < stmt.startIndex && same(enclosingFunction(r), local.outer));
  return !earlyReturn;
}

/**
 * The select statement holding all these receives, one in each of its cases, when it has no
 * default: each case's receive is its communication, or one of its statements with none before
 * it that could leave the case (return, break, continue, goto, panic).
 */
function selectTakingFromAll(receives: Node[]): Node | undefined {
  const casesTaking = receives.map((r) => receiveCase(r) ?? statementOfCase(r));
  const select = casesTaking[0]?.parent;
  if (select?.type !== 'select_statement' || casesTaking.some((c) => !c || !same(c.parent, select))) return undefined;
  const cases = select.namedChildren.filter((c) => c.type === 'communication_case' || c.type === 'default_case');
  const taking = new Set(casesTaking.map((c) => c!.id));
  if (cases.some((c) => c.type === 'default_case' || !taking.has(c.id)) || taking.size !== casesTaking.length) return undefined;
  return select;
}

/** The case whose statements include, directly, the one holding this receive, with no way out of the case before it. */
function statementOfCase(receive: Node): Node | undefined {
  const stmt = ancestors(receive).find((a) => a.parent?.type === 'statement_list');
  const kase = stmt?.parent?.parent;
  if (!stmt || kase?.type !== 'communication_case') return undefined;
  // `<-ch`, `err = <-ch`, `err := <-ch`: the receive is the statement, not inside a call or a closure.
  if (!['expression_statement', 'assignment_statement', 'short_var_declaration'].includes(stmt.type) || ancestors(receive).some((a) => a.startIndex >= stmt.startIndex && a.endIndex <= stmt.endIndex && (a.type === 'func_literal' || a.type === 'call_expression'))) return undefined;
  for (let prev = stmt.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
    if (LEAVES_CASE.test(prev.text)) return undefined;
  }
  return kase;
}

/**
 * The name a goroutine's function literal is handed for its parameter (`go func(cluster *Cluster,
 * ch chan<- error) { … ch <- err }(&clusters[i], errChan)`: `errChan`), or the name itself.
 */
function argumentFor(name: string, send: Node): string {
  const literal = enclosingFunction(send);
  const position = literal?.type === 'func_literal' ? positionalParams(literal).indexOf(name) : -1;
  if (position < 0) return name;
  const call = literal!.parent;
  if (call?.type === 'call_expression' && call.parent?.type === 'go_statement') {
    const arg = call.childForFieldName('arguments')?.namedChildren[position];
    return arg?.type === 'identifier' ? arg.text : name;
  }
  // `enumerate := func(errc chan<- error, …) {…}`, then `go enumerate(srcErr, …)`: the channel
  // every call of the closure in its function hands it.
  const closure = closureName(literal!);
  const outer = closure ? enclosingFunction(literal!) : undefined;
  const args = outer
    ? outer.descendantsOfType('call_expression').flatMap((c) => (c.childForFieldName('function')?.text === closure ? [c.childForFieldName('arguments')?.namedChildren[position]] : []))
    : [];
  const names = new Set(args.map((a) => (a?.type === 'identifier' ? a.text : '')));
  return names.size === 1 && !names.has('') ? [...names][0] : name;
}

/**
 * A receive that would wait forever once the sender gives up: `ch := make(chan T)` made in the
 * function around the send, received with a plain `<-ch` there (not a select case, which has
 * other ways on), or ranged over by a loop that leaves once it has counted enough, and closed
 * nowhere but by a `defer` of that function or by that function after its last receive. Today the
 * sender waits for that receive; one that leaves on a cancellation would leave it waiting.
 * `handed`: whether a use, an argument, goes to a function that receives it so (its call then waits).
 */
export function receiveLeftWaiting(send: Node, source: string, handed?: (id: Node) => boolean): Node | undefined {
  if (send.childForFieldName('channel')?.type === 'index_expression') return elementAwaited(send);
  const local = localChannel(send, source);
  if (!local || same(enclosingFunction(send), local.outer)) return undefined;
  // `defer close(ch)` in the function that made it frees none, nor its `close(ch)` after the last
  // receive (`for range files { <-readerC }`, then `close(readerC)`), nor one in a goroutine it starts
  // only after a receive (`if err := <-writec; …`, then `go func() { defer close(writec); … }()`).
  const own = (n: Node) => same(enclosingFunction(n), local.outer);
  const deferredByMaker = (id: Node) => ancestors(id).some((a) => a.type === 'defer_statement' && own(a));
  const receives = local.uses.filter((id) => useOf(id) === 'receive');
  // `for r := range ch { …; if n >= len(addrs) { break } }`
  const ranges = local.uses.filter((id) => id.parent?.type === 'range_clause' && own(id) && leavesLoop(id.parent.parent!));
  const calls = handed ? local.uses.filter((id) => id.parent?.type === 'argument_list' && useOf(id) === 'other' && handed(id)) : [];
  const lastReceive = Math.max(...[...receives, ...ranges, ...calls].map((id) => id.startIndex));
  const startedAfter = (id: Node, at: number) => id.startIndex > at && (own(id) || ancestors(id).some((a) => a.type === 'go_statement' && own(a) && a.startIndex > at));
  const closes = local.uses.filter((id) => useOf(id) === 'close' && !deferredByMaker(id) && !startedAfter(id, lastReceive));
  // The first plain receive after the sending goroutine starts, that no close can free.
  const go = ancestors(send).find((a) => a.type === 'go_statement' && own(a));
  const plain = [...receives.filter((id) => plainReceive(id.parent!)), ...ranges, ...calls].sort((a, b) => a.startIndex - b.startIndex);
  const waiting = plain.filter((id) => !go || id.startIndex > go.startIndex);
  const first = (waiting.length > 0 ? waiting : plain)[0];
  return first && !closes.some((c) => !startedAfter(c, first.startIndex)) ? (first.parent!.type === 'argument_list' ? first.parent!.parent! : first.parent!) : undefined;
}

/**
 * A send on an element of a local slice of channels (`responseChans[i-1] <- resp`, in a goroutine
 * the maker starts) that the maker receives from with a plain receive (`response :=
 * <-responseChans[i-1]` for each), closing none of them: a sender giving up would leave that
 * receive waiting. The receive.
 */
function elementAwaited(send: Node): Node | undefined {
  const slice = send.childForFieldName('channel')!.childForFieldName('operand');
  const found = slice?.type === 'identifier' ? declarationOf(slice.text, send) : undefined;
  const maker = found && 'local' in found ? enclosingFunction(found.local.decl) : undefined;
  if (!maker || same(enclosingFunction(send), maker) || !/^make\(\s*\[\]\s*(<-)?chan\b/.test(found && 'local' in found ? (found.local.value?.text ?? '') : '')) return undefined;
  const element = (u: Node) => u.childForFieldName('operand')?.type === 'index_expression' && u.childForFieldName('operand')!.childForFieldName('operand')?.text === slice!.text;
  if (maker.descendantsOfType('call_expression').some((c) => c.childForFieldName('function')?.text === 'close' && c.childForFieldName('arguments')?.text.replace(/\s/g, '').startsWith(`(${slice!.text}[`))) return undefined;
  return maker.descendantsOfType('unary_expression').find((u) => u.childForFieldName('operator')?.text === '<-' && element(u) && same(enclosingFunction(u), maker) && plainReceive(u));
}

/**
 * A receive in the function that made the channel, in a select that waits on other things but
 * not on `stop` (the sender's stop, e.g. `<-ctx.Done()`), with no default: a sender that gives up
 * once `stop` is done leaves that select waiting for a value that never comes (kfake's writer:
 * the loop waits on `writeCh` and the cluster's end, the rewritten send gave up on the
 * connection's). The select.
 */
export function receiverIgnoring(send: Node, source: string, stop: string): Node | undefined {
  const uses = makerUses(send, source)?.uses;
  return uses && selectIgnoring(uses, stop);
}

/** A local channel's maker (the outermost function around the send), its `make` and its uses, when the send is in a function literal of it. */
export function makerUses(send: Node, source: string): { outer: Node; make: Node; uses: Node[] } | undefined {
  const local = localChannel(send, source);
  return local && !same(enclosingFunction(send), local.outer) ? local : undefined;
}

/** Of a channel's uses (its name's identifiers), a receive in a select with no default and other cases, none of them `stop`: the select. */
export function selectIgnoring(uses: Node[], stop: string): Node | undefined {
  for (const id of uses) {
    const kase = useOf(id) === 'receive' ? receiveCase(id.parent!) : undefined;
    const select = kase?.parent;
    if (select?.type !== 'select_statement') continue;
    const cases = select.namedChildren.filter((c) => c.type === 'communication_case' || c.type === 'default_case');
    if (cases.some((c) => c.type === 'default_case')) continue;
    const waitsOn = cases.map((c) => c.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '');
    if (cases.length > 1 && !waitsOn.some((w) => w.endsWith(stop))) return select;
  }
  return undefined;
}

/**
 * A local channel the function that made it drains: a `for range ch` with no way out of its loop
 * (a break of that loop, return, goto) in a deferred function, or a goroutine one starts (`defer func() { go
 * func() { for range linesCh {} }() }()`), or, for a send in a goroutine, among the function's
 * own statements with no return before it (`for maddr := range maddrC { … }` after starting the
 * resolvers). Whatever else receives first, the send always has a receiver: nothing leaks, and a
 * select could only drop a value.
 */
export function drainedOnExit(send: Node, source: string): boolean {
  const local = localChannel(send, source);
  if (!local) return false;
  return local.uses.some((id) => {
    const clause = id.parent;
    if (clause?.type !== 'range_clause' || !same(clause.childForFieldName('right'), id)) return false;
    const loop = clause.parent!;
    if (leavesLoop(loop)) return false;
    if (ancestors(loop).some((a) => a.type === 'defer_statement' && contains(local.outer, a))) return true;
    return local.inGoroutine && readBeforeLeaving(loop, local.outer);
  });
}

/**
 * A statement of the function's own body that it reaches unless it panics, without waiting for
 * its goroutines first: no return and no `Wait()` of its own before it (`outerGroup.Wait()`, then
 * `for err := range chErr`, reads only once every sender is done).
 */
function readBeforeLeaving(statement: Node, fn: Node): boolean {
  if (!same(statement.parent?.parent, fn.childForFieldName('body')) || /\bgoto\b/.test(fn.text)) return false;
  const own = (n: Node) => n.startIndex < statement.startIndex && same(enclosingFunction(n), fn);
  if (fn.descendantsOfType('return_statement').some(own)) return false;
  return !fn.descendantsOfType('call_expression').some((c) => own(c) && /\.Wait$/.test(c.childForFieldName('function')?.text ?? ''));
}

/** A word of code that can leave a select case before its next statement (or its end). */
export const LEAVES_CASE = /\b(return|break|continue|goto|panic)\b/;

/** How a use of a channel's name uses it: sent on, received from, closed, or something else. */
export function useOf(id: Node): 'send' | 'receive' | 'close' | 'other' {
  const p = id.parent!;
  if (p.type === 'send_statement' && p.childForFieldName('channel')?.id === id.id) return 'send';
  if (p.type === 'unary_expression' && p.childForFieldName('operator')?.text === '<-') return 'receive';
  if (p.type === 'argument_list' && p.parent?.childForFieldName('function')?.text === 'close') return 'close';
  return 'other';
}
