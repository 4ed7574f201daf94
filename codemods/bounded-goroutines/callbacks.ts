import type { FileContext } from '../../src/engine/types.js';
import { declarationOf, paramsOf } from '../../src/go/scope.js';
import { ancestors, same, type Node } from '../../src/go/syntax.js';
import { receiverOf } from '../../src/go/declarations.js';
import { calledName } from '../../src/go/called-functions.js';
import { channelRangedOver } from './channel-loops.js';
import type { Spawn } from './detect.js';

/**
 * A router: a loop that takes each value from a channel (`for m := range messages`) and starts
 * a goroutine that calls a handler it looked up (`hd := e.Value.(*route).callback`, `h :=
 * r.handlers[topic]`, or a field handed to the spawned function, which calls it: watermill's
 * `go h.handleMessage(msg, h.handlerFunc)`): code registered elsewhere, which the package does
 * not show and whose contract may let it wait, e.g. publish and wait for the ack that only a
 * later message brings (paho's router). A bound that stops the loop could then stop it for good. A handler given as
 * a parameter is the caller's choice and is not seen, as any other unseen function. The
 * channel and the lookup, as written.
 */
export function dispatchedToHandler(spawn: Spawn, bodies: { body: Node; via?: string }[], ctx: FileContext): { channel: string; lookup: string } | undefined {
  const channel = spawn.loops.map((l) => channelRangedOver(l, ctx)).find((c) => c !== undefined);
  if (!channel) return undefined;
  // `go h.handleMessage(msg, h.handler)`: what the spawned call hands each parameter, and the
  // spawned function's own bodies (looked up whatever their text: bodies holds only those that may wait).
  const spawnedCall = spawn.go.type === 'go_statement' ? spawn.go.namedChild(0) : undefined;
  const handed = spawnedCall?.childForFieldName('arguments')?.namedChildren ?? [];
  const callee = spawnedCall?.childForFieldName('function');
  const named = callee ? calledName(callee) : undefined;
  // `go s.notifee.HandlePeerFound(info)`: a method of what the receiver was given to call back.
  const given = callee ? callbackField(callee, spawn, ctx) : undefined;
  if (given) return { channel, lookup: given };
  const own = named ? ctx.packageIndex().functionsNamed(named.name, named.method).flatMap((d) => d.childForFieldName('body') ?? []) : [];
  for (const { body, via } of [...bodies, ...own.map((body) => ({ body, via: undefined }))]) {
    for (const call of body.descendantsOfType('call_expression')) {
      const fn = call.childForFieldName('function');
      if (fn?.type !== 'identifier') continue;
      const decl = declarationOf(fn.text, call);
      const value = decl && 'local' in decl ? decl.local.value : undefined;
      if (value && LOOKUP.has(value.type)) return { channel, lookup: `${fn.text} := ${value.text}` };
      // The spawned function's own parameter, given a field or an element at the go statement.
      const param = decl && 'param' in decl && via === undefined && same(decl.param.fn, body.parent) ? paramsOf(decl.param.fn).findIndex((p) => p.name === fn.text) : -1;
      const arg = param >= 0 ? handed[param] : undefined;
      if (arg && LOOKUP.has(arg.type)) return { channel, lookup: `${fn.text} is given ${arg.text}` };
    }
  }
  return undefined;
}

/** A value taken out of something: a field, an element, a type assertion (of a field or element). */
const LOOKUP = new Set(['selector_expression', 'index_expression', 'type_assertion_expression']);

/**
 * A method of a receiver field of interface type (`s.notifee.HandlePeerFound`, notifee a
 * `Notifee`), or a function-typed field called (`s.onPeer(info)`): the code the object was given
 * to call back, which the package does not show. As written, e.g. `s.notifee.HandlePeerFound`.
 */
function callbackField(callee: Node, spawn: Spawn, ctx: FileContext): string | undefined {
  const target = callee.type === 'selector_expression' && callee.childForFieldName('operand')?.type === 'selector_expression' ? callee.childForFieldName('operand')! : callee;
  if (target.type !== 'selector_expression') return undefined;
  const method = ancestors(spawn.go).find((a) => a.type === 'method_declaration');
  const recv = method ? receiverOf(method) : undefined;
  if (!recv || target.childForFieldName('operand')?.text !== recv.name) return undefined;
  const field = ctx.packageIndex().fieldsOf(recv.typeName).find((f) => f.name === target.childForFieldName('field')!.text);
  if (!field) return undefined;
  const calledBack = same(target, callee) ? field.typeNode.type === 'function_type' : isInterface(field.type, ctx);
  return calledBack ? callee.text : undefined;
}

/** An interface type: declared so in the package, or named like one elsewhere is not assumed. */
function isInterface(type: string, ctx: FileContext): boolean {
  const name = type.replace(/^\*\s*/, '');
  return /^\w+$/.test(name) && ctx.packageIndex().underlyingKind(name) === 'interface';
}
