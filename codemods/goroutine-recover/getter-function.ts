import { isFunctionType } from '../../src/go/called-functions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf, localClosure, resultsOf } from '../../src/go/scope.js';
import { ancestors, contains, firstLine, type Node } from '../../src/go/syntax.js';

// Goroutines whose work is a function value a getter of the package returns (`action :=
// a.GetAction(); err := action()`): its code is set from elsewhere, out of sight.

/**
 * Why a goroutine calling, outside a defer, a function value that a function or method of the
 * package returns (its one result a function type), directly or in a closure of the function
 * around it (`doPerformAction()`, which runs `action := a.GetAction(); action()`: gloo's leader
 * start-up action), must not be recovered, if so.
 */
export function getterFunctionReason(undeferred: Node[], index: PackageIndex): string | undefined {
  for (const f of undeferred) {
    const own = gotFromGetter(f, index);
    if (own) return reason(firstLine(f.parent!.text), own);
    const closure = localClosure(f, f)?.childForFieldName('body');
    if (!closure) continue;
    for (const call of closure.descendantsOfType('call_expression')) {
      if (ancestors(call).some((a) => (a.type === 'defer_statement' || a.type === 'go_statement') && contains(closure, a))) continue;
      const got = gotFromGetter(call.childForFieldName('function')!, index);
      if (got) return reason(`${f.text}(), a closure that calls ${firstLine(call.text)}`, got);
    }
  }
  return undefined;
}

function reason(runs: string, getter: string): string {
  return `the goroutine calls ${runs}, the function value ${getter} returns, whose code the package does not show (set from elsewhere), outside a defer: after a recovered panic that work would be dropped for good, never run again, where the crash used to restart the process and run it`;
}

/** For a called function value got from a getter of the package (`action`, `action := a.GetAction()`; or `a.GetAction()` itself), the getter's call, as written. */
function gotFromGetter(fn: Node, index: PackageIndex): string | undefined {
  let value: Node | undefined = fn.type === 'call_expression' ? fn : undefined;
  if (fn.type === 'identifier') {
    const found = declarationOf(fn.text, fn);
    value = found && 'local' in found ? found.local.value : undefined;
  }
  const getter = value?.type === 'call_expression' ? value.childForFieldName('function') : undefined;
  if (!getter || (getter.type !== 'selector_expression' && getter.type !== 'identifier')) return undefined;
  const method = getter.type === 'selector_expression';
  const name = method ? getter.childForFieldName('field')!.text : getter.text;
  const decls = index.functionsNamed(name, method);
  const returnsFunction = (d: Node) => {
    const results = resultsOf(d);
    // Not one returning a literal of its own (`return func(…) {…}`): its code is in sight.
    return results.length === 1 && isFunctionType(results[0].typeNode, index) && !/\breturn\s+func\b/.test(d.text);
  };
  return decls.length > 0 && decls.every(returnsFunction) ? `${firstLine(value!.text)}` : undefined;
}
