import { baseTypeName } from './declarations.js';
import type { PackageIndex } from './package-index.js';
import { declaredType, operandType } from './receiver-types.js';
import { declarationOf, isReassigned } from './scope.js';
import { enclosingFunction, unparen, type Node } from './syntax.js';

/**
 * The type a method call `x.m(…)` goes through when that type says the package's own methods
 * named `m` need not be what it runs: an interface (`h.publisher.Publish(…)`, `publisher
 * Publisher`: whatever value a caller or a setter put there, not the package's no-op
 * `disabledPublisher.Publish`), or another package's type (`runner runner.Group`). Known from the
 * declared type of a parameter, local, receiver or field of the package's struct. Undefined when
 * the type is not known, is a concrete type of the package, or is an interface the package shows
 * always holds one concrete type of its own (a local made from a literal, never assigned again).
 * As written, e.g. `Publisher`.
 */
export function callThroughInterface(callee: Node, index: PackageIndex): string | undefined {
  if (callee.type !== 'selector_expression') return undefined;
  const operand = unparen(callee.childForFieldName('operand')!);
  const type = declaredType(operand, index);
  // A local another package's constructor gives (`svc, started := daemon.NewService()`): its value.
  if (!type) return operand.type === 'identifier' && operandType(operand, index) === false ? `what gives ${operand.text}, another package's value` : undefined;
  const name = type.replace(/^\*/, '');
  // Another package's type: none of this package's methods.
  if (/^\w+\.\w+$/.test(name)) return name;
  if (!/^\w+$/.test(name) || name !== type || !isInterface(name, index)) return undefined;
  return operand.type === 'identifier' && alwaysOneLiteral(operand) ? undefined : name;
}

/**
 * The package shows the code a call runs: it declares a function or method of the called name
 * (`except`, the function the call is in, aside), and the call does not go through an interface or
 * another package's type (see callThroughInterface).
 */
export function packageShowsCall(callee: Node, name: string, method: boolean, index: PackageIndex, except?: Node): boolean {
  return index.functionsNamed(name, method).some((f) => f.text !== except?.text) && !callThroughInterface(callee, index);
}

function isInterface(name: string, index: PackageIndex): boolean {
  return name === 'error' || index.underlyingKind(baseTypeName(name)) === 'interface';
}

/** `var p Publisher = noop{}` (or `&noop{}`), never assigned again in its function: always that one type. */
function alwaysOneLiteral(operand: Node): boolean {
  const found = declarationOf(operand.text, operand);
  if (!found || !('local' in found)) return false;
  let value = found.local.value && unparen(found.local.value);
  if (value?.type === 'unary_expression' && value.childForFieldName('operator')?.text === '&') value = value.childForFieldName('operand') ?? undefined;
  if (value?.type !== 'composite_literal') return false;
  const fn = enclosingFunction(operand);
  return !!fn && !isReassigned(fn, fn.tree.rootNode.text, operand.text, found.local.decl.endIndex);
}
