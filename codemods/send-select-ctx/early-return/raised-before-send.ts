import type { FileContext } from '../../../src/engine/types.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { ancestors, contains, FUNCTION_TYPES, unparen, type Node } from '../../../src/go/syntax.js';
import { progressSavedOnReturn } from './saved-progress.js';

// A count of values in flight raised right before the send, brought down by the receiver's side
// once the value is handled: a return in place of the send would leave it raised for good.

/**
 * Why a return in place of the send would leave what the function moved on before it as if the
 * value had been handled: a count raised for it, or a state a defer records.
 */
export function advancedBeforeSend(send: Node, fn: Node, ctx: FileContext): string | undefined {
  const raised = raisedBeforeSend(send, fn, ctx);
  if (raised) return raised;
  const saved = progressSavedOnReturn(send, fn);
  return saved && `the function records on its way out what ${saved.made} moves on with the value sent (${saved.deferred}, deferred): a return here would record it as moved past a value never delivered, and whoever starts again from that record would never get the value`;
}

/**
 * A `X.Add(1)` statement before the send in its block (`p.pending.Add(1); p.queue <- job`: a
 * variant of miniflux's worker pool, whose Drain waits on the count), with nothing between them
 * that starts a goroutine, defines a function, touches the counter or uses the sent value (a
 * `wg.Add(1); go worker(job)` counts a goroutine, not the value). The package waits on the count
 * elsewhere (`X.Wait()`, or a loop or test on `X.Load()`) and brings it down elsewhere (`X.Done()`,
 * `X.Add(-1)`), never in this function, deferred or not. The function-style atomics count alike:
 * `atomic.AddInt64(&q.pending, 1)` brought down by `atomic.AddInt64(&q.pending, -1)` and waited on
 * by a loop or zero test on `atomic.LoadInt64(&q.pending)` (a variant of dd-trace-go's trace queue,
 * whose Flush hung). The reason, or undefined.
 */
function raisedBeforeSend(send: Node, fn: Node, ctx: FileContext): string | undefined {
  const add = addBefore(send);
  if (!add) return undefined;
  const callee = add.childForFieldName('function')!;
  const atomicFn = ATOMIC_ADD.test(callee.text);
  const counter = atomicFn ? add.childForFieldName('arguments')!.namedChild(0)!.text.replace(/^&\s*/, '') : callee.childForFieldName('operand')!.text;
  // Another function's `p.pending` is the same field under any receiver name.
  const key = counter.includes('.') ? `[\\w.]*\\.${regexEscaped(counter.slice(counter.lastIndexOf('.') + 1))}` : `(?<![\\w.])${regexEscaped(counter)}`;
  const down = atomicFn
    ? new RegExp(`atomic\\.Add(?:Int|Uint)(?:32|64)\\(\\s*&${key}\\s*,\\s*(?:-|\\^)`, 'g')
    : new RegExp(`${key}\\.(Done\\(\\s*\\)|Add\\(\\s*-\\s*1\\s*\\))`, 'g');
  if (new RegExp(down.source).test(fn.text)) return undefined;
  const outer = ancestors(send).filter((a) => FUNCTION_TYPES.has(a.type)).at(-1)!;
  const elsewhere = (pattern: RegExp) => callsOutside(pattern, fn, outer, ctx);
  if (elsewhere(down).length === 0) return undefined;
  const wait = atomicFn
    ? elsewhere(new RegExp(`atomic\\.Load(?:Int|Uint)(?:32|64)\\(\\s*&${key}\\s*\\)`, 'g')).find(awaitedLoad)
    : (elsewhere(new RegExp(`${key}\\.Wait\\(\\s*\\)`, 'g'))[0] ?? elsewhere(new RegExp(`${key}\\.Load\\(\\s*\\)`, 'g')).find(awaitedLoad));
  if (!wait) return undefined;
  const waiter = wait.type === 'call_expression' && /\.Wait$/.test(wait.childForFieldName('function')!.text) ? wait.text : `the wait for ${wait.text} to drop`;
  return `${add.text} just before counts the value as pending until it is handled: a return here would leave it counted, and ${waiter} (in ${inFunction(wait)}) would wait forever`;
}

