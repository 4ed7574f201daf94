import type { CancellationSource } from '../../../src/go/cancellation.js';
import { usedOnlyBeforeGo } from '../../../src/go/setup-only-context.js';
import { ancestors, contains, type Node } from '../../../src/go/syntax.js';
import { nameWords } from '../../../src/go/name-words.js';

/** A goroutine its spawner returns without waiting for, and the spawner's context parameter (outlived-spawner.ts). */
export interface OutlivingGoroutine {
  source: CancellationSource;
  spawner: Node;
  go: Node;
  literal: Node;
}

/**
 * The send is in a goroutine that outlives its spawner (nothing there waits for it), the only
 * source is the spawner's own context parameter, and that context serves only the set-up: the
 * spawner hands it to calls before the go statement and nowhere after (`p.PubSub.Subscribe(ctx,
 * "__updates")`), none of them making a context from it (`context.WithCancel(ctx)`), and the
 * goroutine never names it (no `ctx.Done()`, no call given it), nor what those calls give, errors
 * aside (`resp, err := cli.post(ctx, …)`, then `go func() { …resp.Body… }()`: a response, a stream
 * the context may still bound, moby's ContainerWait, keeps the fix). The caller may cancel it as soon as
 * the spawner returns (a set-up timeout: maddy's Init, `defer cancel()`), and a select on it would
 * then give up the send for good, and the goroutine with it. A goroutine that uses the context
 * itself keeps the fix: its author made it the goroutine's lifetime. The reason, if so.
 */
export function setupOnlyReason(send: Node, outliving: OutlivingGoroutine, fnName: string): string | undefined {
  const { source, go, literal } = outliving;
  const used = usedOnlyBeforeGo(go, literal, source.expr);
  if (!used || !used.uses.every((id) => setupArgument(id))) return undefined;
  if (used.uses.some((id) => resultUsedIn(id, literal))) return undefined;
  const loop = ancestors(send).some((a) => a.type === 'for_statement' && contains(literal, a));
  const ends = loop ? ', and the loop around it with it' : '';
  return `${source.expr} is given only for the set-up before the goroutine starts (${used.setup}), and the goroutine never names it: the goroutine outlives ${fnName}, which returns without waiting for it, and a caller may cancel ${source.expr} once ${fnName} returns (a set-up timeout), and a select on it would then give up the send for good${ends}`;
}

/** An argument of a call (`Subscribe(ctx, key)`) that makes no context from it (`context.WithCancel(ctx)`). */
function setupArgument(id: Node): boolean {
  const call = id.parent?.type === 'argument_list' ? id.parent.parent : undefined;
  return call?.type === 'call_expression' && !/^context\.With/.test(call.childForFieldName('function')?.text ?? '');
}

/** The goroutine names a result of the statement handing on the context (`resp` of `resp, err := cli.post(ctx, …)`), an error aside. */
function resultUsedIn(id: Node, literal: Node): boolean {
  const stmt = ancestors(id).find((a) => ['short_var_declaration', 'assignment_statement', 'var_spec', 'block'].includes(a.type));
  if (!stmt || stmt.type === 'block') return false;
  const left = stmt.type === 'var_spec' ? stmt.namedChildren.filter((c) => c.type === 'identifier') : stmt.childForFieldName('left')?.namedChildren ?? [];
  const named = new Set([...literal.descendantsOfType(['identifier', 'selector_expression'])].map((n) => n.text));
  return left.some((l) => l.text !== '_' && !/^err(or)?$/i.test(nameWords(l.text).at(-1) ?? '') && named.has(l.text));
}
