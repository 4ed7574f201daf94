import { firstLine, ancestors, statementsOf, type Node } from '../../src/go/syntax.js';
import { pacedBy } from './timing.js';
import { leavesLoop, loopShape } from '../../src/go/loops.js';
import type { Spawn } from './detect.js';

/**
 * The loop starts its goroutines on a tick: in a select case that receives one (`case
 * <-refreshVersionTicker.C:`, among the events the loop handles), or in a loop that waits for one
 * each pass (`<-ticker.C`, `time.Sleep(d)`). The innermost loop that waits for its pace counts: an
 * outer retry loop's wait does not pace the loop inside it. The reason, or undefined.
 */
export function tickReason(spawn: Spawn): string | undefined {
  const kase = caseOfGo(spawn);
  const received = kase?.childForFieldName('communication')?.text ?? '';
  if (kase && TICK_CASE.test(received)) {
    return `the loop starts a goroutine per tick (case ${received}), among the events it handles: paced already, and waiting there for a free slot would stop it handling the others, its own stop signal included`;
  }
  const at = spawn.loops.findIndex((loop) => pacedBy(loop, spawn.go) !== undefined);
  if (at === -1) return undefined;
  const paced = pacedBy(spawn.loops[at], spawn.go)!;
  if (at === 0) return `the loop starts a goroutine per tick (${paced}): paced already, and waiting there for a free slot would stop it ticking, its own stop signal included`;
  // `for { time.Sleep(d); …; for _, port := range ports { go serve(port) } }`: a goroutine per item of each tick.
  const inner = firstLine(spawn.loops[0].text).replace(/\s*\{…?$/, '');
  return `the loop starts its goroutines on each tick (${paced}), one per pass of the loop inside it (${inner}): paced already, and waiting there for a free slot would stop it ticking, its own stop signal included`;
}

/** `<-t.C`, `<-time.After(d)`, `<-time.Tick(d)`, `<-tick` of a local named so, with or without a value taken. */
const TICK_CASE = /^(\w+\s*:?=\s*)?<-\s*([\w.]+\.C|time\.(After|Tick)\(.*\)|\w*[tT]ick(er)?)$/s;

/** The select case of the go statement's own loop that holds it, if any. */
function caseOfGo(spawn: Spawn): Node | undefined {
  for (const a of ancestors(spawn.go)) {
    if (a.id === spawn.loops[0].id) return undefined;
    if (a.type === 'communication_case') return a;
  }
  return undefined;
}

/**
 * An endless `for {` with no way out in the goroutine's own function literal (not in a goroutine or literal it
 * holds): the goroutine is a long-lived worker itself. As written, its first statement shown,
 * e.g. `for { time.Sleep(l.Refresh) … }`.
 */
export function endlessLoopOf(literal: Node | undefined): string | undefined {
  const body = literal?.type === 'func_literal' ? literal.childForFieldName('body') : undefined;
  if (!body) return undefined;
  const own = (n: Node) => !ancestors(n).some((a) => a.id !== literal!.id && a.startIndex >= body.startIndex && (a.type === 'func_literal' || a.type === 'go_statement'));
  // One with no way out (no return, break or goto leaving it): a worker for good, not one that
  // returns once its queue is empty (`default: return`).
  const loop = body.descendantsOfType('for_statement').find((l) => own(l) && loopShape(l).kind === 'forever' && !leavesLoop(l));
  if (!loop) return undefined;
  const first = statementsOf(loop.childForFieldName('body')).find((s) => s.type !== 'comment');
  // A statement of many lines shown by its head: `for { select { … } … }`.
  const head = first ? firstLine(first.text).replace(/\s*…$/, ' … }') : undefined;
  return head ? `for { ${head} … }` : 'for {}';
}
