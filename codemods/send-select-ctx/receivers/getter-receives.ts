import type { PackageIndex } from '../../../src/go/package-index.js';
import { fieldGetters } from '../../../src/go/field-getters.js';
import { ancestors, type Node } from '../../../src/go/syntax.js';

/**
 * A receive through a method of the owner type handing out the field (`func (f *logFetcher) Logs()
 * <-chan *Log { return f.logs }`, then `lg := <-f.Logs()`) that passes `waits`: the receive and
 * its function, as for a receive of the field itself. `ownerOf` tells the type of the receive's
 * operand, which must be the owner: `<-ctx.Done()` is no receive of a `Done()` getter of the type.
 */
export function receiveThroughGetter(field: string, owner: string, index: PackageIndex, ownerOf: (operand: Node) => string | undefined, waits: (unary: Node) => boolean): string | undefined {
  for (const name of fieldGetters(field, index, owner)) {
    const receive = new RegExp(`<-\\s*(?:[\\w.]|\\[[^\\]\\n]*\\])+\\.${name}\\(\\)`, 'g');
    const plain = index.nodesMatching(receive).find((n) => {
      const unary = n.parent;
      const call = unary?.type === 'unary_expression' ? unary.childForFieldName('operand') : undefined;
      const selector = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
      return !!selector && ownerOf(selector) === owner && waits(unary!);
    });
    if (!plain) continue;
    const holder = ancestors(plain).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
    return `${plain.parent!.text} (${holder ? `in ${holder.childForFieldName('name')?.text}, ` : ''}${name}() handing out the field)`;
  }
  return undefined;
}
