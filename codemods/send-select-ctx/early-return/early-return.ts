import { doneReceives, type CancellationSource } from '../../../src/go/cancellation.js';
import { callsByText, callsOf, identifiersNamed, nodesByToken, regexEscaped } from '../../../src/go/find-by-text.js';
import { isDoneCase, isDoneWait } from '../../../src/go/receive-shapes.js';
import { declarationOf } from '../../../src/go/scope.js';
import { derivedFrom } from '../sources/derived-contexts.js';
import { closedOnOtherExit } from './closed-on-other-exit.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { ancestors, closedOnExit, contains, enclosingFunction, isLogStatement, isReleaseCall, LOG_CALL, nextStatement, same, statementsOf, unparen, type Node } from '../../../src/go/syntax.js';

// What a return on the source, in place of the send, would skip: a release after the send, or
// the function's own way of stopping on that source.

/**
 * A statement after the send, in the same function and not deferred, that releases something
 * (wg.Done, Unlock, close, a Close, a semaphore's `<-sem`, a goroutine that acts once a context
 * ends, a send on a channel closed by a defer):
 * returning early would skip it and trade a leak for a deadlock.
 */
export function cleanupSkippedByReturn(send: Node, fn: Node, source: string, index?: PackageIndex): Node | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  // The send followed by a return: the new return skips nothing that one does not (go-carbon's
  // rate-limited glob expansion, `resultCh <- &ExpandedGlobResponse{…}; return`).
  const next = nextStatement(send);
  if (next?.type === 'return_statement' && next.namedChildCount === 0) return undefined;
  const cancels = madeCancels(body, source);
  const releases = [
    ...['.Done', '.Unlock', '.RUnlock'].flatMap((m) => callsByText(body, source, m, (callee) => callee.endsWith(m), send.endIndex)),
    // `resp.Body.Close()`, `SafeClose(respHandler)`: a connection or a channel closed.
    ...body.descendantsOfType('call_expression').filter((c) => c.startIndex >= send.endIndex && /(^|\.)\w*Close$/.test(c.childForFieldName('function')?.text ?? '')),
    ...['close', ...cancels].flatMap((name) => callsOf(body, source, name)),
    // A token given back (`<-sem` on its own line, sem given `struct{}{}` tokens): a semaphore's slot.
    ...nodesByToken(body, source, '<-', 'unary_expression', send.endIndex).filter((u) => {
      const chan = u.childForFieldName('operand')?.text;
      return u.childForFieldName('operator')?.text === '<-' && !!chan && new RegExp(`(?<![\\w.])${regexEscaped(chan)}\\s*<-\\s*struct\\s*\\{\\s*\\}\\s*\\{\\s*\\}`).test(source);
    }),
  ]
    // Statements only: `<-ctx.Done()` in a select case releases nothing.
    .filter((c) => c.startIndex >= send.endIndex && c.parent?.type === 'expression_statement')
    .sort((a, b) => a.startIndex - b.startIndex);
  for (const call of releases) {
    if (!same(enclosingFunction(call), fn)) continue;
    if (deferredIn(call, body)) continue;
    if (unlocksLaterLock(call.childForFieldName('function')?.text ?? '', source.slice(send.endIndex, call.startIndex))) continue;
    return call;
  }
  // A send on another channel right after it, one the function closes in a defer (`aborted <-
  // abort` under `defer close(aborted)`): its reader would take the close's zero value for the
  // value (`false`: not aborted).
  const deferredCloses = new Set(closedOnExit(fn).map((c) => unparen(c).text));
  const signal = body
    .descendantsOfType('send_statement')
    .find((s) => s.startIndex > send.endIndex && same(s.parent, send.parent) && s.childForFieldName('channel')?.text !== send.childForFieldName('channel')?.text && deferredCloses.has(s.childForFieldName('channel')?.text ?? ''));
  if (signal) return signal;
  // A slot taken for the work after it (`p.semC <- struct{}{}`, then `go func() { defer func() {
  // <-semC }() … }()`) in a function with no error to return: the caller, told nothing, would take
  // the skipped work as started.
  if (/^struct\s*\{\s*\}\s*\{\s*\}$/.test(send.childForFieldName('value')?.text ?? '') && !/\berror\b/.test(fn.childForFieldName('result')?.text ?? '')) {
    for (let next = send.nextNamedSibling; next; next = next.nextNamedSibling) if (next.type === 'go_statement') return next;
  }
  // A completion callback handed in (`cb(err)`, `done()`, `onDone()`): it may count the work
  // done (a WaitGroup's Done), and whoever waits for it would wait for good.
  const callback = body
    .descendantsOfType('call_expression')
    .find((c) => c.startIndex >= send.endIndex && c.parent?.type === 'expression_statement' && COMPLETION.test(c.childForFieldName('function')?.text ?? '') && same(enclosingFunction(c), fn) && !deferredIn(c, body));
  if (callback) return callback;
  // Bookkeeping of shared state after the send (`d.compacting--`, `delete(d.inProgress, c)`,
  // `p.active.Add(-1)`): others wait for it (a Close waiting for the count to reach zero).
  const bookkeeping = body
    .descendantsOfType(['dec_statement', 'call_expression'])
    .find((n) => n.startIndex >= send.endIndex && same(enclosingFunction(n), fn) && isBookkeeping(n) && !deferredIn(n, body));
  if (bookkeeping) return bookkeeping;
  // A watcher started after the send (`go func() { <-pending.ctx.Done(); finished <- pending }()`):
  // what it does once a context ends (give back what the function took) would never happen.
  const watcher = body
    .descendantsOfType('go_statement')
    .find((g) => g.startIndex >= send.endIndex && same(enclosingFunction(g), fn) && !deferredIn(g, body) && waitsForDone(g));
  if (watcher) return watcher;
  // Work after the loop the send is in (`p.active.Add(-1)`, `p.onDone()`): a return from the
  // loop would skip what the function does once it has sent everything. Not a log line, whatever
  // its arguments compute (`d.logger.Tracef("…", d.state.Len())`: crowdsec's docker source).
  const loop = ancestors(send).filter((a) => a.type === 'for_statement' && contains(body, a) && same(enclosingFunction(a), fn)).at(-1);
  for (let next = loop?.nextNamedSibling; next; next = next.nextNamedSibling) {
    const calls = next.type === 'return_statement' || isLogStatement(next) ? [] : [next, ...next.descendantsOfType('call_expression')].filter((n) => n.type === 'call_expression');
    const work = calls.find((c) => !LOG_CALL.test(c.childForFieldName('function')?.text ?? ''));
    if (work && next.type !== 'defer_statement') return next;
  }
  // A cancel function handed on after the send (`return &closer{cancel: cancel}`): a return
  // before it would leave the context uncancelled (go vet's lostcancel).
  for (const name of cancels) {
    const handed = identifiersNamed(body, source, name).find((id) => id.startIndex >= send.endIndex && same(enclosingFunction(id), fn) && id.parent?.type !== 'call_expression');
    const stmt = handed && ancestors(handed).find((a) => a.parent?.type === 'statement_list' || a.parent?.type === 'block');
    if (stmt) return stmt;
  }
  // Or a close the function runs on another of its ways out (`close(ln.ch); return`).
  return closedOnOtherExit(send, fn, index);
}

