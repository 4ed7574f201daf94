import { loopShape, loopStatement } from '../../src/go/loops.js';
import { localsBefore } from '../../src/go/scope.js';
import { contains, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { mostSends, sendsIn } from '../../src/go/send-paths.js';
import { regexEscaped } from '../../src/go/find-by-text.js';

/**
 * Whether a goroutine's sends on `ch` always find room in its buffer, so none can wait for a
 * receiver: `ch := make(chan T, len(items))` before a loop over `items`, or a channel made in the
 * loop body for this goroutine alone with room for every send it makes on any path (`errc :=
 * make(chan error, 1)` and one send before it returns). `body`: the block the goroutine runs.
 */
export function sendsHaveRoom(ch: string, body: Node, spawn: Spawn): boolean {
  return roomForEveryItem(ch, spawn) || roomForItsSends(ch, body, spawn);
}

/** `ch := make(chan T, len(items))` before a loop over `items`: every goroutine's send has room. */
function roomForEveryItem(ch: string, spawn: Spawn): boolean {
  // Or a loop counted to the channel's capacity (`for i := 0; i < cap(requests); i++`).
  const clause = spawn.loops[0].namedChildren.find((c) => c.type === 'for_clause');
  const cond = clause?.childForFieldName('condition')?.text.replace(/\s/g, '');
  if (cond && new RegExp(`^\\w+<cap\\(${regexEscaped(ch)}\\)$`).test(cond) && /^\w+:=0$/.test(clause!.childForFieldName('initializer')?.text.replace(/\s/g, '') ?? '')) return true;
  const over = loopShape(spawn.loops[0]).over?.text;
  const made = localsBefore(loopStatement(spawn.loop)).find((l) => l.name === ch)?.value?.text.replace(/\s/g, '');
  return !!over && !!made && new RegExp(`^make\\((<-)?chan.*,len\\(${regexEscaped(over)}\\)\\)$`).test(made);
}

/**
 * `ch := make(chan T, N)` in the body of the loop, before the go statement, sent on by nothing
 * else of the loop body, and the goroutine sends on it at most N times whatever path it takes.
 */
function roomForItsSends(ch: string, body: Node, spawn: Spawn): boolean {
  if (body.tree !== spawn.go.tree || !contains(spawn.go, body)) return false;
  const loopBody = spawn.loops[0].childForFieldName('body');
  const local = localsBefore(spawn.go).find((l) => l.name === ch);
  if (!loopBody || !local || !contains(loopBody, local.decl)) return false;
  const capacity = /^make\((?:<-)?chan.*,(\d+)\)$/.exec(local.value?.text.replace(/\s/g, '') ?? '')?.[1];
  if (!capacity) return false;
  if (sendsIn(loopBody, ch).some((s) => !contains(body, s))) return false;
  // A jump back would repeat sends.
  if (body.descendantsOfType('goto_statement').length > 0) return false;
  return mostSends(body, ch) <= Number(capacity);
}
