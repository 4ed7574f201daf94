import type { CancellationSource } from '../../src/go/cancellation.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, contains, type Node } from '../../src/go/syntax.js';

/**
 * The loop, around the send, in whose body a local context source is made: one context per item
 * (`ctx, cancel := context.WithCancel(s.ctx)` for each new session, its cancel handed to the
 * session). It ends with its item, and a return on it would end the loop for every item after
 * (trojan-go's UDP dispatch loop stopped for good once a queued session timed out).
 */
export function perItemLoop(source: CancellationSource, send: Node): Node | undefined {
  if (source.kind !== 'ctx-local') return undefined;
  const found = declarationOf(source.expr, send);
  if (!found || !('local' in found)) return undefined;
  return ancestors(found.local.decl).find((a) => a.type === 'for_statement' && contains(a, send) && contains(source.fn, a));
}

/** The sources but those made per item, when another, living as long as the loop, is in scope. */
export function lastingSources(sources: CancellationSource[], send: Node): CancellationSource[] {
  const lasting = sources.filter((s) => !perItemLoop(s, send));
  return lasting.length > 0 ? lasting : sources;
}
