import { paramsOf } from '../../src/go/scope.js';
import { ancestors, FUNCTION_TYPES, same, type Node } from '../../src/go/syntax.js';

/** A `*http.Request` parameter of the functions from the call out to `outer`, the innermost first. */
export function requestParam(call: Node, outer: Node): { name: string } | undefined {
  for (const fn of ancestors(call).filter((a) => FUNCTION_TYPES.has(a.type))) {
    const found = paramsOf(fn).find((p) => /^\*\s*http\.Request$/.test(p.typeNode.text));
    if (found) return found;
    if (same(fn, outer)) break;
  }
  return undefined;
}
