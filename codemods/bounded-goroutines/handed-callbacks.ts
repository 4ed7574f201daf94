import type { PackageIndex } from '../../src/go/package-index.js';
import { calledBodies } from '../../src/go/called-functions.js';
import { declarationOf } from '../../src/go/scope.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * The package's functions and methods the goroutine hands on as values rather than calls
 * (`execute(jobCtx, job, p.handleWorkerDone)`), and those they call: whoever is handed one calls
 * it back, so it runs in the goroutine as a call would (river's producer, whose executor reported
 * through `p.handleWorkerDone`, a send to the event loop that starts the executors). Only a
 * value handed as an argument of a call in the literal: a name or `x.m` naming the package's
 * function or method, not a local. `via`: the value and the call it is handed to.
 */
export function callbackBodies(literal: Node, index: PackageIndex): { body: Node; via?: string }[] {
  const out: { body: Node; via?: string }[] = [];
  for (const call of literal.childForFieldName('body')!.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function')!;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (!handedValue(arg, index)) continue;
      const via = `${arg.text} (handed to ${callee.text} to call back)`;
      out.push(...calledBodies([arg], index, true).map((b) => ({ body: b.body, via: b.via === `${arg.text}()` ? via : b.via })));
    }
  }
  return out;
}

/** `f` naming no local but a function of the package, or `x.m` naming a method of it. */
function handedValue(arg: Node, index: PackageIndex): boolean {
  if (arg.type === 'identifier') return !declarationOf(arg.text, arg) && index.functionsNamed(arg.text, false).length > 0;
  if (arg.type !== 'selector_expression') return false;
  const operand = arg.childForFieldName('operand')!;
  return (operand.type === 'identifier' || operand.type === 'selector_expression') && index.functionsNamed(arg.childForFieldName('field')!.text, true).length > 0;
}
