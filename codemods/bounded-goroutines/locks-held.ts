import type { FileContext } from '../../src/engine/types.js';
import { loopStatement } from '../../src/go/loops.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, enclosingFunction, FUNCTION_TYPES, type Node } from '../../src/go/syntax.js';
import { paramsOf } from '../../src/go/scope.js';
import type { Spawn } from './detect.js';
import { wrapperLockCalls } from '../../src/go/lock-wrappers.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { callsOf, callsStandardPackage } from '../../src/go/called-functions.js';

/**
 * A mutex locked before the loop in its function and not unlocked before the loop starts
 * (unlocked by a defer, or after the loop): its expression, e.g. `t.mu`.
 */
export function lockHeldAtLoop(spawn: Spawn, source: string): string | undefined {
  const body = spawn.fn.childForFieldName('body');
  if (!body) return undefined;
  return lockHeldAtEnd(ownText(body, body.startIndex, loopStatement(spawn.loop).startIndex, source));
}

/**
 * A mutex locked in the loop's body before the go statement and not unlocked before it
 * (`r.RLock()`, then a loop over the routes that starts a handler for each): its expression.
 */
export function lockHeldAtGo(spawn: Spawn, source: string): string | undefined {
  const body = spawn.loop.childForFieldName('body');
  if (!body) return undefined;
  return lockHeldAtEnd(ownText(body, body.startIndex, spawn.go.startIndex, source));
}

/**
 * A mutex locked before the loop (or, in its body, before the go statement) through a method of
 * the receiver's type whose body locks it (`s.acquireProbesMutex(0)`, `defer
 * s.releaseProbesMutex(0)`) and not unlocked before: its expression, and the call.
 */
export function lockHeldThroughWrappers(spawn: Spawn, ctx: FileContext, at: 'loop' | 'go'): string | undefined {
  const body = (at === 'loop' ? spawn.fn : spawn.loop).childForFieldName('body');
  if (!body) return undefined;
  const to = at === 'loop' ? loopStatement(spawn.loop).startIndex : spawn.go.startIndex;
  return heldThroughWrappers(spawn.fn, body, body.startIndex, to, ctx.source, ctx.packageIndex());
}

function heldThroughWrappers(fn: Node, node: Node, from: number, to: number, source: string, index: PackageIndex): string | undefined {
  const calls = wrapperLockCalls(fn, index).filter((c) => c.call.startIndex >= from && c.call.endIndex <= to);
  if (!calls.some((c) => c.op === 'Lock' || c.op === 'RLock')) return undefined;
  // Each call written as what it does (`s.probesMutex.Lock()`); those in function literals are blanked.
  let text = ownText(node, from, to, source);
  for (const c of [...calls].sort((a, b) => b.call.startIndex - a.call.startIndex)) {
    const at = c.call.startIndex - from;
    if (text.slice(at, at + c.call.text.length) !== c.call.text) continue;
    text = text.slice(0, at) + `${c.mutex}.${c.op}()` + text.slice(at + c.call.text.length);
  }
  const held = lockHeldAtEnd(text);
  const via = held ? calls.find((c) => c.mutex === held && (c.op === 'Lock' || c.op === 'RLock')) : undefined;
  return via ? `${held} (locked through ${via.call.text}, a method whose body locks it)` : undefined;
}

/**
 * The text from `from` to `to` within `node`, function literals blanked out: a closure that locks
 * and defers its unlock (`update := func() { v.m.Lock(); defer v.m.Unlock(); … }`) holds the lock
 * only while it runs (goka's view was said to run its loop with m held).
 */
function ownText(node: Node, from: number, to: number, source: string): string {
  let text = source.slice(from, to);
  for (const literal of node.descendantsOfType('func_literal')) {
    if (literal.startIndex < from || literal.endIndex > to) continue;
    const at = literal.startIndex - from;
    text = text.slice(0, at) + ' '.repeat(literal.endIndex - literal.startIndex) + text.slice(at + literal.endIndex - literal.startIndex);
  }
  return text;
}

/**
 * The loop's function is called with a lock held: it is named so (`pingAllLocked`, Go's way of
 * saying the caller holds the lock), or a call of it in the package follows a Lock() its function
 * has not undone (`p.connsMu.Lock(); p.checkMinIdleConns()`), directly or through up to two more
 * calls (`m.chCond.L.Lock()`, then `m.TryReserveMemory(size)`, which calls `m.checkTrigger(…)`).
 * Which lock, and where.
 */
export function lockHeldByCaller(spawn: Spawn, ctx: FileContext): string | undefined {
  if (spawn.fn.type !== 'function_declaration' && spawn.fn.type !== 'method_declaration') return undefined;
  const name = spawn.fn.childForFieldName('name')?.text;
  if (!name) return undefined;
  if (/\wLocked$/.test(name)) return `${name}, named so`;
  return heldAroundCalls(spawn.fn, ctx, CALLER_DEPTH, new Set());
}

/** How many calls up a lock held around the loop's function is looked for. */
const CALLER_DEPTH = 3;

