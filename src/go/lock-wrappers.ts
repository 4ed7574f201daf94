import { receiverOf } from './declarations.js';
import type { PackageIndex } from './package-index.js';
import { ancestors, type Node } from './syntax.js';

export type LockOp = 'Lock' | 'RLock' | 'Unlock' | 'RUnlock';

/** A method of a type that locks or unlocks one of its receiver's mutexes for its caller. */
export interface LockWrapper {
  /** The method's name (`acquireProbesMutex`). */
  name: string;
  /** The mutex's path from the receiver: `.probesMutex`, or '' for an embedded mutex. */
  field: string;
  op: LockOp;
}

/** A call of a lock wrapper on the receiver, in a method of the same type. */
export interface WrapperCall {
  call: Node;
  wrapper: LockWrapper;
  /** The mutex as the calling method writes it (`s.probesMutex`; `s` for an embedded one). */
  mutex: string;
  op: LockOp;
  deferred: boolean;
}

const OP = /^(R?)(Lock|Unlock)$/;

/**
 * The methods of a type whose body locks a mutex of the receiver and leaves it locked, or
 * unlocks one it did not lock (`func (s *ChecksServer) acquireProbesMutex(id int64) {
 * s.probesMutex.Lock() }`, logging around it allowed): what a call of one does to the lock. One
 * top-level Lock/Unlock call on the receiver, not deferred; anything else (a lock and its unlock,
 * a goroutine, a closure) is no wrapper.
 */
export function lockWrappers(index: PackageIndex, typeName: string): LockWrapper[] {
  return index.once(`lockWrappers ${typeName}`, () => findLockWrappers(index, typeName));
}

function findLockWrappers(index: PackageIndex, typeName: string): LockWrapper[] {
  const out: LockWrapper[] = [];
  for (const m of index.methodsWhere(typeName, (text) => /\.R?(Lock|Unlock)\(\)/.test(text))) {
    const recv = receiverOf(m.node)?.name;
    const body = m.node.childForFieldName('body');
    const stmts = body?.namedChildren.find((c) => c.type === 'statement_list')?.namedChildren.filter((s) => s.type !== 'comment') ?? [];
    if (!recv || !body || body.descendantsOfType(['go_statement', 'func_literal', 'defer_statement']).length > 0) continue;
    const ops = body.descendantsOfType('call_expression').flatMap((c) => {
      const fn = c.childForFieldName('function');
      const name = fn?.type === 'selector_expression' ? fn.childForFieldName('field')!.text : '';
      return OP.test(name) && c.childForFieldName('arguments')?.namedChildCount === 0 ? [{ call: c, operand: fn!.childForFieldName('operand')!.text, op: name as LockOp }] : [];
    });
    if (ops.length !== 1) continue;
    const [{ call, operand, op }] = ops;
    const top = stmts.some((s) => s.type === 'expression_statement' && s.namedChild(0)?.id === call.id);
    const field = operand === recv ? '' : operand.startsWith(`${recv}.`) ? operand.slice(recv.length) : undefined;
    if (!top || field === undefined || !/^(\.\w+)*$/.test(field)) continue;
    out.push({ name: m.name, field, op });
  }
  return out;
}

/**
 * The calls of lock wrappers in a function (a method, or a function literal inside one) on its
 * receiver (`s.acquireProbesMutex(0)`, `defer s.releaseProbesMutex(0)`), in source order, each
 * with the mutex it locks or unlocks as the function would write it (`s.probesMutex`).
 */
export function wrapperLockCalls(fn: Node, index: PackageIndex): WrapperCall[] {
  const method = [fn, ...ancestors(fn)].find((a) => a.type === 'method_declaration');
  const recv = method && receiverOf(method);
  if (!recv?.name) return [];
  const recvName = recv.name;
  const calls = fn.descendantsOfType('call_expression').filter((c) => {
    const f = c.childForFieldName('function');
    return f?.type === 'selector_expression' && f.childForFieldName('operand')?.text === recvName;
  });
  if (calls.length === 0) return [];
  const wrappers = new Map(lockWrappers(index, recv.typeName).map((w) => [w.name, w]));
  const out: WrapperCall[] = [];
  for (const call of calls) {
    const wrapper = wrappers.get(call.childForFieldName('function')!.childForFieldName('field')!.text);
    if (!wrapper) continue;
    out.push({ call, wrapper, mutex: `${recvName}${wrapper.field}`, op: wrapper.op, deferred: call.parent?.type === 'defer_statement' });
  }
  return out;
}

/** The mutexes a function locks through wrappers of its receiver's type (`s.probesMutex`), each with the wrapper. */
export function mutexesLockedThroughWrappers(fn: Node, index: PackageIndex): { mutex: string; wrapper: string; call: Node }[] {
  return wrapperLockCalls(fn, index)
    .filter((c) => c.op === 'Lock' || c.op === 'RLock')
    .map((c) => ({ mutex: c.mutex, wrapper: c.wrapper.name, call: c.call }));
}
