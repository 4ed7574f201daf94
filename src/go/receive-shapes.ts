import { breaksOut, loopShape } from './loops.js';
import { ancestors, enclosingFunction, FUNCTION_TYPES, same, type Node } from './syntax.js';

// How a receive or a statement waits on a channel: alone, in a select, for a context's end.

/**
 * A receive that waits for its value: not a select case, or the only case of a select with no
 * default, or one whose default only waits to poll again, in a loop left only by a case
 * (`for { select { case err := <-errChan: return err; default: time.Sleep(d) } }`).
 */
export function plainReceive(unary: Node): boolean {
  const kase = receiveCase(unary);
  const others = kase?.parent?.namedChildren.filter((c) => (c.type === 'communication_case' || c.type === 'default_case') && c.id !== kase.id) ?? [];
  return others.length === 0 || (others.length === 1 && polls(others[0], kase!.parent!));
}

/** A select's default that goes on polling (it sleeps, or does nothing), the only statement of a `for {`. */
function polls(dflt: Node, select: Node): boolean {
  if (dflt.type !== 'default_case' || !/^default\s*:\s*(time\.Sleep\([^;\n]*\)|runtime\.Gosched\(\))?\s*$/.test(dflt.text)) return false;
  const list = select.parent?.type === 'statement_list' ? select.parent : undefined;
  const loop = list?.parent?.parent;
  return list?.namedChildren.length === 1 && loop?.type === 'for_statement' && loopShape(loop).kind === 'forever';
}

/** A statement that only waits for a context to be done: `<-ctx.Done()`, `<-pending.ctx.Done()`. */
export function isDoneWait(stmt: Node): boolean {
  return stmt.type === 'expression_statement' && /^<-\s*[\w.]+\.Done\(\)$/.test(stmt.text);
}

/** A select case waiting for a context to be done: `case <-ctx.Done():`, `case <-claim.Context.Done():`. */
export function isDoneCase(kase: Node): boolean {
  return kase.type === 'communication_case' && /^<-[\w.()[\]]+\.Done\(\)$/.test(kase.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '');
}

/** The case of `select` (other than `except`) that receives just `receive` (`<-ctx.Done()`, spaces aside). */
export function caseReceiving(select: Node, receive: string, except?: Node): Node | undefined {
  const wanted = receive.replace(/\s/g, '');
  return select.namedChildren.find((c) => c.type === 'communication_case' && !(except && same(c, except)) && c.childForFieldName('communication')?.text.replace(/\s/g, '') === wanted);
}

/** The communication_case whose receive is `<-ch` (as `v := <-ch`, `v, ok = <-ch` or bare). */
export function receiveCase(unary: Node): Node | undefined {
  let n: Node | null = unary.parent;
  if (n?.type === 'expression_list') n = n.parent;
  if (n?.type === 'receive_statement' || n?.type === 'expression_statement') n = n.parent;
  return n?.type === 'communication_case' ? n : undefined;
}

/**
 * A receive in a select with no default whose every other case only waits on a timer
 * (`case <-time.After(test.Timeout):`, `case <-timer.C:`, `case <-clock.TickAfter(d):`): it still
 * waits for the value, giving up only once the timer fires. The first timer's channel text
 * (`time.After(test.Timeout)`), or undefined. A context's `Done()` is not a timer.
 */
export function timedReceive(unary: Node): string | undefined {
  const kase = receiveCase(unary);
  const timers = kase ? timerCases(kase) : undefined;
  return timers?.[0] && timerChannel(timers[0]);
}

/**
 * The other cases of a receive case's select when there are some and each only waits on a
 * timer (no default, no `ctx.Done()`), else undefined.
 */
export function timerCases(kase: Node): Node[] | undefined {
  const select = kase.parent;
  if (select?.type !== 'select_statement') return undefined;
  const others = select.namedChildren.filter((c) => (c.type === 'communication_case' || c.type === 'default_case') && c.id !== kase.id);
  return others.length > 0 && others.every((c) => c.type === 'communication_case' && timerChannel(c)) ? others : undefined;
}

/** The channel a case waiting only on a timer receives from (`time.After(d)`, `t.C`), its result set aside or not. */
function timerChannel(kase: Node): string | undefined {
  const comm = kase.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '';
  return TIMER_CASE.exec(comm.replace(/^\w+(,\w+)?:?=/, ''))?.[1];
}

/**
 * `<-time.After(d)`, `<-time.Tick(d)`, `<-clock.TickAfter(d)`, `<-t.C`, `<-s.timer.C`: the
 * channel received from.
 */
const TIMER_CASE = /^<-((?:time|\w*[cC]lock)\.(?:After|Tick|TickAfter)\(.*\)|[\w.]+\.C)$/;

/**
 * Whether a select case other than the receive's leaves the waiting: any, unless the select is in
 * an endless loop of the maker and the case neither returns nor leaves that loop (`case <-l.events:` beside
 * `case <-done: return` in a draining loop: tetragon's listener removal comes back for done).
 */
export function caseGivesUp(kase: Node, maker: Node): boolean {
  const loop = ancestors(kase).find((a) => a.type === 'for_statement' || FUNCTION_TYPES.has(a.type));
  // An endless loop: one with a condition or a range may end without coming back.
  if (loop?.type !== 'for_statement' || !same(enclosingFunction(loop), maker) || loop.namedChildren.some((c) => c.type !== 'block' && c.type !== 'comment')) return true;
  if (/\b(panic|os\.Exit|log\.Fatal\w*)\(/.test(kase.text)) return true;
  if (kase.descendantsOfType(['return_statement', 'goto_statement']).some((s) => same(enclosingFunction(s), maker))) return true;
  return kase.descendantsOfType('break_statement').some((b) => breaksOut(b, loop));
}
