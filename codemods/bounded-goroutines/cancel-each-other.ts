import { loopStatement } from '../../src/go/loops.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { spawnedFunction, type Spawn } from './detect.js';

/**
 * The goroutines end a context they all run with: `workersCtx, cancelWorkersCtx :=
 * context.WithCancelCause(ctx)` before the loop, and a goroutine calls `cancelWorkersCtx(err)` on
 * its failure (dskit's DoMulti). The others may wait on that context until one fails, and with
 * a bound the one that would fail may never get a slot. The cancel call, e.g. `cancelWorkersCtx(…)`.
 */
export function cancelEachOther(spawn: Spawn): string | undefined {
  const literal = spawnedFunction(spawn.go);
  const body = spawn.fn.childForFieldName('body');
  if (literal?.type !== 'func_literal' || !body) return undefined;
  const before = body.text.slice(0, loopStatement(spawn.loop).startIndex - body.startIndex);
  const inside = literal.text;
  for (const m of before.matchAll(/(\w+)\s*,\s*(\w+)\s*:?=\s*\w+\.WithCancel\w*\(/g)) {
    const [, ctxName, cancel] = m;
    const uses = new RegExp(`\\b${regexEscaped(ctxName)}\\b`);
    const calls = new RegExp(`(?<![\\w.])${regexEscaped(cancel)}\\s*\\(`);
    if (calls.test(inside) && uses.test(inside)) return `${cancel}(…)`;
  }
  return undefined;
}
