import type { CancellationSource } from '../../../src/go/cancellation.js';
import { REGISTERS } from '../../../src/go/registering-calls.js';
import { paramsOf } from '../../../src/go/scope.js';
import { contains, enclosingFunction, rootName, unparen, type Node } from '../../../src/go/syntax.js';
import { preferredOrder } from '../sources/source-order.js';

// A callback a client calls with each message it has taken: the send hands that message on, and
// giving up on a context from outside the callback would drop it (cloudevents' MQTT protocol:
// paho acknowledges the publish once the callback returns).

/** Registering calls beside REGISTERS: `AddOnPublishReceived`, `AddOnMessage…`. */
const ADDS_ON = /^AddOn[A-Z]\w*$/;

/**
 * Why a send in a function literal handed to a registering call (`p.client.AddOnPublishReceived(
 * func(m paho.PublishReceived) (bool, error) { p.incoming <- m.Packet; … })`) is to stay plain:
 * it sends what the literal was handed (a parameter or a field of one), and the source the fix
 * would take comes from outside the literal. The client calls it with a message it has taken (and
 * acknowledges); a return on that source would drop the message.
 */
export function registeredCallbackReason(send: Node, sources: CancellationSource[]): string | undefined {
  const literal = enclosingFunction(send);
  const value = send.childForFieldName('value');
  const source = preferredOrder(send, sources)[0];
  if (literal?.type !== 'func_literal' || literal.parent?.type !== 'argument_list' || !value || !source) return undefined;
  const callee = literal.parent.parent?.childForFieldName('function')?.text ?? '';
  const name = callee.split('.').at(-1) ?? '';
  if (!REGISTERS.test(name) && !ADDS_ON.test(name)) return undefined;
  if (contains(literal, source.fn)) return undefined;
  const sent = unparen(value);
  const root = sent.type === 'identifier' ? sent : sent.type === 'selector_expression' ? rootName(sent) : undefined;
  const param = root?.type === 'identifier' ? paramsOf(literal).find((p) => p.name === root.text) : undefined;
  if (!param) return undefined;
  const chan = send.childForFieldName('channel')!.text;
  return `the send is in a function literal handed to ${callee}(…), which calls it later with each message or event it takes, and hands on what the literal was given (${sent.text}, from its parameter ${param.name}): ${source.expr} comes from outside the literal, and a select returning once it is done would drop a message already taken (acknowledged once the callback returns) instead of putting it on ${chan}`;
}
