import { receiverOf } from '../../src/go/declarations.js';
import { declarationOf } from '../../src/go/scope.js';
import { loopStatement } from '../../src/go/loops.js';
import { contains, same, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';

/**
 * A polling loop of the goroutine (`for r.Status(c.ID) != RunStateStart {
 * time.Sleep(time.Millisecond) }`): its condition calls a method of a value every goroutine of
 * the loop shares (declared outside it, a parameter or the receiver), its body sleeps or waits,
 * and the goroutine calls other methods of that value besides (`r.Register(c.ID)`, `r.Exit(c.ID,
 * st)`): it waits for what the other goroutines do to it (buildkite's containers, each starting
 * once the one before it exited). Bounded, the slots could all go to goroutines polling for ones
 * that cannot start. How, e.g. `waits in a loop on r.Status(c.ID) != RunStateStart, polling r,
 * shared state the other goroutines change (r.Register, r.Exit)`.
 */
export function pollsShared(loop: Node, cond: Node, body: Node, spawn: Spawn): string | undefined {
  const loopBody = loop.childForFieldName('body');
  if (!loopBody || !/\btime\.Sleep\(|\bruntime\.Gosched\(|<-\s*time\.After\(|\.Wait\(/.test(loopBody.text)) return undefined;
  for (const call of [cond, ...cond.descendantsOfType('call_expression')].filter((c) => c.type === 'call_expression')) {
    const fn = call.childForFieldName('function');
    const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
    if (operand?.type !== 'identifier') continue;
    if (!sharedByAll(operand.text, call, spawn)) continue;
    const polled = fn!.childForFieldName('field')!.text;
    const others = body.descendantsOfType('call_expression').flatMap((c) => {
      const f = c.childForFieldName('function');
      const name = f?.type === 'selector_expression' && f.childForFieldName('operand')?.text === operand.text ? f.childForFieldName('field')!.text : undefined;
      return name && name !== polled && !contains(cond, c) ? [`${operand.text}.${name}`] : [];
    });
    if (others.length > 0) return `waits in a loop on ${cond.text}, polling ${operand.text}, shared state the other goroutines change (${[...new Set(others)].join(', ')})`;
  }
  return undefined;
}

/**
 * A loop of the goroutine on an atomic's load (`for ready.Load() < n { runtime.Gosched() }`, `for
 * !start.Load() { time.Sleep(…) }`): it waits for a value someone else stores. Who, where the
 * spawning function shows it: the function itself after the loop (`start.Store(true)`, a start
 * line), else the other goroutines. How, e.g. `waits in a loop on !start.Load(), shared state
 * Run changes after the loop (start.Store, line 30)`.
 */
export function loadPolled(cond: Node, spawn: Spawn): string {
  const load = [cond, ...cond.descendantsOfType('call_expression')].find((c) => c.type === 'call_expression' && /\.Load\w*$/.test(c.childForFieldName('function')?.text ?? ''));
  const operand = load?.childForFieldName('function')!.childForFieldName('operand')?.text;
  const after = loopStatement(spawn.loop).endIndex;
  const store = operand
    ? spawn.fn.descendantsOfType('call_expression').find((c) => c.startIndex >= after && STORES.test(c.childForFieldName('function')?.text.slice(operand.length) ?? '') && c.childForFieldName('function')!.text.startsWith(`${operand}.`))
    : undefined;
  const name = spawn.fn.childForFieldName('name')?.text;
  if (store && name) return `waits in a loop on ${cond.text}, shared state ${name} changes after the loop (${store.childForFieldName('function')!.text}, line ${store.startPosition.row + 1})`;
  return `waits in a loop on ${cond.text}, shared state the other goroutines change`;
}

/** The writes of an atomic value, after its name: `.Store(`, `.Add(`, `.Swap(`, `.CompareAndSwap(`. */
const STORES = /^\.(Store|Add|Swap|CompareAndSwap)\w*$/;

/**
 * A local of the spawning function declared before its loop, one of its parameters, or its
 * receiver (`r` of `func (r *Runner) Start()`): not the item nor the goroutine's own.
 */
function sharedByAll(name: string, at: Node, spawn: Spawn): boolean {
  const decl = declarationOf(name, at);
  if (!decl) return spawn.fn.type === 'method_declaration' && receiverOf(spawn.fn)?.name === name;
  if ('param' in decl) return same(decl.param.fn, spawn.fn);
  return contains(spawn.fn, decl.local.decl) && !contains(loopStatement(spawn.loop), decl.local.decl);
}
