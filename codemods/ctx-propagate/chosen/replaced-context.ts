import type { CancellationSource } from '../../../src/go/cancellation.js';
import { ancestors, firstLine, type Node } from '../../../src/go/syntax.js';
import { explainedByComment } from './explained.js';

/**
 * The call is the base of a value assigned to the context in scope itself (`ctx =
 * sac.WithAllAccess(context.Background())`): the function sets its caller's context aside on
 * purpose from there on (stackrox's backup listener, told of a failed backup often because the
 * request's context had ended, recorded the failure under a fresh context). Given that context,
 * the choice would be undone. A comment saying why is reported as such instead. The reason, or undefined.
 */
export function replacesContext(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' && source.kind !== 'ctx-local') return undefined;
  for (const a of ancestors(call)) {
    if (a.type === 'func_literal' || a.type === 'function_declaration' || a.type === 'method_declaration') return undefined;
    if (a.type !== 'assignment_statement') continue;
    const left = a.childForFieldName('left')?.namedChildren ?? [];
    const right = a.childForFieldName('right')?.namedChildren ?? [];
    const i = right.findIndex((r) => r.startIndex <= call.startIndex && call.endIndex <= r.endIndex);
    if (i < 0 || left.length !== right.length || left[i]?.text !== source.expr) return undefined;
    if (explainedByComment(call, /\.TODO$/.test(call.childForFieldName('function')?.text ?? '') ? 'TODO' : 'Background', source.expr)) return undefined;
    return `its result replaces ${source.expr} itself (${firstLine(a.text)}): the function sets the context it was given aside on purpose from there on, and given ${source.expr} that choice would be undone`;
  }
  return undefined;
}
