import type { CancellationSource } from './cancellation.js';
import type { PackageIndex } from './package-index.js';
import { declarationOf, selectedField } from './scope.js';
import { contains, type Node } from './syntax.js';

/** A sync.Once's type as written: `sync.Once`, `*sync.Once`. */
const ONCE_TYPE = /^\*?\s*sync\.Once$/;

/** `c.gitOnce` typed sync.Once (or, its type unknown, named …Once), not a local of the function the context belongs to. */
export function isSharedOnce(once: Node, source: CancellationSource, index: PackageIndex): boolean {
  const named = /[oO]nce$/.test(once.text);
  if (once.type === 'selector_expression') {
    const field = selectedField(once, index);
    return field ? ONCE_TYPE.test(field.type) : named;
  }
  if (once.type !== 'identifier') return false;
  const found = declarationOf(once.text, once);
  if (!found) return named; // a package-level variable, shared by every call
  if ('param' in found) return ONCE_TYPE.test(found.param.typeNode.text) || named;
  // A local made in the function (or a literal in it): each call has its own, used with its own context.
  if (contains(source.fn, found.local.decl)) return false;
  const typed = found.local.typeNode?.text ?? found.local.value?.text.replace(/^&|\{\}$/g, '');
  return typed ? ONCE_TYPE.test(typed) : named;
}
