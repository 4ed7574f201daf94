import type { CancellationSource } from '../../../src/go/cancellation.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { Node } from '../../../src/go/syntax.js';

/**
 * The call is the parent of a context the function makes (`handshakeCtx, cancel :=
 * context.WithCancel(context.TODO())`), and a select of the function tells the two apart (`case
 * <-handshakeCtx.Done(): return nil` beside `case <-ctx.Done(): return c.conn.Close()`: ch-go's
 * handshake watchdog). Made from ctx, both would be done at once when ctx ends, and the select
 * would pick either at random. Why, or undefined.
 */
export function toldApartInSelect(call: Node, source: CancellationSource, pkg: string): string | undefined {
  const list = call.parent;
  const ctor = list?.type === 'argument_list' && list.namedChildren[0]?.id === call.id ? list.parent : undefined;
  if (!ctor || !new RegExp(`^${regexEscaped(pkg)}\\.With\\w+$`).test(ctor.childForFieldName('function')?.text ?? '')) return undefined;
  const holder = ctor.parent?.type === 'expression_list' ? ctor.parent.parent : ctor.parent;
  const made = holder?.type === 'short_var_declaration' || holder?.type === 'assignment_statement' ? holder.childForFieldName('left')?.namedChildren[0]?.text : undefined;
  if (!made || made === source.expr || !source.isContext) return undefined;
  const doneOf = (name: string) => `<-${name}.Done()`;
  for (const select of source.fn.descendantsOfType('select_statement')) {
    if (select.startIndex < holder!.endIndex) continue;
    const cases = select.namedChildren.map((c) => c.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '');
    if (cases.includes(doneOf(made)) && cases.includes(doneOf(source.expr))) {
      return `${call.text} is the parent of ${made}, which a select tells apart from ${source.expr} (case ${doneOf(made)} … case ${doneOf(source.expr)}): made from ${source.expr}, both would be done at once when ${source.expr} ends, and the select would take either at random`;
    }
  }
  return undefined;
}
