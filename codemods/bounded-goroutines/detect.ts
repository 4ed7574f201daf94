import { enclosingLoops, isFixedCountLoop, loopStatement } from '../../src/go/loops.js';
import { declarationOf, localsBefore, paramsOf } from '../../src/go/scope.js';
import { callsByText, nodesByToken, sendStatements } from '../../src/go/find-by-text.js';
import { contains, enclosingFunction, nextStatement, same, statementsOf, type Node } from '../../src/go/syntax.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { rangesOverChannel } from './channel-loops.js';

/** How the spawned goroutines are waited for, which decides the rewrite and what callers see. */
export type Shape = 'joined' | 'channel-range' | 'fire-and-forget' | 'waitgroup-go';

export interface Spawn {
  /** The `go` statement, or the expression statement of a `wg.Go(func() {…})` call. */
  go: Node;
  /** The outermost loop of the function that repeats the go statement: the bound goes before it. */
  loop: Node;
  /** Every loop between the go statement and the function, innermost first. */
  loops: Node[];
  fn: Node;
  shape: Shape;
}

/**
 * The function a spawn runs: the called function of `go f(…)` or `go func() {…}()`, or the
 * function given to `wg.Go(…)` / `g.Go(…)`; when that is a wrapper's call around a function
 * literal (`g.Go(crash.NotifyWarehouse(func() error {…}))`, a panic reporter), the literal.
 */
export function spawnedFunction(go: Node): Node | undefined {
  const call = go.namedChild(0);
  if (call?.type !== 'call_expression') return undefined;
  if (go.type === 'go_statement') return call.childForFieldName('function') ?? undefined;
  const given = call.childForFieldName('arguments')?.namedChildren[0];
  const wrapped = given?.type === 'call_expression' ? given.childForFieldName('arguments')?.namedChildren : undefined;
  return wrapped?.length === 1 && wrapped[0].type === 'func_literal' ? wrapped[0] : given;
}

/**
 * Whether the statement after the go statement, or after the statement holding it, is a return,
 * before its loop goes round: `go x(); return`, or `if !closed { go device.Close() }; return`
 * (wireguard-go's read loop, closing the device once on its way out).
 */
function returnsAfter(go: Node, loop: Node): boolean {
  for (let n: Node | null = go; n && !same(n, loop); n = n.parent) {
    if (n.type === 'func_literal') return false;
    if (n.parent?.type !== 'statement_list' && n.parent?.type !== 'block') continue;
    const next = nextStatement(n);
    if (next) return next.type === 'return_statement';
  }
  return false;
}

/** A `go` statement run once per iteration, with no bound in sight. */
export function spawnPerIteration(go: Node, source: string): Spawn | undefined {
  const loops = enclosingLoops(go);
  if (loops.length === 0) return undefined;
  // `go func() { for range pchan {} }(); return …`: started once, on the way out (coredns' transfer).
  if (returnsAfter(go, loops[0])) return undefined;
  const fn = enclosingFunction(go);
  if (!fn) return undefined;
  // A fixed set of workers (for i := 0; i < workers; i++) is already a bound.
  if (loops.some(isFixedCountLoop) || nothingToDo(go)) return undefined;
  const loop = loops[loops.length - 1];
  if (hasBound(go, loops[0], source)) return undefined;
  return { go, loop, loops, fn, shape: shapeOf(loop, loops[0], fn, source) };
}

/**
 * A goroutine with no work of its own, a literal whose only statements are deferred Done() calls
 * (`go func() { defer wg.Done() }()`, releasing a WaitGroup counted for work that will not run):
 * each ends at once, and there is nothing to bound.
 */
function nothingToDo(go: Node): boolean {
  const literal = go.namedChild(0)?.childForFieldName('function');
  if (literal?.type !== 'func_literal') return false;
  return statementsOf(literal.childForFieldName('body')).every((st) => st.type === 'comment' || (st.type === 'defer_statement' && /^defer\s+[\w.]+\.Done\(\)$/.test(st.text)));
}

/**
 * A bound in sight: a semaphore acquire (`x <- struct{}{}`, `.Acquire(`, a sized wait group's
 * `swg.Add()`) in the loop before the go statement, a throttler's `Throttle()` in the loop, a
 * limiter the goroutine releases (`<-sem` deferred), or one made before the loop that the
 * goroutine uses or hands on.
 */
