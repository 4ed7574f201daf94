import type { CancellationSource } from '../../../src/go/cancellation.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, contains, rootName, unparen, type Node } from '../../../src/go/syntax.js';
import { waitsForGoroutine } from './spawner-cancels.js';
import { goroutineBody } from './goroutine-body.js';
import { ownTimeout } from './source-order.js';
import { setupOnlyReason, type OutlivingGoroutine } from './setup-only-context.js';

/**
 * The send is in a goroutine that a function starts and returns without waiting for (gvisor's
 * `Init.start`: `go func() { status, _ := p.runtime.Wait(…); ExitCh <- Exit{…} }(); return nil`),
 * the source is that function's own context parameter (a request's: done once the request is
 * answered, long before the goroutine sends), no receiver field offers a lasting one, and the
 * channel is not the function's own (a package-level variable, or a field not of a local): its
 * reader is elsewhere and may be slow. A select on the parameter would drop the value whenever the
 * channel is full. Left out: a goroutine that watches the parameter itself (`ctx.Done()`,
 * `ctx.Err()`): its author made it the goroutine's lifetime; and a spawner that goes on after the
 * go statement with a loop, a select, a receive or a wait (it serves until the context ends).
 * A literal handed to the call the go statement starts (`go PanicRecovery(errs, func() { … })`)
 * is the goroutine's body too. The reason, if so; for a channel of the function's own (a parameter),
 * the reason when the context served only the set-up before the go statement (setup-only-context.ts).
 */
export function outlivedSpawnerReason(send: Node, sources: CancellationSource[]): string | undefined {
  const outliving = outlivingGoroutine(send, sources);
  if (!outliving) return undefined;
  const { source, spawner } = outliving;
  const chan = unparen(send.childForFieldName('channel')!);
  const name = spawner.childForFieldName('name')?.text;
  const fnName = name ? `${name}()` : 'the function literal';
  if (!notOwnChannel(chan, send) && !capturedFromOutside(chan, send, spawner)) return setupOnlyReason(send, outliving, fnName);
  return `the goroutine outlives ${fnName}, which returns without waiting for it, and ${source.expr} is ${fnName}'s own, which may end once it returns (a request's does): it may be done by the time the goroutine sends, and a select on it would drop the value whenever ${chan.text} is full`;
}

/** The goroutine, its go statement and spawner, and the spawner's context parameter, as above but whatever the channel. */
function outlivingGoroutine(send: Node, sources: CancellationSource[]): OutlivingGoroutine | undefined {
  // A timeout the spawner sets itself (`hctx, cancel := context.WithTimeout(ctx, d)`) is no source: the parameter is still the one chosen.
  const source = sources.find((s) => !ownTimeout(send, s));
  if (source?.kind !== 'ctx-param' || sources.some((s) => s.kind === 'ctx-field' || s.kind === 'done-field')) return undefined;
  const spawner = source.fn;
  const go = [...ancestors(send)].reverse().find((a) => a.type === 'go_statement' && contains(spawner, a));
  const literal = go ? goroutineBody(go, send) : undefined;
  if (!go || literal?.type !== 'func_literal' || !contains(literal, send)) return undefined;
  // The go statement is the spawner's own, not one inside another function literal of it.
  if (ancestors(go).find((a) => a.type === 'func_literal' || a.type === 'function_declaration' || a.type === 'method_declaration')?.id !== spawner.id) return undefined;
  if (new RegExp(`\\b${regexEscaped(source.expr)}\\.(Done|Err)\\(`).test(literal.text)) return undefined;
  if (waitsForGoroutine(spawner, go) || goesOnAfter(spawner, go)) return undefined;
  return { source, spawner, go, literal };
}

/** A package-level variable (`ExitCh`), or a field (`s.events`) of no local of the function. */
export function notOwnChannel(chan: Node, send: Node): boolean {
  if (chan.type === 'identifier') return !declarationOf(chan.text, send);
  if (chan.type !== 'selector_expression') return false;
  const root = rootName(chan);
  const found = root ? declarationOf(root.text, send) : undefined;
  return !!root && (!found || 'param' in found);
}

/**
 * A channel the spawner, a function literal, captures from a function around it (hertz's OnRun
 * hook sending on `errChan`, a parameter of `initOnRunHooks`): not the spawner's own either.
 */
function capturedFromOutside(chan: Node, send: Node, spawner: Node): boolean {
  const found = chan.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  if (!found || spawner.type !== 'func_literal') return false;
  return 'param' in found ? !contains(spawner, found.param.fn) : !contains(spawner, found.local.decl);
}

/** After the go statement, the spawner loops, selects, receives or waits: it does not return at once. */
function goesOnAfter(spawner: Node, go: Node): boolean {
  const body = spawner.childForFieldName('body');
  if (!body) return true;
  const after = (n: Node) => n.startIndex > go.endIndex && contains(body, n);
  if (ancestors(go).some((a) => a.type === 'for_statement' && contains(body, a))) return true;
  if (['for_statement', 'select_statement'].some((t) => body.descendantsOfType(t).some(after))) return true;
  return body.descendantsOfType('unary_expression').some((u) => after(u) && u.childForFieldName('operator')?.text === '<-');
}
