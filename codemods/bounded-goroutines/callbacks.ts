import type { FileContext } from '../../src/engine/types.js';
import { declarationOf } from '../../src/go/scope.js';
import type { Node } from '../../src/go/syntax.js';
import { channelRangedOver } from './channel-loops.js';
import type { Spawn } from './detect.js';

/**
 * A router: a loop that takes each value from a channel (`for m := range messages`) and starts
 * a goroutine that calls a handler it looked up (`hd := e.Value.(*route).callback`, `h :=
 * r.handlers[topic]`): code registered elsewhere, which the package does not show and whose
 * contract may let it wait, e.g. publish and wait for the ack that only a later message brings
 * (paho's router). A bound that stops the loop could then stop it for good. A handler given as
 * a parameter is the caller's choice and is not seen, as any other unseen function. The
 * channel and the lookup, as written.
 */
export function dispatchedToHandler(spawn: Spawn, bodies: { body: Node }[], ctx: FileContext): { channel: string; lookup: string } | undefined {
  const channel = spawn.loops.map((l) => channelRangedOver(l, ctx)).find((c) => c !== undefined);
  if (!channel) return undefined;
  for (const { body } of bodies) {
    for (const call of body.descendantsOfType('call_expression')) {
      const fn = call.childForFieldName('function');
      if (fn?.type !== 'identifier') continue;
      const decl = declarationOf(fn.text, call);
      const value = decl && 'local' in decl ? decl.local.value : undefined;
      if (value && LOOKUP.has(value.type)) return { channel, lookup: `${fn.text} := ${value.text}` };
    }
  }
  return undefined;
}

/** A value taken out of something: a field, an element, a type assertion (of a field or element). */
const LOOKUP = new Set(['selector_expression', 'index_expression', 'type_assertion_expression']);
