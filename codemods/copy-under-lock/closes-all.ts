import type { FileContext } from '../../src/engine/types.js';
import { criticalSections } from '../../src/go/lock-regions.js';
import { loopShape } from '../../src/go/loops.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * Another method of the type that closes every element of the field under the same mutex (`for _,
 * c := range m.clients { c.Close() }`, a shutdown): it promises that once it returns, none is
 * open. A close moved past the unlock could still be running then (coroot's collector returned
 * from `Close` with a client still closing, and the process exited under it). Its name.
 */
export function closesEveryElementUnderLock(typeName: string, cs: { mutex: string; recv: string }, field: string, method: Node, ctx: FileContext): string | undefined {
  const mutex = cs.mutex.slice(cs.recv.length);
  const mentions = new RegExp(`\\.${field}\\b`);
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => /Lock\s*\(\s*\)/.test(text) && mentions.test(text) && /\.Close\w*\(/.test(text))) {
    if (m.name === method.childForFieldName('name')?.text) continue;
    for (const other of criticalSections(m.node, ctx.packageIndex())) {
      if (other.mutex.slice(other.recv.length) !== mutex) continue;
      const closesAll = other.inside.some((st) =>
        [st, ...st.descendantsOfType('for_statement')].some((loop) => {
          if (loop.type !== 'for_statement') return false;
          const shape = loopShape(loop);
          // The value of `for _, c := range m.clients` (not the key).
          const value = loop.namedChildren.find((c) => c.type === 'range_clause')?.childForFieldName('left')?.namedChildren[1]?.text;
          return shape.kind === 'range' && shape.over?.text === `${other.recv}.${field}` && !!value && new RegExp(`\\b${value}\\.Close\\w*\\(`).test(loop.childForFieldName('body')?.text ?? '');
        }),
      );
      if (closesAll) return m.name;
    }
  }
  return undefined;
}
