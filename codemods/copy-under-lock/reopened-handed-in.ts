import type { FileContext } from '../../src/engine/types.js';
import { criticalSections } from '../../src/go/lock-regions.js';
import { unparen, type Node } from '../../src/go/syntax.js';

/** Methods named for taking something only one holder may have: a file, a port, a socket, a lock. */
const ACQUIRE = /^(Open\w*|Start\w*|Listen\w*|Lock|TryLock|Acquire\w*|Bind)$/;

/**
 * Another method of the type that, under the same mutex, stores into the map a value handed to it
 * (`s.dbs[db.Path()] = db`) on which it calls, before the store, a method named for acquiring
 * (`db.Open()`, inside the section or outside it): a register that opens the value it is given,
 * not one made from the key (see reopensByKey). With the close of a removed entry moved past the
 * unlock, a register for the same key could open while the old value still holds what its close
 * frees (litestream's RegisterDB failing on a database file still locked by the closing DB). As
 * `RegisterDB (db.Open())`.
 */
export function reacquiresHandedIn(typeName: string, cs: { mutex: string; recv: string }, field: string, method: Node, ctx: FileContext): { method: string; call: string } | undefined {
  const mutex = cs.mutex.slice(cs.recv.length);
  const indexed = new RegExp(`\\.${field}\\[`);
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => /Lock\s*\(\s*\)/.test(text) && indexed.test(text))) {
    if (m.name === method.childForFieldName('name')?.text) continue;
    const body = m.node.childForFieldName('body');
    if (!body) continue;
    for (const other of criticalSections(m.node, ctx.packageIndex())) {
      if (other.mutex.slice(other.recv.length) !== mutex || other.read) continue;
      const target = `${other.recv}.${field}`;
      for (const st of other.inside.flatMap((s) => [s, ...s.descendantsOfType('assignment_statement')])) {
        const value = storedValue(st, target);
        if (!value) continue;
        const call = acquiringCall(body, value, st);
        if (call) return { method: m.name, call: `${call.childForFieldName('function')!.text}()` };
      }
    }
  }
  return undefined;
}

/** `target[k] = v` with one value, a variable: `v`. */
function storedValue(st: Node, target: string): string | undefined {
  if (st.type !== 'assignment_statement' || st.childForFieldName('operator')?.text !== '=') return undefined;
  const left = st.childForFieldName('left')!.namedChildren;
  const right = st.childForFieldName('right')!.namedChildren;
  const l = left.length === 1 && right.length === 1 ? unparen(left[0]) : undefined;
  if (l?.type !== 'index_expression' || l.childForFieldName('operand')?.text !== target) return undefined;
  const r = unparen(right[0]);
  return r.type === 'identifier' ? r.text : undefined;
}

/** A call in the method before `at` of an acquiring method on the value (`db.Open()`). */
function acquiringCall(body: Node, value: string, at: Node): Node | undefined {
  return body.descendantsOfType('call_expression').find((c) => {
    const fn = c.childForFieldName('function');
    return c.startIndex < at.startIndex && fn?.type === 'selector_expression' && fn.childForFieldName('operand')!.text === value && ACQUIRE.test(fn.childForFieldName('field')!.text);
  });
}
