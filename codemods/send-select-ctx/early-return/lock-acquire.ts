import type { FileContext } from '../../../src/engine/types.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { ancestors, unparen, type Node } from '../../../src/go/syntax.js';
import { ownerType } from '../receivers/receivers.js';

/** Names of methods that give a lock back: `unlock`, `Unlock`, `RUnlock`, `release`, `Release`, `done`, `Done` (`unlockWrite` too). */
const RELEASE = /^(R?[Uu]nlock|[Rr]elease|[Dd]one)(?:[A-Z_]\w*)?$/;

/**
 * `m.ch <- struct{}{}` where a method of the package named like a release (`unlock`, `Release`)
 * receives from the same field of its own receiver (`select { case <-m.ch: default: }`): a
 * channel mutex, and the send takes the lock (coder/websocket's `mu.forceLock`). A send that
 * gives up once a context or done channel is done returns without holding it, and the caller's
 * release (a `defer m.unlock()`) then takes the token of the goroutine that does hold it: two
 * goroutines in the critical section. The release method and its receive, if so.
 */
export function lockAcquired(send: Node, ctx: FileContext): { method: string; receive: string } | undefined {
  if (!/^struct\{\}\{\}$/.test(send.childForFieldName('value')?.text.replace(/\s/g, '') ?? '')) return undefined;
  const chan = unparen(send.childForFieldName('channel')!);
  const field = chan.type === 'selector_expression' ? chan.childForFieldName('field')?.text : undefined;
  if (!field) return undefined;
  const owner = ownerType(chan, send);
  const receive = new RegExp(`<-\\s*(\\w+)\\.${regexEscaped(field)}\\b(?!\\s*[.(\\[])`, 'g');
  const found = ctx.packageIndex().nodesMatching(receive, (m) => m[0].length - 1, (decl) => /^func\s*\(/.test(decl));
  for (const node of found) {
    const unary = ancestors(node).find((a) => a.type === 'unary_expression');
    const method = unary && ancestors(unary).find((a) => a.type === 'method_declaration');
    const name = method?.childForFieldName('name')?.text ?? '';
    if (!unary || !method || !RELEASE.test(name)) continue;
    const operand = unparen(unary.childForFieldName('operand')!);
    const recv = receiverOf(method);
    if (operand.type !== 'selector_expression' || operand.childForFieldName('operand')?.text !== recv?.name) continue;
    // The same field of another type is another channel.
    if (owner && recv?.typeName !== owner) continue;
    return { method: `${name}()`, receive: unary.text };
  }
  return undefined;
}
