import { declarationOf, resultsOf } from '../../../src/go/scope.js';
import { enclosingFunction, rootName, type Node } from '../../../src/go/syntax.js';

/**
 * Whether an assignment's target is a place other calls reach: a field or entry of the receiver
 * (`r.refreshHandle`, `r.inflight[name]`), or a package variable or its field (`cache[k]`): its
 * root a name the function (or one around a closure) neither declares nor takes as a parameter or
 * named result. Not a local's field (`rt.ns`), which goes only where the local does.
 */
export function keptBeyondCall(target: Node): boolean {
  if (target.type !== 'selector_expression' && target.type !== 'index_expression' && target.type !== 'identifier') return false;
  const root = rootName(target);
  if (!root || root.text === '_' || declarationOf(root.text, target)) return false;
  for (let fn = enclosingFunction(target); fn; fn = enclosingFunction(fn)) {
    if (resultsOf(fn).some((r) => r.name === root.text)) return false;
  }
  return true;
}
