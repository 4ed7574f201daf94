import type { CancellationSource } from '../../src/go/cancellation.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';
import { ancestors, contains, same, type Node } from '../../src/go/syntax.js';

/** A sync.Once's type as written: `sync.Once`, `*sync.Once`. */
const ONCE_TYPE = /^\*?\s*sync\.Once$/;

/**
 * The call is in a function literal, taking no parameters, handed to a sync.Once's Do
 * (`c.gitOnce.Do(func() { c.gitRoot, c.gitErr = gitTopLevel(context.TODO(), c.Dir) })`): the
 * work runs once, for the first caller, and its result is kept for every later one. Given that
 * caller's context, its cancellation would store `context canceled` for all of them (go-task's
 * git root, looked up once per compiler). Not for a Once declared in the function itself, whose
 * later uses share its context. The reason, or undefined.
 */
export function keptByOnce(call: Node, source: CancellationSource, index: PackageIndex): string | undefined {
  for (const literal of ancestors(call).filter((a) => a.type === 'func_literal')) {
    if (same(literal, source.fn)) break;
    if ((literal.childForFieldName('parameters')?.namedChildCount ?? 0) > 0) continue;
    const list = literal.parent;
    const given = list?.type === 'argument_list' ? list.parent : undefined;
    const fn = given?.childForFieldName('function');
    if (fn?.type !== 'selector_expression' || fn.childForFieldName('field')?.text !== 'Do' || list!.namedChildCount !== 1) continue;
    const once = fn.childForFieldName('operand')!;
    if (isSharedOnce(once, source, index)) {
      return `the call is in a function literal handed to ${once.text}.Do(…), a sync.Once's: the work runs once, for the first caller, and its result is kept for every later one; given ${source.expr}, a first caller cancelled would leave its failure (context canceled) stored for all callers, those whose own context is alive included (go-task's git root)`;
    }
  }
  return undefined;
}

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
