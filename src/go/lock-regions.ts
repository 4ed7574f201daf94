import { receiverOf } from './declarations.js';
import type { PackageIndex } from './package-index.js';
import type { Node } from './syntax.js';

/** A critical section among the top-level statements of a method body. */
export interface CriticalSection {
  /** The receiver's name (`sm`). */
  recv: string;
  /** The mutex expression (`sm.Lock`, `h.mu`, or `s` for an embedded mutex). */
  mutex: string;
  read: boolean;
  lock: Node;
  /** `defer m.Unlock()` right after the lock, or the explicit unlock statement. */
  unlock: Node;
  deferred: boolean;
  /** Statements inside the section (to the end of the body when deferred). */
  inside: Node[];
  /** Statements after an explicit unlock. */
  after: Node[];
  /** Set on a section opened inside another one: the mutex of the enclosing section, held throughout. */
  alsoHeld?: string;
  /** Set on a section that encloses another lock's section (reported through the inner one). */
  enclosesOther?: boolean;
}

const MUTEX_TYPES = /^\*?sync\.(RW)?Mutex$/;

/** Lock/Unlock pairs on a mutex field (named or embedded) of the receiver, at the top level of a method body. */
export function criticalSections(method: Node, index: PackageIndex): CriticalSection[] {
  const recv = receiverOf(method);
  const body = method.childForFieldName('body')?.namedChildren.find((c) => c.type === 'statement_list');
  if (!recv?.name || !body) return [];
  const fields = index.fieldsOf(recv.typeName);
  const mutexes = new Set(fields.filter((f) => MUTEX_TYPES.test(f.type)).map((f) => (f.embedded ? recv.name! : `${recv.name}.${f.name}`)));
  if (mutexes.size === 0) return [];
  const stmts = body.namedChildren.filter((s) => s.type !== 'comment');
  const call = (s: Node | undefined, what: string[]) => {
    const c = s?.type === 'expression_statement' || s?.type === 'defer_statement' ? s.namedChild(0) : undefined;
    const fn = c?.type === 'call_expression' && c.childForFieldName('arguments')?.namedChildCount === 0 ? c.childForFieldName('function') : undefined;
    if (fn?.type !== 'selector_expression') return undefined;
    const field = fn.childForFieldName('field')!.text;
    const mutex = fn.childForFieldName('operand')!.text;
    return what.includes(field) && mutexes.has(mutex) ? { mutex, field } : undefined;
  };
  const sectionsIn = (stmts: Node[], held?: string): CriticalSection[] => {
    const out: CriticalSection[] = [];
    for (let i = 0; i < stmts.length; i++) {
      const lock = call(stmts[i], ['Lock', 'RLock']);
      if (!lock || stmts[i].type !== 'expression_statement' || lock.mutex === held) continue;
      const read = lock.field === 'RLock';
      const unlockName = read ? 'RUnlock' : 'Unlock';
      const next = stmts[i + 1];
      const d = next?.type === 'defer_statement' && call(next, [unlockName])?.mutex === lock.mutex;
      const j = d ? -1 : stmts.findIndex((s, k) => k > i && s.type === 'expression_statement' && call(s, [unlockName])?.mutex === lock.mutex);
      if (!d && j === -1) continue;
      const cs: CriticalSection = d
        ? { recv: recv.name!, mutex: lock.mutex, read, lock: stmts[i], unlock: next, deferred: true, inside: stmts.slice(i + 2), after: [] }
        : { recv: recv.name!, mutex: lock.mutex, read, lock: stmts[i], unlock: stmts[j], deferred: false, inside: stmts.slice(i + 1, j), after: stmts.slice(j + 1) };
      if (held) cs.alsoHeld = held;
      // A second lock taken while this one is held (`s.shutdownLock` then `s.streamLock`): the
      // inner section is the one that guards what it reads.
      const nested = held ? [] : sectionsIn(cs.inside, cs.mutex);
      if (nested.length > 0) cs.enclosesOther = true;
      out.push(cs, ...nested);
      if (d) break;
      i = j;
    }
    return out;
  };
  return sectionsIn(stmts);
}

/** True when a node mentions the receiver (reads or writes state the lock guards). */
export function mentions(node: Node, name: string): boolean {
  return node.descendantsOfType('identifier').some((id) => id.text === name) || (node.type === 'identifier' && node.text === name);
}
