import { enclosingLoops, loopStatement } from '../../src/go/loops.js';
import { ancestors, enclosingFunction, firstLine, same } from '../../src/go/syntax.js';
import { mayGiveUp, sentByLiteral } from './awaited-in-turn.js';
import type { Spawn } from './detect.js';

/**
 * How the function takes what the goroutines send once the loop is done, when that shows some
 * may never finish on their own:
 * - in a select that can give up (`case id := <-notifyDone: … case <-timeout:`, suture's stop):
 *   it expects goroutines that never report, and a bound would hold the loop before the timeout
 *   even starts;
 * - one value with a receive in no loop and no `Wait()` before it (`err := <-errors`, oklog/run's
 *   first actor to return), while the goroutines run until what the function does next stops them.
 * Which, with the receiving statement and its line, e.g. `err := <-errors, line 44`.
 */
export function collectedAfter(spawn: Spawn): { how: 'gives-up' | 'first'; at: string } | undefined {
  const sentOn = sentByLiteral(spawn)?.sentOn;
  const fnBody = spawn.fn.childForFieldName('body');
  if (!sentOn || !fnBody) return undefined;
  const after = loopStatement(spawn.loop).endIndex;
  for (const recv of fnBody.descendantsOfType('unary_expression')) {
    if (recv.startIndex < after || recv.childForFieldName('operator')?.text !== '<-' || !sentOn.has(recv.childForFieldName('operand')!.text)) continue;
    if (!same(enclosingFunction(recv), spawn.fn)) continue;
    const stmt = ancestors(recv).find((a) => a.type.endsWith('_statement') || a.type === 'short_var_declaration') ?? recv;
    const at = `${firstLine(stmt.text)}, line ${recv.startPosition.row + 1}`;
    if (mayGiveUp(recv)) return { how: 'gives-up', at };
    // After a `wg.Wait()`, every goroutine has ended: the value is what they left.
    const between = spawn.fn.text.slice(after - spawn.fn.startIndex, recv.startIndex - spawn.fn.startIndex);
    if (enclosingLoops(recv).length === 0 && !/\.Wait\(/.test(between)) return { how: 'first', at };
  }
  return undefined;
}
