import type { FileContext } from '../../src/engine/types.js';
import { criticalSections } from '../../src/go/lock-regions.js';
import { receiverOf } from '../../src/go/declarations.js';
import { calledName } from '../../src/go/called-functions.js';
import { ancestors, type Node } from '../../src/go/syntax.js';
import { replacedEntry } from './replaced-entries.js';
import { lockWrappers, wrapperLockCalls } from '../../src/go/lock-wrappers.js';
import { emptiedBy } from './emptied.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { callsFieldHelper, removedByHelper } from './removing-helpers.js';

const LOCK_CALL = /Lock\s*\(\s*\)/;

/** Another method removing elements of the collection under the same lock, and how. */
export interface Remover {
  method: string;
  /** An entry replaced, its old value handed on (`old = t.subs[name]; t.subs[name] = c`). */
  replaced?: string;
  /** The lock taken through a method of the type (`s.acquireProbesMutex(id), whose body locks s.probesMutex`). */
  via?: string;
  /** The collection emptied or given a new value (`clear(st.pages)`, `st.pages = nil`). */
  emptied?: string;
  /** A helper called under the lock doing the removal (`through r.removeLocked(id), whose body removes them: r.subs = append(…)`). */
  through?: string;
}

/** Why a copy would break the lock's promise a remover gives. */
export function removerReason(r: Remover, field: string, afterRemoval: string): string {
  if (r.replaced) {
    return `${r.method} replaces entries of ${field} under the same lock and hands on the old one (${r.replaced}): once it returns, the old one is not used here again and its caller may close it, and after a copy this loop could still use it${afterRemoval}`;
  }
  const via = r.via ? ` (taken through ${r.via})` : r.emptied ? ` (${r.emptied})` : r.through ? ` (${r.through})` : '';
  return `${r.method} removes elements of ${field} under the same lock${via}: once it returns, none is used again, and after a copy one could still be${afterRemoval}`;
}

/**
 * Another method of the type that removes elements of the field under the same mutex
 * (`delete(a.handlers, id)`, `s.subs = slices.Delete(…)`, `b.subs = keep`, `clear(st.pages)`, `st.pages =
 * nil`: see emptiedBy): the lock promises that once it returns, the removed element is not used
 * again. An entry replaced whose old value is handed on counts (see replacedEntry). Its name, and how.
 */
export function removesUnderLock(typeName: string, cs: { mutex: string; recv: string }, field: string, method: Node, ctx: FileContext): Remover | undefined {
  const mutex = cs.mutex.slice(cs.recv.length);
  const mentions = new RegExp(`\\.${field}\\b`);
  // The lock may be taken through a method of the type whose body locks it (`s.acquireProbesMutex(id)`).
  const wrappers = lockWrappers(ctx.packageIndex(), typeName).filter((w) => w.op === 'Lock' && w.field === mutex);
  const wrapped = wrappers.length > 0 ? new RegExp(`\\.(${wrappers.map((w) => w.name).join('|')})\\(`) : undefined;
  // One that empties the collection (`clear(st.pages)`) is named only when no method deletes.
  let emptier: Remover | undefined;
  // Or does it through a helper it calls under the lock (`r.removeLocked(id)`: see removedByHelper).
  const helper = callsFieldHelper(typeName, field, ctx.packageIndex());
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => (LOCK_CALL.test(text) || !!wrapped?.test(text)) && (mentions.test(text) || helper(text)))) {
    if (m.name === method.childForFieldName('name')?.text) continue;
    // A delete from the field in a method that takes the same lock, whatever its sections look
    // like (unlocked on several paths: caddy's UsagePool.Delete): the map is guarded, so it holds it.
    const recv = receiverOf(m.node)?.name;
    const text = m.node.text;
    const deletes = recv && new RegExp(`\\bdelete\\(\\s*${recv}\\.${field}\\s*,`).test(text);
    if (deletes && text.includes(`${recv}${mutex}.Lock()`)) return { method: m.name };
    const via = deletes && wrapped ? wrapperLockCalls(m.node, ctx.packageIndex()).find((c) => c.op === 'Lock' && c.mutex === `${recv}${mutex}`) : undefined;
    if (via) return { method: m.name, via: `${via.call.text}, whose body locks ${via.mutex}` };
    for (const other of criticalSections(m.node, ctx.packageIndex())) {
      if (other.mutex.slice(other.recv.length) !== mutex) continue;
      const target = `${other.recv}.${field}`;
      // Or through a local given the map (`rcs := app.rcs; delete(rcs, c)`).
      const names = new Set([target, ...Array.from(m.node.text.matchAll(new RegExp(`(\\w+)\\s*:?=\\s*${regexEscaped(target)}[ \\t]*$`, 'gm')), (a) => a[1])]);
      const removes = other.inside.some((st) =>
        [st, ...st.descendantsOfType(['call_expression', 'assignment_statement'])].some((n) =>
          n.type === 'call_expression'
            ? (n.childForFieldName('function')?.text === 'delete' && names.has(n.childForFieldName('arguments')?.namedChildren[0]?.text ?? '')) || handedToDeleter(n, target, ctx)
            : n.type === 'assignment_statement' && n.childForFieldName('left')?.text === target && n.childForFieldName('right')?.text !== 'nil' && replaces(n.childForFieldName('right')!),
        ),
      );
      if (removes) return { method: m.name };
      const through = removedByHelper(other.inside.flatMap((st) => (st.type === 'call_expression' ? [st] : st.descendantsOfType('call_expression'))), other.recv, typeName, field, ctx.packageIndex(), replaces);
      if (through) return { method: m.name, through };
      const emptied = emptiedBy(other.inside.flatMap((st) => [st, ...st.descendantsOfType(['call_expression', 'assignment_statement'])]), target);
      emptier ??= emptied ? { method: m.name, emptied } : undefined;
      const replaced = replacedEntry(other.inside, target, m.node);
      if (replaced) return { method: m.name, replaced };
    }
  }
  return emptier ?? removedFromElsewhere(typeName, mutex, field, ctx);
}

