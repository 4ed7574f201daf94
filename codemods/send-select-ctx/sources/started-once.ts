import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { ancestors, contains, same, type Node } from '../../../src/go/syntax.js';
import { isSharedOnce } from '../../../src/go/shared-once.js';

/**
 * The send is in a goroutine started inside a function literal, taking no parameters, handed to a
 * shared sync.Once's Do (`relayOnce.Do(func() { …; go func() { for { r.ch <- chunk } }() })`),
 * and the source comes from outside that literal: the goroutine is started once, for the first
 * caller, and serves every later one; that caller's context ending would end the shared work
 * (benthos' stdin relay, which later consumers found silent). The reason, or undefined.
 */
export function startedOnceReason(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const go = ancestors(send).find((a) => a.type === 'go_statement');
  if (!go) return undefined;
  for (const literal of ancestors(go).filter((a) => a.type === 'func_literal')) {
    if (same(literal, source.fn) || !contains(source.fn, literal)) break;
    if ((literal.childForFieldName('parameters')?.namedChildCount ?? 0) > 0) continue;
    const list = literal.parent;
    const fn = list?.type === 'argument_list' ? list.parent?.childForFieldName('function') : undefined;
    if (fn?.type !== 'selector_expression' || fn.childForFieldName('field')?.text !== 'Do' || list!.namedChildCount !== 1) continue;
    const once = fn.childForFieldName('operand')!;
    if (!isSharedOnce(once, source, ctx.packageIndex())) continue;
    return `the goroutine is started inside ${once.text}.Do(…): it runs once for every caller, and ${source.expr} is only the first caller's; a select on it would end the shared work when that caller is cancelled`;
  }
  return undefined;
}
