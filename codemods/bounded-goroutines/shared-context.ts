import { loopStatement } from '../../src/go/loops.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { firstLine, type Node } from '../../src/go/syntax.js';
import { spawnedFunction, type Spawn } from './detect.js';

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
 * The function cancels the goroutines' context after the loop, before it waits for them (if it
 * does): `for _, j := range jobs { go func() { defer wg.Done(); j(ctx) }() }; <-stop; cancel();
 * wg.Wait()`. The goroutines are meant to run until then (services, jobs, actors of a run group),
 * and once the slots are taken the loop would wait for one that frees only after it. The
 * statement that cancels, e.g. `cancel()`.
 */
export function cancelledAfterLoop(spawn: Spawn): string | undefined {
  const made = contextsMadeBefore(spawn).filter(({ ctxName }) => uses(ctxName).test(spawn.go.text));
  if (made.length === 0) return undefined;
  for (let next: Node | null = loopStatement(spawn.loop).nextNamedSibling; next; next = next.nextNamedSibling) {
    if (next.type === 'defer_statement' || next.type === 'comment') continue;
    const cancels = made.find(({ cancel }) => calls(cancel).test(next!.text));
    if (cancels) return firstLine(next.text);
    // Waited for first: the goroutines had ended by themselves.
    if (/\.Wait\s*\(/.test(next.text)) return undefined;
  }
  return undefined;
}
