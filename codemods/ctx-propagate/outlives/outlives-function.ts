import type { CancellationSource } from '../../../src/go/cancellation.js';
import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';
import { goStartsOfLocal } from './started-local-closure.js';
import { ancestors, contains, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { isDetached } from '../../../src/go/detached.js';

// Work that outlives the function whose context parameter is in scope: a goroutine the function
// starts and does not wait for, which runs on after it returns, when that context (a request's)
// is often cancelled at once (ttrpc cancels a handler's context as it returns).

/**
 * The go statement, in the function itself, that starts a function literal `node` is in, when
 * nothing waits for it, with the literal; or the first of those starting it by the local holding
 * it (`go metricTTL(t)`), when it is only ever started so and none is waited for, with that name.
 */
export function detachedGoAround(node: Node, fn: Node): { go: Node; literal: Node; local?: string } | undefined {
  const unwaited = (go: Node) => unwaitedStart(go, fn);
  for (const a of ancestors(node)) {
    if (same(a, fn)) return undefined;
    if (a.type !== 'func_literal') continue;
    const go = a.parent?.type === 'call_expression' ? a.parent.parent : groupGo(a);
    if (go?.type === 'go_statement' || go?.type === 'call_expression') return unwaited(go) ? { go, literal: a } : undefined;
    const started = same(enclosingFunction(a), fn) ? goStartsOfLocal(a) : undefined;
    return started && started.starts.every(unwaited) ? { go: started.starts[0], literal: a, local: started.name } : undefined;
  }
  return undefined;
}

/**
 * The call that starts the literal on a group's goroutine, as its only argument: `wg.Go(func() {
 * … })`, `g.Go(…)` (opentelemetry-collector's queue consumers, on `qc.stopWG.Go`, which only
 * Shutdown waits for).
 */
function groupGo(literal: Node): Node | undefined {
  const call = literal.parent?.type === 'argument_list' && literal.parent.namedChildCount === 1 ? literal.parent.parent : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  return callee?.type === 'selector_expression' && callee.childForFieldName('field')!.text === 'Go' ? call! : undefined;
}

/** A go statement of `fn` itself that `fn` does not wait for: no `Wait()` after it, nor `<-ctx.Done()`. */
export function unwaitedStart(go: Node, fn: Node): boolean {
  return same(enclosingFunction(go), fn) && isDetached(go) && !waitsOnDone(fn, go);
}

/**
 * The function waits for its context to end after starting the goroutine (`<-ctx.Done()`, a `case
 * <-ctx.Done():`): it does not return before then. Not a group's `wg.Done()` in a later goroutine.
 */
export function waitsOnDone(fn: Node, go: Node): boolean {
  return /<-\s*[\w.]+(\(\))?\.Done\(\)/.test(codeOnly(fn.text.slice(go.endIndex - fn.startIndex)));
}

/**
 * Why the call, in a goroutine the function starts and does not wait for, should not be given
 * the function's context parameter: the goroutine runs on after the function returns (gvisor's
 * shim, whose `runsc wait` for the container was killed once the Start request had ended).
 */
export function goroutineOutlivesParam(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param') return undefined;
  const around = detachedGoAround(call, source.fn);
  if (!around) return undefined;
  const { go, literal, local } = around;
  // A goroutine that stops with the context already (`for ctx.Err() == nil {…}`, `<-ctx.Done()`) is not meant to outlive it.
  if (new RegExp(`(?<![\\w.])${regexEscaped(source.expr)}\\.(Err|Done)\\(`).test(codeOnly(local ? literal.text : go.text))) return undefined;
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const what = given ? `${firstLine(given.text)}` : call.text;
  const started = local ? `the function literal ${local}, only ever started by ${firstLine(go.text)}` : firstLine(go.text);
  return `${what} runs in a goroutine the function starts and does not wait for (${started}): it runs on after the function returns, and ${source.expr}, the function's own (a request's), may end as it returns; given ${source.expr}, the call would stop then`;
}

/**
 * Why the call's result should not end with the function's context: a goroutine the function
 * starts and does not wait for uses it (`f, err := fifo.OpenFifo(context.Background(), …)`, then
 * `go func() { io.CopyBuffer(…, f, …) … }()`: containerd's fifo is closed when its context ends).
 */
export function resultUsedByDetached(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' && source.kind !== 'ctx-local') return undefined;
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const list = given?.parent?.type === 'expression_list' ? given.parent.parent : undefined;
  if (list?.type !== 'short_var_declaration' && list?.type !== 'assignment_statement') return undefined;
  // A context made from it (`context.WithCancel(context.Background())`): a root of its own, not what it opens.
  if (/^\w+\.With\w*$/.test(given!.childForFieldName('function')!.text)) return undefined;
  const names = list.childForFieldName('left')!.namedChildren.filter((n) => n.type === 'identifier' && n.text !== '_' && !/^(err|\w*Err)$/.test(n.text)).map((n) => n.text);
  const fn = enclosingFunction(list);
  if (!fn || names.length === 0) return undefined;
  for (const go of fn.descendantsOfType('go_statement')) {
    if (go.startIndex < list.endIndex || !same(enclosingFunction(go), fn) || !isDetached(go) || waitsOnDone(fn, go)) continue;
    const code = codeOnly(go.text);
    const name = names.find((n) => new RegExp(`(?<![\\w.])${regexEscaped(n)}\\b`).test(code));
    if (!name) continue;
    const use = go.descendantsOfType('call_expression').find((c) => !contains(c, go.namedChild(0)!.childForFieldName('function')!) && ((c.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.text === name) || c.childForFieldName('function')!.text.startsWith(`${name}.`)));
    const shown = use ? `go func() { ${firstLine(use.text)} … }` : firstLine(go.text);
    return `${firstLine(given!.text)}'s result ${name} is used by a goroutine the function starts and does not wait for (${shown}): given ${source.expr}, what it opens could end with ${source.expr} while that goroutine still uses it`;
  }
  return undefined;
}
