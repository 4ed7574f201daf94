import type { FileContext } from '../../src/engine/types.js';
import { criticalSections, type CriticalSection } from '../../src/go/lock-regions.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * The critical sections of the type's other methods that hold the same mutex as `cs` (its write
 * lock, when `cs` holds a read lock) and may touch the field, each with its method's name and the
 * field as written there (`w.exporters`).
 */
export function* otherSections(typeName: string, cs: CriticalSection, field: string, method: Node, ctx: FileContext): Generator<{ name: string; section: CriticalSection; target: string }> {
  const mutex = cs.mutex.slice(cs.recv.length);
  const mentions = new RegExp(`\\.${field}\\b`);
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => /Lock\s*\(\s*\)/.test(text) && mentions.test(text))) {
    if (m.name === method.childForFieldName('name')?.text) continue;
    for (const other of criticalSections(m.node, ctx.packageIndex())) {
      if (other.mutex.slice(other.recv.length) !== mutex || (cs.read && other.read)) continue;
      yield { name: m.name, section: other, target: `${other.recv}.${field}` };
    }
  }
}
