import type { CancellationSource } from '../../src/go/cancellation.js';
import { ancestors, contains, isDetached, type Node } from '../../src/go/syntax.js';

/**
 * Sources in the order to offer them. Innermost first, except for a goroutine that outlives the
 * function spawning it (nothing waits for it there): it should watch the receiver's long-lived
 * context, not the spawning call's (request-scoped) one.
 */
export function preferredOrder(send: Node, sources: CancellationSource[]): CancellationSource[] {
  const goroutine = enclosingGoroutine(send);
  if (!goroutine || !isDetached(goroutine.go)) return sources;
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
