import type { FileContext } from '../../src/engine/types.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { receiverOf } from '../../src/go/declarations.js';
import { loopShape } from '../../src/go/loops.js';
import { ancestors, FUNCTION_TYPES, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';

/**
 * The loop's function is called, in the package, from a case of an event loop (`for { select {
 * case rd := <-n.readyc: n.sendAll(rd.Messages); case m := <-n.recvc: … } }`) that also receives
 * from other channels: nothing waits for the goroutines, so the function returns at once; bounded,
 * the event loop would wait in it for a slot that only its own receives can free (etcd's raft test
 * nodes, each sending to the other's loop, deadlocked). One level of calls; a fire-and-forget loop
 * only, as a joined one holds the event loop until its goroutines end anyway. The reason, or
 * undefined.
 */
export function calledFromEventLoop(spawn: Spawn, ctx: FileContext): string | undefined {
  const fn = spawn.fn;
  if (spawn.shape !== 'fire-and-forget' || (fn.type !== 'function_declaration' && fn.type !== 'method_declaration')) return undefined;
  const name = fn.childForFieldName('name')?.text;
  if (!name) return undefined;
  const index = ctx.packageIndex();
  const receiverType = fn.type === 'method_declaration' ? receiverOf(fn)?.typeName ?? '' : undefined;
  for (const call of index.callsNamed(name, (decl) => /\bselect\b/.test(decl))) {
    if (!callsIt(call, name, receiverType, index)) continue;
    const loop = eventLoopAround(call);
    if (!loop) continue;
    return `${name} is called from an event loop in ${loop.caller} (${loop.kase}), which also receives ${loop.others}: nothing waits for the goroutines, and bounded, that loop would wait in ${name} for a free slot that only its own receives can free (a goroutine sending to it, or to a peer's loop waiting the same way), handling nothing meanwhile`;
  }
  return undefined;
}

/**
 * The call runs the spawn's function: a plain call of a function by its name, or a method call of
 * the name on the receiver of a method of the same type, or on anything when no other type of the
 * package has a method so named.
 */
function callsIt(call: Node, name: string, receiverType: string | undefined, index: PackageIndex): boolean {
  const callee = call.childForFieldName('function');
  if (receiverType === undefined) return callee?.type === 'identifier' && callee.text === name;
  if (callee?.type !== 'selector_expression' || callee.childForFieldName('field')?.text !== name) return false;
  const operand = callee.childForFieldName('operand')!;
  const method = ancestors(call).find((a) => a.type === 'method_declaration');
  const receiver = method ? receiverOf(method) : undefined;
  if (operand.type === 'identifier' && receiver?.name === operand.text) return receiver.typeName === receiverType;
  return index.functionsNamed(name, true).length === 1;
}

/**
 * The event loop a call runs in, as written: a case of a select (not in a goroutine or function
 * literal of its own) in a `for {` or `for cond {` loop, with another case that receives.
 */
function eventLoopAround(call: Node): { caller: string; kase: string; others: string } | undefined {
  const chain = ancestors(call);
  const at = chain.findIndex((a) => a.type === 'communication_case' || a.type === 'default_case' || a.type === 'go_statement' || a.type === 'defer_statement' || FUNCTION_TYPES.has(a.type));
  const kase = chain[at];
  if (!kase || (kase.type !== 'communication_case' && kase.type !== 'default_case')) return undefined;
  const select = kase.parent;
  if (select?.type !== 'select_statement') return undefined;
  const others = select.namedChildren.filter((c) => c.type === 'communication_case' && c.id !== kase.id && c.childForFieldName('communication')?.type !== 'send_statement');
  if (others.length === 0) return undefined;
  const loop = chain.slice(at + 1).find((a) => a.type === 'for_statement' || FUNCTION_TYPES.has(a.type));
  if (loop?.type !== 'for_statement' || !['forever', 'conditional'].includes(loopShape(loop).kind)) return undefined;
  const caller = chain.find((a) => a.type === 'function_declaration' || a.type === 'method_declaration')?.childForFieldName('name')?.text ?? 'a function literal';
  const label = (c: Node) => (c.type === 'default_case' ? 'default' : `case ${c.childForFieldName('communication')?.text ?? ''}`);
  return { caller, kase: label(kase), others: others.map(label).join(', ') };
}