/** A lock held around a call of `fn` (as callsOf finds them), or of its callers up to `depth` calls up. */
function heldAroundCalls(fn: Node, ctx: FileContext, depth: number, seen: Set<string>): string | undefined {
  const name = fn.childForFieldName('name')!.text;
  if (seen.has(name)) return undefined;
  seen.add(name);
  const index = ctx.packageIndex();
  // Only functions that lock something are parsed to look at their calls.
  for (const call of callsOf(fn, index, (decl) => /\.R?Lock\(\)/.test(decl))) {
    // Started on a goroutine of its own (`go v.poll(…)` under `w.Lock()`): it runs without the lock.
    if (call.parent?.type === 'go_statement' || callsStandardPackage(call)) continue;
    const caller = enclosingFunction(call);
    const body = caller?.childForFieldName('body');
    if (!body) continue;
    const held = lockHeldAtEnd(body.text.slice(0, call.startIndex - body.startIndex));
    if (held) return `${held}, locked in ${caller!.childForFieldName('name')?.text ?? 'a function literal'} around the call`;
  }
  if (depth <= 1) return undefined;
  for (const call of callsOf(fn, index)) {
    if (call.parent?.type === 'go_statement' || callsStandardPackage(call)) continue;
    // Only a direct call runs under its caller's locks: not one in a function literal started on
    // a goroutine (`go func() { p.collect() }()`, `p.wg.Go(func() { p.collect(tick.C) })`).
    if (inGoroutineLiteral(call)) continue;
    const caller = ancestors(call).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
    const callerName = caller?.childForFieldName('name')?.text;
    const held = callerName ? heldAroundCalls(caller!, ctx, depth - 1, seen) : undefined;
    if (held) return `${held} of ${callerName}, which calls ${name}`;
  }
  return undefined;
}

/** The call lies in a function literal run on a goroutine: by a go statement, given to a `Go` method (`wg.Go`, `g.Go`), or to `time.AfterFunc`. */
function inGoroutineLiteral(call: Node): boolean {
  for (const literal of ancestors(call)) {
    if (literal.type === 'function_declaration' || literal.type === 'method_declaration') return false;
    if (literal.type !== 'func_literal') continue;
    const up = literal.parent;
    if (up?.type === 'call_expression' && up.parent?.type === 'go_statement') return true;
    const callee = up?.type === 'argument_list' ? up.parent?.childForFieldName('function') : undefined;
    if (callee?.type === 'selector_expression' && callee.childForFieldName('field')?.text === 'Go') return true;
    // Or to a timer, which runs it later on a goroutine of its own (`time.AfterFunc(d, func() { … })`).
    if (callee?.text === 'time.AfterFunc') return true;
  }
  return false;
}

/**
 * A mutex a stretch of code locks and does not unlock (a deferred unlock comes later): its
 * expression, an element of a slice of locks too (`tw.locks[tw.currentPos]`).
 */
function lockHeldAtEnd(before: string): string | undefined {
  for (const lock of before.matchAll(/([\w.]+(?:\[[^\]\n]*\])?(?:\.\w+)*)\.(R?)Lock\(\)/g)) {
    const [, expr, r] = lock;
    const unlocks = [`${regexEscaped(expr)}\\.${r}Unlock\\(\\)`, ...unlockers(before, expr, r).map((name) => `${name}\\(\\)`)].join('|');
    // An unlock right before a return is an early way out (`if !s.started { s.mu.Unlock(); return
    // }`): the code after that branch still holds the lock (k0s' static pods' Stop). Not when
    // the stretch ends in that return (`unlock(); return srv.serveUDP(u)`, the call looked at),
    // nor when the branch took the lock itself (`if n == 0 { f.mu.Lock(); …; f.mu.Unlock();
    // return }`: syncthing's folder pull): the code after it never took it.
    const after = before.slice(lock.index! + lock[0].length);
    const unlock = new RegExp(`^(?![ \\t]*defer\\b).*\\b(?:${unlocks})(?<returns>[ \\t]*\\n\\s*return\\b[^\\n]*\\n)?`, 'gm');
    if (![...after.matchAll(unlock)].some((m) => !m.groups?.returns || sameBlock(after.slice(0, m.index)))) return expr;
  }
  return undefined;
}

/** Whether code ends in the block it starts in: its braces never close one opened before it, and all it opens are closed. */
function sameBlock(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Local names for unlocking `expr`: a method value (`unlock := s.mu.Unlock`), a closure
 * (`release := func() { s.mu.Unlock() }`), or a helper handed the mutex, named for it
 * (`unlock := unlockOnce(&srv.lock)`, miekg/dns' servers).
 */
function unlockers(text: string, expr: string, r: string): string[] {
  const names: string[] = [];
  for (const [, name, value] of text.matchAll(/\b(\w+)\s*:?=\s*([^\n]*)/g)) {
    const direct = new RegExp(`\\b${regexEscaped(expr)}\\.${r}Unlock\\b`).test(value);
    const handed = new RegExp(`&${regexEscaped(expr)}\\b`).test(value) && /unlock/i.test(name);
    if (direct || handed) names.push(regexEscaped(name));
  }
  return names;
}

/** A transaction's type: `*bolt.Tx`, `*sql.Tx`, `dataservices.DataStoreTx`, `*store.Transaction`. */
const TRANSACTION = /^\*?(\w+\.)?\w*(Tx|Transaction)$/;

/**
 * A transaction the loop runs in: a parameter of its function or of a function around it
 * (`func(tx dataservices.DataStoreTx) error { … }` handed to `UpdateTx`): it holds the store's
 * lock until the loop is done, and goroutines that write to the store would wait for it. The
 * parameter, as written.
 */
export function inTransaction(spawn: Spawn): string | undefined {
  for (const fn of ancestors(spawn.loop).filter((a) => FUNCTION_TYPES.has(a.type))) {
    const tx = paramsOf(fn).find((p) => TRANSACTION.test(p.typeNode.text.replace(/\s/g, '')));
    if (tx) return `${tx.name} ${tx.typeNode.text}`;
  }
  return undefined;
}
