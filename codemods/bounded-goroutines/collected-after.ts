import { enclosingLoops, loopStatement } from '../../src/go/loops.js';
import { ancestors, closedChannels, enclosingFunction, firstLine, same, type Node } from '../../src/go/syntax.js';
import { mayGiveUp, sentByLiteral } from './awaited-in-turn.js';
import type { Spawn } from './detect.js';

/**
 * How the function takes what the goroutines send once the loop is done, when that shows some
 * may never finish on their own:
 * - in a select that can give up (`case id := <-notifyDone: … case <-timeout:`, suture's stop),
 *   or that waits with a timeout for a channel closed once they are all done (`go func() {
 *   wg.Wait(); close(done) }()`, then `case <-done: … case <-time.After(timeout):`):
 *   it expects goroutines that never report, and a bound would hold the loop before the timeout
 *   even starts;
 * - one value with a receive in no loop and no `Wait()` before it (`err := <-errors`, oklog/run's
 *   first actor to return), while the goroutines run until what the function does next stops them.
 * Which, with the receiving statement and its line, e.g. `err := <-errors, line 44`.
 */
export function collectedAfter(spawn: Spawn): { how: 'gives-up' | 'first'; at: string } | undefined {
  const fnBody = spawn.fn.childForFieldName('body');
  if (!fnBody) return undefined;
  const after = loopStatement(spawn.loop).endIndex;
  const sentOn = sentByLiteral(spawn)?.sentOn ?? new Set<string>();
  // Or what a goroutine closes once all of them are done (`go func() { wg.Wait(); close(done) }()`).
  const joined = joinersAfter(fnBody, after);
  for (const recv of fnBody.descendantsOfType('unary_expression')) {
    if (recv.startIndex < after || recv.childForFieldName('operator')?.text !== '<-') continue;
    const chan = recv.childForFieldName('operand')!.text;
    if (!sentOn.has(chan) && !joined.has(chan)) continue;
    if (!same(enclosingFunction(recv), spawn.fn)) continue;
    if (joined.has(chan) && !sentOn.has(chan)) {
      if (!mayGiveUp(recv)) continue;
    }
    const stmt = ancestors(recv).find((a) => a.type.endsWith('_statement') || a.type === 'short_var_declaration') ?? recv;
    const at = `${firstLine(stmt.text)}, line ${recv.startPosition.row + 1}`;
    if (mayGiveUp(recv)) return { how: 'gives-up', at };
    // After a `wg.Wait()`, every goroutine has ended: the value is what they left.
    const between = spawn.fn.text.slice(after - spawn.fn.startIndex, recv.startIndex - spawn.fn.startIndex);
    if (enclosingLoops(recv).length === 0 && !/\.Wait\(/.test(between)) return { how: 'first', at };
  }
  return undefined;
}

/** The channels closed by goroutines started after `at` that wait for a group first (`go func() { wg.Wait(); close(done) }()`). */
function joinersAfter(body: Node, at: number): Set<string> {
  const out = new Set<string>();
  for (const go of body.descendantsOfType('go_statement')) {
    if (go.startIndex < at || !/\.Wait\(\)/.test(go.text)) continue;
    for (const chan of closedChannels(go)) out.add(chan.text);
  }
  return out;
}