/**
 * A method of another type, or a function, that deletes from the field of a value of this type
 * under its mutex (`topic := t.topic; topic.evtHandlerMux.Lock(); delete(topic.evtHandlers, t)`:
 * libp2p pubsub's TopicEventHandler.Cancel, reaching its topic through a back-pointer): by the
 * field's and the mutex's names, the lock taken before the delete. Not this type's own methods,
 * read above.
 */
function removedFromElsewhere(typeName: string, mutex: string, field: string, ctx: FileContext): Remover | undefined {
  for (const call of ctx.packageIndex().nodesMatching(new RegExp(`\\bdelete\\(\\s*[\\w.]+\\.${field}\\s*,`, 'g'))) {
    const decl = ancestors(call).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
    if (!decl || receiverOf(decl)?.typeName === typeName) continue;
    // The value deleted from, locked before the delete (`topic.evtHandlerMux.Lock()`): not the
    // method's own receiver, whose field of the same name is its own (v2ray's name servers, each
    // with its own `ips`).
    const owner = /^delete\(\s*([\w.]+)\.\w+\s*,/.exec((call.parent?.type === 'call_expression' ? call.parent : call).text)?.[1];
    if (!owner || owner === receiverOf(decl)?.name) continue;
    const locks = new RegExp(`(?<![\\w.])${regexEscaped(owner + mutex)}\\.Lock\\(\\)`);
    if (!locks.test(decl.text.slice(0, call.startIndex - decl.startIndex))) continue;
    const recv = receiverOf(decl)?.typeName;
    return { method: `${recv ? `${recv}.` : ''}${decl.childForFieldName('name')!.text}` };
  }
  return undefined;
}

/** A call handing the field to a function of the package that deletes from a map (`take(h.sessions, id)`). */
function handedToDeleter(call: Node, target: string, ctx: FileContext): boolean {
  if (!(call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.text === target)) return false;
  const named = calledName(call.childForFieldName('function')!);
  return !!named && ctx.packageIndex().functionsNamed(named.name, named.method).some((d) => /\bdelete\(/.test(d.text));
}

/**
 * A value that may leave elements out: a `Delete` call, a re-slice, or a collection built apart
 * (`b.subs = keep`, a filtered copy).
 */
function replaces(right: Node): boolean {
  const value = right.type === 'expression_list' && right.namedChildCount === 1 ? right.namedChild(0)! : right;
  return value.type === 'identifier' || /\bDelete\w*\(|\[[^\]]*:/.test(value.text);
}

