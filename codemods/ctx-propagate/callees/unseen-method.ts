import type { PackageIndex } from '../../../src/go/package-index.js';
import type { Node } from '../../../src/go/syntax.js';

/**
 * The callee, as written up to its paren, of the method (or function of another package,
 * `x.Name(…)`) the empty context `call` is handed to, when `named` accepts its name and selector
 * and the package declares no function or method of that name: its body is code goconc cannot see.
 */
export function unseenMethodGiven(call: Node, index: PackageIndex, named: (name: string, callee: Node) => boolean): string | undefined {
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const fn = given?.type === 'call_expression' ? given.childForFieldName('function') : undefined;
  if (fn?.type !== 'selector_expression') return undefined;
  const name = fn.childForFieldName('field')!.text;
  if (!named(name, fn)) return undefined;
  if (index.functionsNamed(name, true).length > 0 || index.functionsNamed(name, false).length > 0) return undefined;
  return fn.text;
}