export function hasBound(go: Node, loop: Node, source: string): boolean {
  const body = loop.childForFieldName('body');
  if (!body) return false;
  // Before the go statement, in the loop body.
  const before = (n: Node) => n.startIndex <= go.startIndex && !contains(go, n);
  const sends = sendStatements(body, source, body.startIndex, go.startIndex);
  if (sends.some((n) => before(n) && n.childForFieldName('value')?.text.replace(/\s/g, '') === 'struct{}{}')) return true;
  for (const method of ['.Acquire', '.acquire', '.Wait', '.Take']) {
    if (callsByText(body, source, method, (callee) => callee.endsWith(method), body.startIndex, go.startIndex).some(before)) return true;
  }
  // A limiter's region entered (`region := LimitRegion(egCtx, limiter)`, then `region.Start()`:
  // oras' syncutil, whose copy deadlocked when a SetLimit was added under it).
  // Or a throttle's slot taken (`throttle.Do()`, made by `y.NewThrottle(3)`: badger's table opening).
  for (const method of ['.Start', '.Do']) {
    const entered = callsByText(body, source, method, (callee) => callee.endsWith(method), body.startIndex, go.startIndex);
    if (entered.some((c) => before(c) && limiterNamed(c.childForFieldName('function')!.childForFieldName('operand'), c))) return true;
  }
  // Or a throttler's free worker awaited on each pass, before or after the go statement
  // (`t.Throttle()`, made by `throttler.New(workers, len(sl))`: nozzle's throttler).
  if (callsByText(body, source, '.Throttle', (callee) => callee.endsWith('.Throttle')).some((c) => !contains(go, c))) return true;
  // `swg.Add()` with no count: a sized wait group's, which waits for room (nuclei's syncutil).
  const sized = callsByText(body, source, '.Add', (callee) => callee.endsWith('.Add'), body.startIndex, go.startIndex);
  if (sized.some((c) => before(c) && c.childForFieldName('arguments')?.namedChildren.length === 0)) return true;
  if (limiterHandedOver(go, loop, source) || countGuarded(go, loop)) return true;
  return nodesByToken(go, source, 'defer', 'defer_statement').some((d) => /<-\s*\w/.test(d.text) && !d.text.includes('Done'));
}

/**
 * A go statement under `if workerCount < p.maxWorkers {` whose branch raises that count
 * (`workerCount++`), and which the function lowers again as goroutines end (`workerCount--`): a
 * count of those running, held under a limit (workerpool's dispatcher, which queues a task for
 * the running workers once it is reached). Not an index (`if i < n { go …; i++ }`), never lowered.
 */
function countGuarded(go: Node, loop: Node): boolean {
  const fn = enclosingFunction(loop);
  for (let n = go.parent; n && n.id !== loop.id; n = n.parent) {
    const test = n.parent?.type === 'if_statement' && same(n.parent.childForFieldName('consequence'), n) ? n.parent.childForFieldName('condition') : undefined;
    const count = test && /^([\w.]+)\s*<=?\s*[\w.()]+$/.exec(test.text.trim())?.[1];
    if (!count) continue;
    const changed = (by: string) => new RegExp(`(^|[^\\w.])${regexEscaped(count)}\\s*(\\${by}\\${by}|\\${by}=\\s*1\\b)`);
    if (changed('+').test(n.text) && changed('-').test(fn?.text ?? '')) return true;
  }
  return false;
}

