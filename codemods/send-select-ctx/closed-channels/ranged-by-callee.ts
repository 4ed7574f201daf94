import { parametersGiven } from '../../../src/go/called-functions.js';
import { leavesLoop, loopShape } from '../../../src/go/loops.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { ancestors, type Node } from '../../../src/go/syntax.js';

/**
 * A call of the maker's own, before or after the send, that is handed the channel and reads it to
 * the close: a function of the package ranging over that parameter with no way out of the loop
 * (`pipelineOut := runWith(pipelineIn, process)`, whose goroutine runs `for e := range input`:
 * alloy's log pipeline, whose forwarder closes pipelineIn once stopped, and whose Stop waits for
 * what it took to come through). The callee's name.
 */
export function rangedByCallee(maker: Node, chan: string, index: PackageIndex): string | undefined {
  for (const call of maker.descendantsOfType('call_expression')) {
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (!args.some((a) => a.type === 'identifier' && a.text === chan) || ancestors(call).some((a) => a.type === 'go_statement' || a.type === 'defer_statement')) continue;
    for (const { callee, decl, param } of parametersGiven(call, chan, index)) {
      const loops = decl.descendantsOfType('for_statement').filter((l) => {
        const shape = loopShape(l);
        return shape.kind === 'range' && shape.over?.type === 'identifier' && shape.over.text === param;
      });
      if (loops.length > 0 && loops.every((l) => !leavesLoop(l)) && !rebound(decl, param)) return callee;
    }
  }
  return undefined;
}

/** The parameter given another value in the function (`input = other`): the range may read something else. */
function rebound(decl: Node, param: string): boolean {
  return decl.descendantsOfType('assignment_statement').some((a) => a.childForFieldName('left')?.namedChildren.some((n) => n.text === param));
}
