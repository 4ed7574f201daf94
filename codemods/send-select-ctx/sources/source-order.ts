import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, contains, firstLine, rootName, type Node } from '../../../src/go/syntax.js';
import { isDetached } from '../../../src/go/detached.js';

/**
 * Sources in the order to offer them. Innermost first, except for a goroutine that outlives the
 * function spawning it (nothing waits for it there): it should watch the receiver's long-lived
 * context, not the spawning call's (request-scoped) one. A timeout the sending function sets
 * itself on a channel it was handed (`ownTimeout`) is no source at all: left out.
 */
export function preferredOrder(send: Node, sources: CancellationSource[]): CancellationSource[] {
  return receiverFirst(send, sources.filter((s) => !ownTimeout(send, s)));
}

/**
 * A local context made with a timeout or deadline (`taskContext, cancel :=
 * context.WithTimeout(ctx, d)`) in a function the send's channel does not belong to: it comes from
 * elsewhere (a parameter, `*taskStatusCh`, a field). The timer is the sender's own (how long it
 * polls), not its reader's: it ends while the reader, busy elsewhere, may still come for the
 * value. The declaration's first line, if so.
 */
export function ownTimeout(send: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-local') return undefined;
  const made = declarationOf(source.expr, send);
  if (!made || !('local' in made) || !/^context\.With(Timeout|Deadline)(Cause)?\(/.test(made.local.value?.text ?? '')) return undefined;
  const chan = rootName(send.childForFieldName('channel')!);
  const channel = chan ? declarationOf(chan.text, send) : undefined;
  if (channel && 'local' in channel && contains(source.fn, channel.local.decl)) return undefined;
  return firstLine(made.local.decl.text);
}

function receiverFirst(send: Node, sources: CancellationSource[]): CancellationSource[] {
  const goroutine = enclosingGoroutine(send);
  if (!goroutine || !isDetached(goroutine.go) || sources.length === 0) return sources;
  const outside = (s: CancellationSource) => s.kind !== 'ctx-field' && s.kind !== 'done-field' && !contains(goroutine.literal, s.fn);
  const first = sources[0];
  const receiver = sources.filter((s) => s.kind === 'ctx-field' || s.kind === 'done-field');
  if (!outside(first) || receiver.length === 0) return sources;
  return [...receiver, ...sources.filter((s) => !receiver.includes(s))];
}

function enclosingGoroutine(node: Node): { go: Node; literal: Node } | undefined {
  for (const a of ancestors(node)) {
    if (a.type === 'func_literal' && a.parent?.type === 'call_expression' && a.parent.parent?.type === 'go_statement') {
      return { go: a.parent.parent, literal: a };
    }
  }
  return undefined;
}
