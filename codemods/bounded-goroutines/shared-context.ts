import { loopShape, loopStatement } from '../../src/go/loops.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { contains, firstLine, unparen, type Node } from '../../src/go/syntax.js';
import { declarationOf } from '../../src/go/scope.js';
import { spawnedFunction, type Spawn } from './detect.js';
import { calledName } from '../../src/go/called-functions.js';
import type { FileContext } from '../../src/engine/types.js';
import { afterLoopBeforeWait } from './after-loop.js';

export { cancelledPerItemAfterLoop } from './cancelled-per-item.js';

// A context the goroutines all run with, made before the loop with its cancel function: who
// cancels it says how long they may run.

/** `ctx, cancel := context.WithCancel(…)` (any `With…Cancel…` or `WithTimeout`/`WithDeadline`) before the loop: each context and cancel name. */
function contextsMadeBefore(spawn: Spawn): { ctxName: string; cancel: string }[] {
  const body = spawn.fn.childForFieldName('body');
  if (!body) return [];
  const before = body.text.slice(0, loopStatement(spawn.loop).startIndex - body.startIndex);
  return Array.from(before.matchAll(/(\w+)\s*,\s*(\w+)\s*:?=\s*\w+\.With(?:Cancel|Timeout|Deadline)\w*\(/g), ([, ctxName, cancel]) => ({ ctxName, cancel }));
}

const uses = (name: string) => new RegExp(`\\b${regexEscaped(name)}\\b`);
const calls = (name: string) => new RegExp(`(?<![\\w.])${regexEscaped(name)}\\s*\\(`);

/**
 * The goroutines end a context they all run with: `workersCtx, cancelWorkersCtx :=
 * context.WithCancelCause(ctx)` before the loop, and a goroutine calls `cancelWorkersCtx(err)` on
 * its failure (dskit's DoMulti). The others may wait on that context until one fails, and with
 * a bound the one that would fail may never get a slot. The cancel call, e.g. `cancelWorkersCtx(…)`.
 */
export function cancelEachOther(spawn: Spawn): string | undefined {
  const literal = spawnedFunction(spawn.go);
  if (literal?.type !== 'func_literal') return undefined;
  const inside = literal.text;
  const found = contextsMadeBefore(spawn).find(({ ctxName, cancel }) => calls(cancel).test(inside) && uses(ctxName).test(inside));
  return found && `${found.cancel}(…)`;
}

/**
 * The goroutines run in a group made with `errgroup.WithContext` before the loop, whose first
 * error cancels the group's context, and each hands that context (or a value built from it before
 * the loop) to the task its item carries, code the package does not show, then may return an
 * error: `eg, egCtx := errgroup.WithContext(ctx)`, `eg.Go(func() error { claims, err :=
 * batch.driver.Store(egCtx, …); if err != nil { return err } … })` (temporal's storage drivers,
 * meant to be cancelled when a sibling fails). That code may wait on the context until another
 * fails, and with a limit the one that would fail may never start. The task is a method or a
 * function value of a variable of the loop (`fn(ctx)`, `h.Handle(ctx, desc)`); a function of
 * another package is the same work for every item. The call, e.g. `batch.driver.Store(…)`.
 */
export function groupCancelsOnError(spawn: Spawn, ctx: FileContext): string | undefined {
  const literal = spawnedFunction(spawn.go);
  const body = spawn.fn.childForFieldName('body');
  if (literal?.type !== 'func_literal' || !body) return undefined;
  const before = body.text.slice(0, loopStatement(spawn.loop).startIndex - body.startIndex);
  const made = [...before.matchAll(/(\w+)\s*,\s*(\w+)\s*:?=\s*errgroup\.WithContext\(/g)].find(([, group]) => spawn.go.text.startsWith(`${group}.Go(`));
  if (!made || !/\breturn\s+(?!nil\b)\S/.test(literal.text)) return undefined;
  // The group's context, and values built from it before the loop (`StoreContext{Context: egCtx}`).
  const names = new Set([made[2]]);
  for (const [, name, value] of before.matchAll(/(\w+)\s*:=\s*([^\n]+)/g)) if (uses(made[2]).test(value)) names.add(name);
  const ofLoop = new Set(spawn.loops.flatMap((l) => loopShape(l).variables));
  for (const call of literal.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function')!;
    const named = calledName(callee);
    if (!named || !call.childForFieldName('arguments')!.namedChildren.some((a) => names.has(a.text))) continue;
    let root = callee;
    while (root.type === 'selector_expression' || root.type === 'index_expression') root = unparen(root.childForFieldName('operand')!);
    const carried = root.type === 'identifier' && (ofLoop.has(root.text) || locallyDeclaredIn(spawn.loop, root));
    if (carried && ctx.packageIndex().functionsNamed(named.name, named.method).length === 0) return firstLine(call.text);
  }
  return undefined;
}

/** Whether the name at `id` is a local declared inside the loop (`batch := batches[name]`). */
function locallyDeclaredIn(loop: Node, id: Node): boolean {
  const found = declarationOf(id.text, id);
  return !!found && 'local' in found && contains(loop, found.local.decl);
}

/**
 * The function cancels the goroutines' context after the loop, before it waits for them (if it
 * does): `for _, j := range jobs { go func() { defer wg.Done(); j(ctx) }() }; <-stop; cancel();
 * wg.Wait()`. The goroutines are meant to run until then (services, jobs, actors of a run group),
 * and once the slots are taken the loop would wait for one that frees only after it. The
 * statement that cancels, e.g. `cancel()`.
 */
export function cancelledAfterLoop(spawn: Spawn): string | undefined {
  const made = contextsMadeBefore(spawn).filter(({ ctxName }) => uses(ctxName).test(spawn.go.text));
  if (made.length === 0) return undefined;
  return afterLoopBeforeWait(loopStatement(spawn.loop), (next) => (made.some(({ cancel }) => calls(cancel).test(next.text)) ? firstLine(next.text) : undefined));
}