/** A function-style atomic add: `atomic.AddInt64`, `AddInt32`, `AddUint64`, `AddUint32`. */
const ATOMIC_ADD = /^atomic\.Add(Int|Uint)(32|64)$/;

/** The method names of the counting calls looked for, the function-style atomics' included. */
const COUNTING = /\.(Done|Add|Wait|Load)((Int|Uint)(32|64))?$/;

/**
 * The `X.Add(1)` (or `atomic.AddInt64(&X, n)`, n a positive literal) call of a statement before the
 * send in its block, with only harmless statements between.
 */
function addBefore(send: Node): Node | undefined {
  const value = send.childForFieldName('value');
  const sent = new Set((value?.type === 'identifier' ? [value] : (value?.descendantsOfType('identifier') ?? [])).map((i) => i.text));
  for (let prev = send.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
    if (prev.type === 'comment') continue;
    const call = prev.type === 'expression_statement' ? unparen(prev.namedChild(0)!) : undefined;
    const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    if (callee?.type === 'selector_expression' && callee.childForFieldName('field')!.text === 'Add' && /^\(\s*1\s*\)$/.test(call!.childForFieldName('arguments')!.text)) return call;
    if (callee && ATOMIC_ADD.test(callee.text) && /^\(\s*&\s*[\w.]+\s*,\s*[1-9]\d*\s*\)$/.test(call!.childForFieldName('arguments')!.text)) return call;
    if (!harmless(prev, sent)) return undefined;
  }
  return undefined;
}

/** A statement that starts nothing, leaves nothing and does not use the sent value (it may define it). */
function harmless(statement: Node, sent: Set<string>): boolean {
  const kinds = ['go_statement', 'func_literal', 'defer_statement', 'return_statement', 'break_statement', 'continue_statement', 'goto_statement', 'send_statement'];
  if (kinds.includes(statement.type) || statement.descendantsOfType(kinds).length > 0) return false;
  if (/\.Add((Int|Uint)(32|64))?\(/.test(statement.text)) return false;
  const defines = statement.type === 'short_var_declaration' || statement.type === 'assignment_statement';
  const used = (defines ? statement.childForFieldName('right') : statement)?.descendantsOfType('identifier') ?? [];
  return !used.some((id) => sent.has(id.text));
}

/** Calls matching the pattern in the package, outside the send's function: other top-level functions, or the rest of its own. */
function callsOutside(pattern: RegExp, fn: Node, outer: Node, ctx: FileContext): Node[] {
  const name = outer.childForFieldName('name')?.text;
  const others = ctx.packageIndex().nodesMatching(pattern, () => 0).map(callAt).filter((c): c is Node => !!c && inFunction(c) !== name);
  const own = outer === fn ? [] : outer.descendantsOfType('call_expression').filter((c) => new RegExp(pattern.source).test(c.text) && c.text.length < 80 && !contains(fn, c));
  return [...own.filter((c) => COUNTING.test(c.childForFieldName('function')?.text ?? '')), ...others];
}

/** The call a match starts in (`p.pending.Done()` from its first identifier). */
function callAt(node: Node): Node | undefined {
  return ancestors(node).find((a) => a.type === 'call_expression' && COUNTING.test(a.childForFieldName('function')?.text ?? ''));
}

/** The name of the top-level function a node is in. */
function inFunction(node: Node): string | undefined {
  const top = ancestors(node).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
  return top?.childForFieldName('name')?.text;
}

/** A `Load()` a loop waits on, or compared with zero (`for p.n.Load() > 0`, `if p.n.Load() == 0`). */
function awaitedLoad(load: Node): boolean {
  const cmp = load.parent?.type === 'binary_expression' ? load.parent : undefined;
  return !!cmp && (/^0$/.test(cmp.childForFieldName('right')?.text ?? '') || ancestors(cmp).some((a) => a.type === 'for_statement'));
}
