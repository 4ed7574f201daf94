import type { FileContext } from '../../../src/engine/types.js';
import { leavesLoop, loopShape } from '../../../src/go/loops.js';
import { makerUses, useOf } from '../../../src/go/result-channel.js';
import { plainReceive } from '../../../src/go/receive-shapes.js';
import { ancestors, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';

/**
 * A local channel its maker hands, after starting the sending goroutine, to a function of the
 * package that it calls in place (`failed := collectFailed(resultChan, len(m.streams))`), which
 * receives from that parameter with a plain receive in a counted loop it does not leave (`for i :=
 * 0; i < n; i++ { if id := <-ch; … }`), and nothing in the maker closes it: the same as that loop
 * written inline, every send has its receiver and one that gave up would leave the helper
 * waiting for good (benthos' stream manager Stop, hung with its lock held). The reason, or undefined.
 */
export function countedByHelper(send: Node, ctx: FileContext, source: string): string | undefined {
  const local = makerUses(send, ctx.source);
  const go = ancestors(send).find((a) => a.type === 'go_statement' && same(enclosingFunction(a), local?.outer));
  if (!local || !go || local.uses.some((id) => useOf(id) === 'close')) return undefined;
  for (const id of local.uses) {
    const args = id.parent;
    const call = args?.type === 'argument_list' ? args.parent : undefined;
    const callee = call?.childForFieldName('function');
    if (callee?.type !== 'identifier' || id.startIndex < go.endIndex || !same(enclosingFunction(call!), local.outer)) continue;
    if (ancestors(call!).some((a) => a.type === 'go_statement' || a.type === 'defer_statement')) continue;
    const at = args!.namedChildren.findIndex((a) => same(a, id));
    for (const decl of ctx.packageIndex().functionsNamed(callee.text, false)) {
      const param = parameterAt(decl, at);
      const loop = param ? countedReceive(decl, param) : undefined;
      if (loop) {
        const chan = send.childForFieldName('channel')!.text;
        return `${firstLine(call!.text)} (line ${call!.startPosition.row + 1}) receives from ${chan} as ${param} in a counted loop (${firstLine(loop.text)} in ${callee.text}), and nothing closes ${chan}: like that loop written here, it waits for every value, and a send that gives up once ${source} is done would leave it waiting forever (a buffer with room for every send lets the sends finish instead)`;
      }
    }
  }
  return undefined;
}

/** The name of a function declaration's parameter at this position, counting each name. */
function parameterAt(decl: Node, at: number): string | undefined {
  const names = (decl.childForFieldName('parameters')?.namedChildren ?? [])
    .filter((p) => p.type === 'parameter_declaration')
    .flatMap((p) => p.childrenForFieldName('name').map((n) => n.text));
  return names[at];
}

/** A `for` loop with a counter bound (`for i := 0; i < n; i++`) in the function's own code, not left early, around a plain `<-param`: its header. */
function countedReceive(decl: Node, param: string): Node | undefined {
  for (const u of decl.descendantsOfType('unary_expression')) {
    if (u.childForFieldName('operator')?.text !== '<-' || u.childForFieldName('operand')?.text !== param || !same(enclosingFunction(u), decl) || !plainReceive(u)) continue;
    const loop = ancestors(u).find((a) => a.type === 'for_statement');
    if (loop && same(enclosingFunction(loop), decl) && loopShape(loop).kind === 'counted' && !leavesLoop(loop)) return loop;
  }
  return undefined;
}
