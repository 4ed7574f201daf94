import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, type Node } from '../../../src/go/syntax.js';
import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';

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

/**
 * The sources but those made per item, when another, living as long as the loop, is in scope; and
 * never one that ends only as the function returns (see `endsOnlyOnReturn`).
 */
export function lastingSources(sources: CancellationSource[], send: Node): CancellationSource[] {
  sources = sources.filter((s) => !endsOnlyOnReturn(s, send));
  const later = sources.filter((s) => !madeForEarlierStep(s, send));
  if (later.length > 0) sources = later;
  const lasting = sources.filter((s) => !perItemLoop(s, send));
  return lasting.length > 0 ? lasting : sources;
}

/**
 * A context the function makes from the empty one with a cancel it only defers (`reporterCtx,
 * cancel := context.WithCancel(context.Background())`, `defer cancel()`), seen from a send in the
 * function's own code: it ends only as the function returns, never while the send waits, and a
 * select on it would add a branch that never runs (m3's server sends on `mmapReporterCtx`). The
 * cancel's name.
 */
export function endsOnlyOnReturn(source: CancellationSource, send: Node): string | undefined {
  if (source.kind !== 'ctx-local' || enclosingFunction(send)?.id !== source.fn.id) return undefined;
  // Comments aside (a `// defer cancel()` is no call).
  const text = codeOnly(source.fn.text);
  const made = new RegExp(`\\b${regexEscaped(source.expr)}\\s*,\\s*(\\w+)\\s*:?=\\s*\\w+\\.WithCancel(?:Cause)?\\(\\s*\\w+\\.(?:Background|TODO)\\(\\)\\s*\\)`).exec(text);
  if (!made || made[1] === '_') return undefined;
  const cancel = regexEscaped(made[1]);
  const uses = text.match(new RegExp(`(?<![\\w.])${cancel}\\b`, 'g'))?.length ?? 0;
  return uses === 2 && new RegExp(`\\bdefer\\s+${cancel}\\(\\)`).test(text) ? made[1] : undefined;
}

/** Why no source fits, when one in scope ends only as the function returns. */
export function endsOnReturnReason(inScope: CancellationSource[], send: Node): string | undefined {
  for (const s of inScope) {
    const cancel = endsOnlyOnReturn(s, send);
    if (cancel) return `${s.expr} is made here from an empty context and cancelled only as the function returns (defer ${cancel}()): it never ends while this send waits, and a select on it would add a branch that never runs`;
  }
  return undefined;
}

/**
 * A context the function makes with a deadline of its own for work before the send, and uses no
 * more after it (`probeCtx, cancel := context.WithTimeout(ctx, 3*time.Second)` for an endpoint
 * probe): by the send it has often run out, and a select on it would give up at once (sealos'
 * image save, which dropped its images and its error). Another source in scope is taken instead,
 * when there is one.
 */
function madeForEarlierStep(source: CancellationSource, send: Node): boolean {
  if (source.kind !== 'ctx-local' || enclosingFunction(send)?.id !== source.fn.id) return false;
  const text = codeOnly(source.fn.text);
  const name = regexEscaped(source.expr);
  if (!new RegExp(`\\b${name}\\s*(,\\s*\\w+\\s*)?:?=\\s*\\w+\\.With(Timeout|Deadline)\\w*\\(`).test(text)) return false;
  // Not used after the send, nor by a statement around it (`for pollCtx.Err() == nil {`, a select on it).
  const used = new RegExp(`(?<![\\w.])${name}\\b`);
  const around = ancestors(send).filter((a) => contains(source.fn, a) && a.id !== source.fn.id && a.type !== 'block' && a.type !== 'statement_list');
  if (around.some((a) => used.test(codeOnly(a.text.slice(0, Math.max(0, send.startIndex - a.startIndex)))))) return false;
  return !used.test(codeOnly(source.fn.text.slice(send.endIndex - source.fn.startIndex)));
}