/** A value named as a limiter, or made by a call that is (`region := LimitRegion(ctx, limiter)`). */
function limiterNamed(operand: Node | null, at: Node): boolean {
  if (operand?.type !== 'identifier') return false;
  const found = declarationOf(operand.text, at);
  const value = found && 'local' in found ? found.local.value?.text ?? '' : '';
  return /limit|semaphore|throttl/i.test(operand.text) || /^\w*(?:\.\w+)*(?:[lL]imit|[sS]emaphore|[tT]hrottl)\w*\(/.test(value);
}

/**
 * A buffered `chan struct{}` made before the loop, named as a limiter (`concurrentLimiter`,
 * `sem`, `tokens`), that the goroutine uses or hands on (`startJob(…, concurrentLimiter, …)`):
 * the goroutines take their slots in it, out of sight.
 */
function limiterHandedOver(go: Node, loop: Node, source: string): boolean {
  const fn = enclosingFunction(loop);
  if (!fn) return false;
  const made = /\b(\w*(?:[sS]em\w*|[lL]imit\w*|[tT]hrottle\w*|[tT]okens?|[sS]lots?))\s*:?=\s*make\(\s*chan\s+struct\s*\{\s*\}\s*,/g;
  const text = source.slice(fn.startIndex, loop.startIndex);
  return [...text.matchAll(made)].some((m) => new RegExp(`(?<![\\w.])${m[1]}\\b`).test(go.text));
}

/**
 * Whether a wait after the loop is for the group its goroutines join: one the loop names
 * (`wg.Add`, `wg.Done`, `g.Go`), or any, when the loop names none (`wg.Add(n)` before it, the
 * goroutine's function calling `wg.Done()`). Not when the loop's goroutines join another group
 * (`s.running.Add(1)`, then a `stopping.Wait()` for other goroutines: alloy's runner starts
 * workers that outlive the call).
 */
function waitsForLoopsGroup(waits: Node[], loop: Node): boolean {
  const groups = loopGroups(loop);
  // No group in the loop: any later Wait may be its join, but not one on a value declared after
  // the loop (open-im's second loop's \`var wait cmdManger\`).
  if (groups.length === 0) return waits.some((w) => !declaredAfter(w.childForFieldName('function')!.text.replace(/\.Wait$/, ''), w, loop));
  return waits.some((w) => groups.includes(w.childForFieldName('function')!.text.replace(/\.Wait$/, '')));
}

/** The groups a loop names, as written (`wg` of `wg.Add(1)`, `wg.Done()`, `g.Go(…)`), a context's `Done` aside. */
export function loopGroups(loop: Node): string[] {
  return [...loop.text.matchAll(/([\w.]+)\.(?:Add|Done|Go)\(/g)].map((m) => m[1]).filter((g) => !/(^|\.)(ctx|\w*Ctx|context)$/i.test(g));
}

/** Whether the local that `name` starts with is declared after the loop. */
function declaredAfter(name: string, at: Node, loop: Node): boolean {
  const decl = declarationOf(name.split('.')[0], at);
  return !!decl && 'local' in decl && decl.local.decl.startIndex > loop.endIndex;
}

function shapeOf(outer: Node, inner: Node, fn: Node, source: string): Shape {
  const waits = callsByText(fn, source, '.Wait', (callee) => callee.endsWith('.Wait'), outer.endIndex).filter((c) => c.startIndex > outer.endIndex);
  if (waits.length > 0 && waitsForLoopsGroup(waits, outer)) return 'joined';
  if (rangesOverChannel(inner)) return 'channel-range';
  return 'fire-and-forget';
}


/** `wg.Go(func() {…})` (Go 1.25) once per loop iteration, wg a sync.WaitGroup local or parameter. */
export function waitGroupGoPerIteration(stmt: Node, source: string): Spawn | undefined {
  if (stmt.type !== 'expression_statement') return undefined;
  const call = stmt.namedChild(0);
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (callee?.type !== 'selector_expression' || callee.childForFieldName('field')?.text !== 'Go') return undefined;
  const wg = callee.childForFieldName('operand');
  if (wg?.type !== 'identifier') return undefined;
  const loops = enclosingLoops(stmt);
  const fn = enclosingFunction(stmt);
  if (loops.length === 0 || !fn || loops.some(isFixedCountLoop)) return undefined;
  const loop = loops[loops.length - 1];
  const param = paramsOf(fn).find((p) => p.name === wg.text);
  const local = localsBefore(loopStatement(loop)).find((l) => l.name === wg.text);
  const type = (param?.typeNode ?? local?.typeNode)?.text.replace(/^\*/, '');
  if (type !== 'sync.WaitGroup') return undefined;
  if (call!.childForFieldName('arguments')?.namedChildren[0]?.type !== 'func_literal') return undefined;
  if (hasBound(stmt, loops[0], source)) return undefined;
  return { go: stmt, loop, loops, fn, shape: 'waitgroup-go' };
}
