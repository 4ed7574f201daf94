import type { FileContext } from '../../../src/engine/types.js';
import { DONE_NAME } from '../../../src/go/cancellation.js';
import { callsHanding } from '../../../src/go/called-functions.js';
import { declarationOf, isLocalOf, madeChannel } from '../../../src/go/scope.js';
import { enclosingFunction, firstLine, type Node } from '../../../src/go/syntax.js';

/**
 * The channel the send is made on, or the one each caller hands in for it, is a local made beside
 * a stop channel and handed with it to one call (`NewIterator(announcement, stopCh)`: kratos'
 * Kubernetes watcher, whose `Next` selects on both): its reader ends on that stop channel, not on
 * the sender's context, and is still there to take the value once that context is done. The
 * call, as written, if so.
 */
export function handedWithStopChannel(send: Node, ctx: FileContext): string | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier') return undefined;
  const found = declarationOf(chan.text, send);
  if (!found) return undefined;
  const made = 'local' in found ? [chan] : (callsHanding(found.param, ctx.packageIndex())?.calls ?? []).map((c) => c.arg);
  let handed: string | undefined;
  for (const name of made) {
    const call = name?.type === 'identifier' ? handedBeside(name) : undefined;
    if (!call) return undefined;
    handed ??= call;
  }
  return handed;
}

/** A call in the function declaring the channel `name` that hands it on with a stop channel: its first line. */
function handedBeside(name: Node): string | undefined {
  const made = madeChannel(name.text, name);
  if (!made) return undefined;
  const fn = enclosingFunction(made.decl);
  for (const call of fn?.childForFieldName('body')?.descendantsOfType('call_expression') ?? []) {
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const channel = args.find((a) => a.type === 'identifier' && a.text === name.text && isLocalOf(a.text, a, made.decl));
    if (channel && args.some((a) => a !== channel && isStopChannel(a))) return firstLine(call.text);
  }
  return undefined;
}

/** A local stop channel the function makes (`stopCh := make(chan struct{}, 1)`). */
function isStopChannel(arg: Node): boolean {
  return arg.type === 'identifier' && DONE_NAME.test(arg.text) && !!madeChannel(arg.text, arg);
}
