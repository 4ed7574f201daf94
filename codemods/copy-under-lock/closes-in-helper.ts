import type { FileContext } from '../../src/engine/types.js';
import { criticalSections } from '../../src/go/lock-regions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { inGoroutine, type Node } from '../../src/go/syntax.js';

/**
 * Another method of the type that, under the same mutex, calls a method of its receiver that
 * closes a channel (`b.mu.Lock(); defer b.mu.Unlock(); b.removeLocked(id)`, with `close(ch)` in
 * removeLocked), one or two calls deep: a send moved past the unlock could hit a channel it
 * closed. As `Unsubscribe (through b.removeLocked(id), which calls close(ch))`.
 */
export function closesChannelsThroughHelper(typeName: string, cs: { mutex: string; recv: string }, ctx: FileContext): string | undefined {
  const field = cs.mutex.slice(cs.recv.length);
  const index = ctx.packageIndex();
  for (const m of index.methodsWhere(typeName, (text) => /Lock\s*\(\s*\)/.test(text))) {
    for (const other of criticalSections(m.node, index)) {
      if (other.mutex.slice(other.recv.length) !== field) continue;
      for (const call of other.inside.flatMap((st) => [st, ...st.descendantsOfType('call_expression')])) {
        const callee = receiverCall(call, other.recv);
        if (!callee || callee === m.name) continue;
        const close = closeIn(index, typeName, callee, 2, new Set([m.name]));
        if (close) return `${m.name} (through ${call.text}, which calls ${close})`;
      }
    }
  }
  return undefined;
}

/** `removeLocked` for a call `b.removeLocked(id)` on the receiver `b`. */
function receiverCall(call: Node, recv: string): string | undefined {
  if (call.type !== 'call_expression') return undefined;
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression' || fn.childForFieldName('operand')?.text !== recv) return undefined;
  return fn.childForFieldName('field')!.text;
}

/** The close(...) call the method makes itself (not in a goroutine it starts), or through a receiver method it calls, `depth` levels at most. */
function closeIn(index: PackageIndex, typeName: string, method: string, depth: number, seen: Set<string>): string | undefined {
  if (seen.has(method)) return undefined;
  seen.add(method);
  const decl = index.method(typeName, method);
  const body = decl?.node.childForFieldName('body');
  if (!body) return undefined;
  const recv = decl!.node.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('name')?.text;
  const calls = body.descendantsOfType('call_expression').filter((c) => !inGoroutine(c, body));
  const close = calls.find((c) => c.childForFieldName('function')?.text === 'close');
  if (close) return close.text;
  if (depth <= 1 || !recv) return undefined;
  for (const c of calls) {
    const next = receiverCall(c, recv);
    const deeper = next ? closeIn(index, typeName, next, depth - 1, seen) : undefined;
    if (deeper) return deeper;
  }
  return undefined;
}