/** A `go` statement whose function waits for a context to end, in a receive statement of its own (`<-ctx.Done()`). */
function waitsForDone(go: Node): boolean {
  return go.descendantsOfType('expression_statement').some(isDoneWait);
}

/** Whether the node is in a `defer` statement within the body: it runs on any return. */
/** The cancel functions of contexts the function makes (`ctx, cancel := context.WithTimeout(…)`), each once, `_` aside. */
export function madeCancels(body: Node, source: string): string[] {
  const found = source.slice(body.startIndex, body.endIndex).matchAll(/,\s*(\w+)\s*:?=\s*\w+\.With(?:Cancel|Timeout|Deadline)\w*\(/g);
  return [...new Set([...found].map((m) => m[1]))].filter((name) => name !== '_');
}

/** `m.Unlock()` of a `m.Lock()` taken in `between` (after the send): a return there skips both, and this releases nothing the send's path holds. */
export function unlocksLaterLock(callee: string, between: string): boolean {
  const unlocked = /^(.+)\.(R?)Unlock$/.exec(callee);
  return !!unlocked && new RegExp(`(?<![\\w.])${regexEscaped(unlocked[1])}\\.${unlocked[2]}Lock\\(\\s*\\)`).test(between);
}

function deferredIn(node: Node, body: Node): boolean {
  return [...ancestors(node)].some((a) => a.type === 'defer_statement' && contains(body, a));
}

/**
 * A function value named as a completion callback (`cb`, `callback`, `done`, `onDone`, `onSent`,
 * `finish`), or a hold given back (`heldUnlock.release()`, `lease.Release()`: btcwallet's unlock
 * hold, whose release a wallet lock waits for).
 */
export const COMPLETION = /^(cb|callback|done|finish(ed)?|complete(d)?|release|on[A-Z]\w*)$|^[\w.]+\.(release|Release)$/;

/**
 * `x.n--`, `delete(x.m, k)`, `x.n.Add(-1)` or `atomic.AddInt32(&x.n, -1)`: a count or set kept
 * in a field, made smaller.
 */
export function isBookkeeping(n: Node): boolean {
  if (n.type === 'dec_statement') return n.namedChild(0)?.type === 'selector_expression';
  const callee = n.childForFieldName('function')?.text ?? '';
  const args = n.childForFieldName('arguments')?.namedChildren ?? [];
  if (callee === 'delete') return args[0]?.type === 'selector_expression';
  if (/^atomic\.Add(U?Int(32|64)|Uintptr)$/.test(callee)) return /^&[\w.]+\.\w+$/.test(args[0]?.text.replace(/\s/g, '') ?? '') && /^-/.test(args[1]?.text ?? '');
  return /^[\w.]+\.\w+\.Add$/.test(callee) && /^-/.test(args[0]?.text ?? '');
}

/**
 * The function's own way of stopping on the source, where a select returning from the send
 * would skip part of it: a release (wg.Done, Unlock, close, a send) in its `case <-ctx.Done():`
 * (`case <-ctx.Done(): wg.Done(); return`), or a case that does not return but goes on to code
 * after its select or loop (`case <-shutdownCh: shutdown = true`, `break loop`, `goto flush`,
 * then a flush). The first such release, or the case's last statement, with `goesOn`.
 */
export function ownStopOnDone(fn: Node, source: CancellationSource, inScope: CancellationSource[] = []): { node: Node; goesOn: boolean; expr: string } | undefined {
  // Or for a context the source is made from (`wctx, cancel := context.WithCancel(ctx)` in a
  // retry loop): once ctx is done so is wctx, and the function's `case <-ctx.Done():` is how it stops.
  const parents = inScope.filter((p) => p.isContext && p !== source && derivedFrom(p.expr, fn).includes(source.expr));
  for (const s of [source, ...parents]) {
    const own = ownStopOf(fn, s);
    if (own) return { ...own, expr: s.expr };
  }
  return undefined;
}

function ownStopOf(fn: Node, source: CancellationSource): { node: Node; goesOn: boolean } | undefined {
  const receives = doneReceives(source, fn.text);
  for (const kase of fn.descendantsOfType('communication_case')) {
    if (!same(enclosingFunction(kase), fn) || !receives.includes(kase.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '')) continue;
    const body = kase.namedChildren.find((c) => c.type === 'statement_list');
    const releases = body?.descendantsOfType(['call_expression', 'send_statement']).filter((n) => n.type === 'send_statement' || isReleaseCall(n) || stopsShared(n));
    // Named by one that is not an unlock of the case's own lock, where there is one.
    const release = releases?.find((n) => !unlocksOwnLock(n, body!)) ?? releases?.[0];
    if (release) return { node: release, goesOn: false };
    const last = body?.namedChildren.filter((c) => c.type !== 'comment').at(-1);
    if (last?.type !== 'return_statement' && !endsRun(last) && (codeFollows(kase, fn) || loopGoesOn(kase, fn))) return { node: last ?? kase, goesOn: true };
  }
  return undefined;
}

/** `ss.mu.Unlock()` after `ss.mu.Lock()` earlier in the same case: a pair the case makes itself, not what it releases. */
function unlocksOwnLock(n: Node, body: Node): boolean {
  const m = n.type === 'call_expression' ? /^([\w.]+)\.(R?)Unlock$/.exec(n.childForFieldName('function')?.text ?? '') : null;
  return !!m && body.text.slice(0, n.startIndex - body.startIndex).includes(`${m[1]}.${m[2]}Lock()`);
}

/**
 * A done case in a loop of the function that leaves neither the function nor the loop (no
 * return, goto or labeled break in it; a bare break only ends the select): the loop goes on once
 * the source is done, to what it does next (lima's vz driver stops the VM there, then reports the
 * stop the loop sees next).
 */
function loopGoesOn(kase: Node, fn: Node): boolean {
  const inLoop = ancestors(kase).some((a) => a.type === 'for_statement' && contains(fn, a) && !same(a, fn));
  if (!inLoop) return false;
  const leaves = kase.descendantsOfType(['return_statement', 'goto_statement', 'break_statement', 'continue_statement']).some((n) => n.type === 'return_statement' || n.type === 'goto_statement' || n.namedChildCount > 0);
  return !leaves && !endsRun(statementsOf(kase).filter((c) => c.type !== 'comment').at(-1));
}

/**
 * A stop of something the function runs, in its own case for the source being done: `p.pp.Stop()`,
 * `w.Close()`, or an unexported one (`c.shutdown()`, `params.done()`, which closes the entries'
 * channel its subscriber ranges over).
 */
const STOPS = /\.([sS]top|[cC]lose|[sS]hutdown|GracefulStop|[rR]elease|[cC]leanup|[fF]lush|done)$/;

/** `p.pp.Stop()`: a stop of something not local to the function (a local, `f.Close()`, is its own business). */
function stopsShared(call: Node): boolean {
  const callee = call.childForFieldName('function');
  if (!callee || !STOPS.test(callee.text)) return false;
  let root = callee;
  while (root.type === 'selector_expression') root = root.childForFieldName('operand')!;
  if (root.type !== 'identifier') return true;
  const found = declarationOf(root.text, call);
  return !found || !('local' in found);
}

/** `panic(…)`, `os.Exit(…)`, `log.Fatal(…)`, `t.FailNow()`…: a statement after which nothing runs. */
function endsRun(stmt: Node | undefined): boolean {
  const call = stmt?.type === 'expression_statement' ? stmt.namedChild(0) : undefined;
  return call?.type === 'call_expression' && /^(panic|os\.Exit)$|\.(Fatal\w*|Panic\w*|FailNow|Skip\w*|Goexit)$/.test(call.childForFieldName('function')?.text ?? '');
}

/**
 * Whether a statement other than a plain `return` comes after the select holding `kase`, or
 * after any loop or block around it, before the function ends: where a case that does not
 * return goes on to.
 */
function codeFollows(kase: Node, fn: Node): boolean {
  const body = fn.childForFieldName('body');
  for (let at: Node | null = kase.parent; at && !same(at, body); at = at.parent) {
    if (at.parent?.type !== 'statement_list' && at.parent?.type !== 'block') continue;
    for (let next = at.nextNamedSibling; next; next = next.nextNamedSibling) {
      if (next.type === 'comment' || (next.type === 'return_statement' && next.namedChildCount === 0)) continue;
      return true;
    }
  }
  return false;
}

/**
 * A select case of the function itself that only returns on a channel that is none of the
 * sources (`case <-cancelCh: return`), timers aside: the function's own stop signal.
 */
export function stopsOnOwnChannel(fn: Node, sources: CancellationSource[]): Node | undefined {
  const ours = new Set(sources.flatMap((s) => doneReceives(s, fn.text)));
  for (const kase of fn.descendantsOfType('communication_case')) {
    if (!same(enclosingFunction(kase), fn)) continue;
    const comm = kase.childForFieldName('communication');
    const text = comm?.text.replace(/\s/g, '') ?? '';
    if (!comm || comm.type === 'send_statement' || (comm.type === 'receive_statement' && comm.childForFieldName('left')) || !/^<-[\w.]+$/.test(text) || ours.has(text) || /\.C$|^<-time\./.test(text)) continue;
    const stmts = statementsOf(kase).filter((c) => c.type !== 'comment');
    if (stmts.length === 1 && stmts[0].type === 'return_statement') return comm;
  }
  return undefined;
}

/** The function's own `case <-ctx.Done():` (any context's) that the send is in, if it is in one. */
export function inOwnDoneCase(send: Node, fn: Node): Node | undefined {
  return ancestors(send).find((a) => isDoneCase(a) && same(enclosingFunction(a), fn));
}

/**
 * A channel the function closes as it returns (`defer close(publicChan)`) that a goroutine it
 * started before the send sends on (`go func() { publicChan <- rangeResult{…} }()`): a return in
 * place of the send would close it while that goroutine may still send, and the send would panic
 * (send on closed channel). The deferred close, as written.
 */
export function closedUnderSender(send: Node, fn: Node): Node | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  for (const d of body.descendantsOfType('defer_statement')) {
    const call = d.namedChild(0);
    const args = call?.type === 'call_expression' && call.childForFieldName('function')?.text === 'close' ? call.childForFieldName('arguments')!.namedChildren : [];
    if (args.length !== 1 || !same(enclosingFunction(d), fn)) continue;
    const closed = args[0].text.replace(/\s/g, '');
    const sender = body.descendantsOfType('go_statement').find(
      (g) => g.startIndex < send.startIndex && same(enclosingFunction(g), fn) && !otherBranch(g, send) && g.descendantsOfType('send_statement').some((s) => s.childForFieldName('channel')!.text.replace(/\s/g, '') === closed),
    );
    if (sender) return d;
  }
  return undefined;
}

/** Whether two nodes are in different branches of one if, switch or select: never both run. */
function otherBranch(a: Node, b: Node): boolean {
  const common = ancestors(a).find((x) => contains(x, b));
  return !!common && BRANCHING.has(common.type);
}

const BRANCHING = new Set(['if_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement']);

/**
 * The function's own check of the context right after the send, in no loop (`err := ctx.Err()` …
 * `if err != nil { ah.out.Write(…) }`): it sends whatever happens and handles the end of the
 * context itself, after the send. The check, as written.
 */
export function checkedAfterSend(send: Node, fn: Node, expr: string): Node | undefined {
  // The very next statement, the send in no loop: not a loop's check before its next pass.
  if (ancestors(send).some((a) => a.type === 'for_statement' && contains(fn, a))) return undefined;
  const next = nextStatement(send);
  if (next?.type !== 'short_var_declaration' && next?.type !== 'assignment_statement' && next?.type !== 'if_statement') return undefined;
  const head = next.type === 'if_statement' ? next.childForFieldName('initializer') ?? next.childForFieldName('condition') : next;
  return head?.descendantsOfType('call_expression').find((c) => c.childForFieldName('function')?.text === `${expr}.Err`);
}
