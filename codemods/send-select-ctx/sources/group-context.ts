import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, type Node } from '../../../src/go/syntax.js';
import { derivedFrom } from './derived-contexts.js';

/**
 * The context of the errgroup whose goroutine makes the send (`eg, egCtx :=
 * errgroup.WithContext(ctx)`, then `eg.Go(func() error { … rowChan <- row … })`), when the source
 * is another: a sibling's failure ends only the group's context, and a select on the outer one
 * would go on waiting (go-mysql-server's aggregation hung). Its name. Without a source, the
 * group's context in any case: the one context in scope, which goconc does not select on.
 */
export function groupContextBeside(send: Node, source?: CancellationSource): string | undefined {
  for (const literal of ancestors(send).filter((a) => a.type === 'func_literal')) {
    const call = literal.parent?.type === 'argument_list' ? literal.parent.parent : undefined;
    const fn = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    const group = fn?.type === 'selector_expression' && /^(Go|TryGo)$/.test(fn.childForFieldName('field')?.text ?? '') ? fn.childForFieldName('operand') : undefined;
    const found = group?.type === 'identifier' ? declarationOf(group.text, call!) : undefined;
    if (!found || !('local' in found) || !/^\w+\.WithContext\(/.test(found.local.value?.text ?? '')) continue;
    const names = found.local.decl.childForFieldName('left')?.namedChildren.map((n) => n.text) ?? [];
    const groupCtx = names[names.indexOf(group!.text) + 1];
    // A source made from the group's context (`solveCtx, cancel := context.WithCancelCause(ctx)`) ends with it.
    if (groupCtx && groupCtx !== '_' && (!source || (groupCtx !== source.expr && !derivedFrom(groupCtx, literal).includes(source.expr)))) return groupCtx;
  }
  return undefined;
}
