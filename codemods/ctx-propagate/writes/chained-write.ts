import { calledName } from '../../../src/go/called-functions.js';
import type { Node } from '../../../src/go/syntax.js';

/**
 * A call whose result is the receiver of a write (`p.GetConnection(context.Background()).Create(n)`,
 * `db.WithContext(…).Save(x)`): the context reaches the write through the value the call returns
 * (a connection bound to it, which joins the caller's transaction and fails once it is done), so
 * the call counts as the write. `target` is the call given the context; `isWrite` tests a name.
 * As written, e.g. `p.GetConnection(…).Create(…)`.
 */
export function chainedWrite(target: Node, isWrite: (name: string) => boolean): string | undefined {
  const selector = target.parent;
  if (selector?.type !== 'selector_expression' || selector.childForFieldName('operand')?.id !== target.id) return undefined;
  const outer = selector.parent;
  if (outer?.type !== 'call_expression' || outer.childForFieldName('function')?.id !== selector.id) return undefined;
  const name = calledName(selector)?.name;
  return name && isWrite(name) ? `${target.childForFieldName('function')!.text}(…).${name}(…)` : undefined;
}
