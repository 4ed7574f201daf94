import { callsStandardPackage, calledName } from '../../src/go/called-functions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { ancestors, contains, enclosingFunction, firstLine, FUNCTION_TYPES, same, type Node } from '../../src/go/syntax.js';

/**
 * A function or method of the package the loop's own code calls (one level down) that waits on a
 * channel outside a select: a send, or a receive from a channel that is no timer's (`func (r *T)
 * push(b []byte) { r.refill <- b }`, gocryptfs' random prefetcher). The loop waits there as it
 * would on its own send, and a check at its top would not be reached. The call and the wait, as
 * written, and the name it calls.
 */
export function helperWait(loop: Node, fn: Node, index: PackageIndex): { call: string; name: string; wait: string } | undefined {
  const inSelect = (n: Node) => ancestors(n).some((a) => a.type === 'select_statement' && contains(loop, a));
  for (const call of loop.descendantsOfType('call_expression')) {
    if (!same(enclosingFunction(call), fn) || inSelect(call) || callsStandardPackage(call)) continue;
    const callee = call.childForFieldName('function');
    const named = callee ? calledName(callee) : undefined;
    if (!named) continue;
    for (const decl of index.functionsNamed(named.name, named.method, (text) => /<-/.test(text))) {
      const wait = bareWait(decl);
      if (wait) return { call: firstLine(call.text), name: callee!.text, wait: firstLine(wait.text) };
    }
  }
  return undefined;
}

/** A send or a non-timer receive in the declaration's own body (not a closure in it), outside any select. */
function bareWait(decl: Node): Node | undefined {
  const body = decl.childForFieldName('body');
  if (!body) return undefined;
  const own = (n: Node) => {
    const up = ancestors(n).filter((a) => contains(body, a));
    return !up.some((a) => a.type === 'select_statement' || FUNCTION_TYPES.has(a.type));
  };
  const send = body.descendantsOfType('send_statement').find(own);
  if (send) return send;
  return body.descendantsOfType('unary_expression').find((u) => own(u) && u.childForFieldName('operator')?.text === '<-' && !/^time\.|\.C$/.test(u.childForFieldName('operand')?.text ?? ''));
}
