import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { declarationOf, positionalParams } from '../../../src/go/scope.js';
import { ancestors, closedChannels, contains, enclosingFunction, same, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * The send runs in a goroutine started by a function that was handed the channel
 * (`broadcastToAll(orderers, waitCh)`, its caller reads it), and the source is a context that
 * function makes and ends itself, when it returns (`defer broadcastCancel()`) or on its way, or
 * one made from it (`ctx, cancel := context.WithCancel(broadcastContext)` in the goroutine). That
 * context is done when the spawning function is, not when the caller stops reading: a select on
 * it would drop values the caller still waits for. What ends it, e.g.
 * `defer broadcastCancel() in broadcastToAll (line 80)`.
 *
 * Left out: a spawning function that waits for the goroutine (`wg.Wait()`, or a receive of its
 * own outside a select, `<-done`, from a channel that goroutine sends on or closes), which ends
 * the context only once it is done.
 */
export function cancelledBySpawner(send: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-local') return undefined;
  const chan = unparen(send.childForFieldName('channel')!);
  const handed = chan.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  if (!handed || !('param' in handed)) return undefined;
  const spawner = handed.param.fn;
  const goroutine = [...ancestors(send)].reverse().find((a) => a.type === 'go_statement' && contains(spawner, a));
  if (!goroutine || waitsForGoroutine(spawner, goroutine)) return undefined;
  let name = source.expr;
  let at = send;
  // Up the contexts each is made from, while they are locals made by context.With….
  for (let depth = 0; depth < 4; depth++) {
    const found = declarationOf(name, at);
    const made = found && 'local' in found ? contextMade(found.local.decl, name) : undefined;
    if (!made) return undefined;
    const maker = enclosingFunction(made.decl);
    const ender = made.cancel && same(maker, spawner) ? cancelCall(spawner, made.cancel) : undefined;
    if (ender) {
      const spawnerName = spawner.childForFieldName('name')?.text;
      return `${ender.text} in ${spawnerName ? `${spawnerName}()` : 'the function literal'} (line ${ender.startPosition.row + 1})`;
    }
    if (made.parent.type !== 'identifier') return undefined;
    name = made.parent.text;
    at = made.decl;
  }
  return undefined;
}

/** `name, cancel := context.WithCancel(parent, …)`: the parent given and the cancel function kept. */
function contextMade(decl: Node, name: string): { decl: Node; parent: Node; cancel?: string } | undefined {
  if (decl.type !== 'short_var_declaration' && decl.type !== 'assignment_statement') return undefined;
  const left = decl.childForFieldName('left')?.namedChildren ?? [];
  const call = decl.childForFieldName('right')?.namedChildren[0];
  if (left[0]?.text !== name || call?.type !== 'call_expression') return undefined;
  if (!/^\w+\.With(Cancel|Timeout|Deadline)\w*$/.test(call.childForFieldName('function')?.text ?? '')) return undefined;
  const parent = call.childForFieldName('arguments')?.namedChildren[0];
  if (!parent) return undefined;
  const cancel = left[1]?.type === 'identifier' && left[1].text !== '_' ? left[1].text : undefined;
  return { decl, parent: unparen(parent), cancel };
}

/** `defer cancel()` or `cancel()` in the function's own body (not in a function literal inside it). */
function cancelCall(fn: Node, cancel: string): Node | undefined {
  const calls = fn.descendantsOfType('call_expression').filter((c) => c.text === `${cancel}()` && same(enclosingFunction(c), fn));
  const statement = calls.map((c) => c.parent!).find((p) => p.type === 'defer_statement' || p.type === 'expression_statement');
  return statement;
}

/**
 * `wg.Wait()`, or a receive outside any select (`<-done`, `v := <-results`) in the function's own
 * body from a channel the goroutine sends on or closes: it waits for what that goroutine does. A
 * select with a timer (`case <-t.C:`) may not, nor a receive from a channel another goroutine
 * closes (mc's perf tests wait for their UI to quit, not for the goroutine reporting the result).
 */
export function waitsForGoroutine(fn: Node, goroutine: Node): boolean {
  if (/\.Wait\(\)/.test(fn.text)) return true;
  const signals = new Set([...goroutine.descendantsOfType('send_statement').map((s) => s.childForFieldName('channel')!.text), ...closedChannels(goroutine).map((c) => c.text)]);
  return fn.descendantsOfType('unary_expression').some((u) => {
    if (u.childForFieldName('operator')?.text !== '<-' || !same(enclosingFunction(u), fn)) return false;
    if (!signals.has(u.childForFieldName('operand')?.text ?? '')) return false;
    return !ancestors(u).some((a) => a.type === 'select_statement' && contains(fn, a));
  });
}

/**
 * The send's context and channel are parameters of a function the package starts on a goroutine
 * (`go CheckGrpcReady(ctx, errCh)`) from a function that makes that context and ends it itself
 * (`ctx, cancel := context.WithCancel(parent)`, `defer cancel()`) and was handed the channel by
 * its own caller: the context is done when the spawner returns, not when that caller stops
 * reading (milvus' gRPC readiness check, whose ready signal a clean stop of the server dropped).
 * What ends it, as cancelledBySpawner says.
 */
export function cancelledByCallingSpawner(send: Node, source: CancellationSource, index: PackageIndex): string | undefined {
  if (source.kind !== 'ctx-param' || source.fn.type !== 'function_declaration') return undefined;
  const chan = unparen(send.childForFieldName('channel')!);
  const param = chan.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  const name = source.fn.childForFieldName('name')?.text;
  if (!name || !param || !('param' in param) || !same(param.param.fn, source.fn)) return undefined;
  const names = positionalParams(source.fn);
  const [ctxAt, chanAt] = [names.indexOf(source.expr), names.indexOf(chan.text)];
  if (ctxAt < 0 || chanAt < 0) return undefined;
  for (const call of index.callsNamed(name)) {
    const spawner = enclosingFunction(call);
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const [given, handed] = [args[ctxAt], args[chanAt]].map((a) => (a ? unparen(a) : undefined));
    if (call.parent?.type !== 'go_statement' || !spawner || given?.type !== 'identifier' || handed?.type !== 'identifier') continue;
    const fromCaller = declarationOf(handed.text, call);
    const found = declarationOf(given.text, call);
    const made = found && 'local' in found ? contextMade(found.local.decl, given.text) : undefined;
    const ender = made?.cancel && same(enclosingFunction(made.decl), spawner) ? cancelCall(spawner, made.cancel) : undefined;
    if (ender && fromCaller && 'param' in fromCaller && same(fromCaller.param.fn, spawner)) {
      const spawnerName = spawner.childForFieldName('name')?.text;
      return `${ender.text} in ${spawnerName ? `${spawnerName}()` : 'the function literal'}, where it starts ${name}`;
    }
  }
  return undefined;
}
