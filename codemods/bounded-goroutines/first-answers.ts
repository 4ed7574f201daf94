import { breaksOut, loopShape } from '../../src/go/loops.js';
import { enclosingFunction, same, type Node } from '../../src/go/syntax.js';
import { sentByLiteral } from './awaited-in-turn.js';
import type { Spawn } from './detect.js';

/**
 * The loop runs in a goroutine of the function, and its goroutines send their answers on a
 * channel the function reads in a loop it leaves early (`for success := range done { … if
 * validResp >= minDisks { return … } }`): it takes the first answers enough for it (a read quorum,
 * the first to succeed) and returns. Bounded, those answers wait behind slow ones (stalled drives)
 * that hold the slots. The reading loop's clause, e.g. `success := range done`.
 */
export function readUntilEnough(spawn: Spawn): string | undefined {
  const go = spawn.fn.type === 'func_literal' ? spawn.fn.parent?.parent : undefined;
  const outer = go?.type === 'go_statement' ? enclosingFunction(go) : undefined;
  const sentOn = outer ? sentByLiteral(spawn)?.sentOn : undefined;
  if (!outer || !sentOn) return undefined;
  const own = (n: Node) => same(enclosingFunction(n), outer);
  for (const loop of outer.descendantsOfType('for_statement').filter(own)) {
    const shape = loopShape(loop);
    const over = shape.kind === 'range' ? shape.over?.text : undefined;
    if (!over || !sentOn.has(over) || loop.startIndex < go!.endIndex) continue;
    const body = loop.childForFieldName('body');
    const leaves = body?.descendantsOfType(['return_statement', 'break_statement']).some((e) => own(e) && (e.type === 'return_statement' || breaksOut(e, loop)));
    if (leaves) return loop.namedChildren.find((c) => c.type === 'range_clause')?.text;
  }
  return undefined;
}
