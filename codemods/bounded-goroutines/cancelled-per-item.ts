import { loopShape, loopStatement } from '../../src/go/loops.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, contains, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { afterLoopBeforeWait } from './after-loop.js';

// A context made per item inside the loop, whose cancel function the loop keeps (in a variable,
// a slice of cancel functions, a field of the items it collects) and the function calls after the
// loop: the goroutine it was handed may wait on it until then.

/** Where the loop keeps a per-item cancel function: `name()` itself, or an element of `name` (its `field`, if set). */
interface Kept {
  name: string;
  element: boolean;
  field?: string;
}

const word = (name: string) => regexEscaped(name);

/**
 * The function calls the cancel function of a context made per item inside the loop after it,
 * before it waits for the goroutines (if it does): `cctx, cancel := context.WithCancel(…)`, `rs :=
 * &rollbackState{cancelLockGrabCtx: cctx, cancelLockGrabCtxCancel: cancel}`, `states =
 * append(states, rs)`, then `for _, rs := range states { rs.cancelLockGrabCtxCancel() }` and
 * `wg.Wait()` (vault's rollback, where the goroutines wait for a lock until their context ends).
 * Each goroutine is handed the context or the item that holds it. The call and, when it is in a
 * loop over what the loop collected, that loop's header: `rs.cancelLockGrabCtxCancel() in for _,
 * rs := range states`.
 */
export function cancelledPerItemAfterLoop(spawn: Spawn): string | undefined {
  const loop = loopStatement(spawn.loop);
  const made = [...loop.text.matchAll(/(\w+)\s*,\s*(\w+)\s*:?=\s*\w+\.With(?:Cancel|Timeout|Deadline)\w*\(/g)];
  const kept: Kept[] = [];
  for (const [, ctxName, cancel] of made) {
    if (cancel === '_') continue;
    // The item that holds the context or its cancel function (`rs := &rollbackState{…: cctx, …: cancel}`).
    const holders = [...loop.text.matchAll(new RegExp(`(\\w+)\\s*:?=\\s*&?[\\w.]+\\{[^}]*\\b(?:${word(ctxName)}|${word(cancel)})\\b[^}]*\\}`, 'g'))].map((m) => m[1]);
    const handed = [ctxName, ...holders].some((n) => new RegExp(`\\b${word(n)}\\b`).test(spawn.go.text));
    if (!handed) continue;
    kept.push(...keptCancels(loop.text, cancel, holders));
  }
  if (kept.length === 0) return undefined;
  return afterLoopBeforeWait(loop, (next) => cancelCall(next, kept));
}

/**
 * Where the loop keeps `cancel`: a variable it assigns (`last = cancel`), a collection it appends
 * it to or stores it in (`cancels = append(cancels, cancel)`, `cancels[id] = cancel`), or a field
 * of an item it collects so (`Cancel: cancel` in the item's literal, or `rs.stop = cancel`).
 */
function keptCancels(text: string, cancel: string, holders: string[]): Kept[] {
  const kept: Kept[] = [];
  const fields = new Map<string, string>();
  for (const holder of holders) {
    const literal = new RegExp(`\\b${word(holder)}\\s*:?=\\s*&?[\\w.]+\\{([^}]*)\\}`).exec(text)?.[1] ?? '';
    const field = new RegExp(`(\\w+)\\s*:\\s*${word(cancel)}\\b`).exec(literal)?.[1] ?? new RegExp(`\\b${word(holder)}\\.(\\w+)\\s*=\\s*${word(cancel)}\\b`).exec(text)?.[1];
    if (field) fields.set(holder, field);
  }
  // A variable (an item's field is read through what collects the item).
  for (const [, target] of text.matchAll(new RegExp(`([\\w.]+)\\s*=\\s*${word(cancel)}\\s*(?:\\n|;|$)`, 'g'))) {
    if (!fields.has(target.split('.')[0])) kept.push({ name: target, element: false });
  }
  for (const [, coll] of text.matchAll(new RegExp(`([\\w.]+)\\s*=\\s*append\\(\\s*\\1\\s*,\\s*${word(cancel)}\\s*\\)`, 'g'))) kept.push({ name: coll, element: true });
  for (const [, coll] of text.matchAll(new RegExp(`([\\w.]+)\\[[^\\]\\n]+\\]\\s*=\\s*${word(cancel)}\\s*(?:\\n|;|$)`, 'g'))) kept.push({ name: coll, element: true });
  for (const [holder, field] of fields) {
    const into = new RegExp(`([\\w.]+)\\s*=\\s*append\\(\\s*\\1\\s*,\\s*${word(holder)}\\s*\\)|([\\w.]+)\\[[^\\]\\n]+\\]\\s*=\\s*${word(holder)}\\s*(?:\\n|;|$)`, 'g');
    for (const m of text.matchAll(into)) kept.push({ name: m[1] ?? m[2], element: true, field });
  }
  return kept;
}

/** The first call, not deferred, of a kept cancel function in `stmt`, as written (with the header of a loop over the collection). */
function cancelCall(stmt: Node, kept: Kept[]): string | undefined {
  const ranged = stmt.type === 'for_statement' && loopShape(stmt).kind === 'range' ? loopShape(stmt) : undefined;
  for (const call of stmt.descendantsOfType('call_expression')) {
    if (ancestors(call).some((a) => (a.type === 'defer_statement' || a.type === 'func_literal') && contains(stmt, a))) continue;
    const callee = call.childForFieldName('function')!.text;
    for (const k of kept) {
      const field = k.field ? `\\.${word(k.field)}` : '';
      const direct = !k.element ? new RegExp(`^${word(k.name)}$`) : new RegExp(`^${word(k.name)}\\[[^\\]]+\\]${field}$`);
      if (direct.test(callee)) return call.text;
      // A range over the collection: its value variable, or what it is handed (`cancel()` of `for _, cancel := range cancels`).
      const viaRange = k.element && ranged?.over?.text === k.name && ranged.variables.some((v) => new RegExp(`^${word(v)}${field}$`).test(callee));
      if (viaRange) return `${call.text} in ${stmt.text.slice(0, stmt.text.indexOf('{')).trim()}`;
    }
  }
  return undefined;
}
