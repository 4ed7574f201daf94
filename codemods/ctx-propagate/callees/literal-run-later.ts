import type { FileContext } from '../../../src/engine/types.js';
import { isContextType, type CancellationSource } from '../../../src/go/cancellation.js';
import { calledName } from '../../../src/go/called-functions.js';
import { codeOnly } from '../../../src/go/find-by-text.js';
import { importName, importSpecs, contextPackageName } from '../../../src/go/imports.js';
import { nameWords } from '../../../src/go/name-words.js';
import { ancestors, contains, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';
import { LAUNCHES } from '../../../src/go/launched.js';
import { REGISTERS } from '../../../src/go/registering-calls.js';

// A function literal taking a context of its own, handed together with a context to a call that
// keeps both to run the literal later (a timer's `gtimer.AddSingleton(ctx, interval, func(ctx
// context.Context) { … })`, a launcher's `gutil.Go(ctx, func(ctx context.Context) { … }, nil)`):
// the context the literal gets is the one handed in, kept beyond the call that handed it, and an
// empty context in the literal was chosen apart from it (gf's session storage, whose TTL updates,
// given the constructor's ctx, failed on every tick once it was done).

/** A call named for running a function on a timer: `Add`, `AddSingleton`, `AddOnce`, `AddTimes`, `AddFunc`, `AddJob`, `Every`, `After`, `AfterFunc` (gf's gtimer and gcron, robfig's cron). */
const TIMER = /^(Add|AddSingleton|AddOnce|AddTimes|AddFunc|AddJob|Every|After|AfterFunc)$/;

/** After the call, the function waits for what it ran (`g.Wait()`, `<-ctx.Done()`): as ../outlives/launched-literal.ts. */
const WAITS = /\.(Wait|StopWait|StopAndWait|WaitAll)\w*\(|\.Done\(\)/;

/**
 * An argument naming a context that may end: `ctx`, `s.ctx`, `reqCtx`, `r.Context()`,
 * `context.WithoutCancel(ctx)`, `p.ComponentContext(ctx)`; not `context.Background()` or `context.TODO()`, never done (gf's
 * Redis session storage hands its timer one: given it, the literal's calls change nothing).
 */
function namesContext(arg: Node, contextPkg: string): boolean {
  if (arg.type === 'call_expression') {
    const fn = arg.childForFieldName('function')!;
    if (fn.text === `${contextPkg}.Background` || fn.text === `${contextPkg}.TODO`) return false;
    if (fn.text.startsWith(`${contextPkg}.`) || (fn.type === 'selector_expression' && fn.childForFieldName('field')!.text === 'Context')) return true;
    // A context made from one by a call named for it (`policyDef.ComponentContext(ctx)`,
    // `metadata.NewOutgoingContext(ctx, md)`: dapr's subscription handler).
    const name = calledName(fn)?.name ?? '';
    return /Context/.test(name) && (arg.childForFieldName('arguments')?.namedChildren ?? []).some((a) => namesContext(a, contextPkg));
  }
  if (arg.type !== 'identifier' && arg.type !== 'selector_expression') return false;
  const last = arg.type === 'identifier' ? arg.text : arg.childForFieldName('field')!.text;
  return /^(ctx|context)$/i.test(nameWords(last).at(-1) ?? '');
}

/** The callee is code goconc does not see: a function of another package (`gutil.Go`), or a method or function the package does not declare. */
function unseen(callee: Node, ctx: FileContext): boolean {
  const operand = callee.type === 'selector_expression' ? callee.childForFieldName('operand') : undefined;
  if (operand?.type === 'identifier' && importSpecs(ctx.tree).some((s) => (s.alias ?? importName(s.path)) === operand.text)) return true;
  const named = calledName(callee);
  return !!named && ctx.packageIndex().functionsNamed(named.name, named.method).length === 0;
}

/**
 * Why a call in such a literal should not be given the literal's context parameter or an outer
 * context: the literal takes a context, is an argument of a call of another package or unseen
 * (LAUNCHES, REGISTERS, TIMER by its name) that is handed a context beside it, and the function
 * does not wait after that call. A literal handed to a helper that runs it there and then
 * (`retry.Do(ctx, func(ctx context.Context) error { … })`, `db.Tx`, `t.Run`) is not one.
 */
export function literalRunLater(call: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  if (source.kind !== 'ctx-param' && source.kind !== 'ctx-local') return undefined;
  const contextPkg = contextPackageName(ctx.tree);
  if (!contextPkg) return undefined;
  for (const literal of ancestors(call).filter((a) => a.type === 'func_literal')) {
    if (!contains(source.fn, literal)) break;
    const params = literal.childForFieldName('parameters')?.namedChildren ?? [];
    if (!params.some((p) => p.childForFieldName('type') && isContextType(p.childForFieldName('type')!, contextPkg))) continue;
    const keeper = keptWithContext(literal, contextPkg, ctx);
    if (!keeper) continue;
    const { given, callee, name, handed } = keeper;
    const fn = enclosingFunction(given);
    if (fn && WAITS.test(codeOnly(fn.text.slice(given.endIndex - fn.startIndex)))) return undefined;
    return `the call is in a function literal handed to ${callee.text}(…) with ${handed.text}, which keeps both to run the literal later (${how(name)}): the context the literal gets is ${handed.text}, kept beyond ${callee.text}(…), and ${call.text} was chosen apart from it; given ${source.expr}, this call would fail once ${handed.text} is done, on every run after (${example(name)})`;
  }
  return undefined;
}

/**
 * The same for a function or method of the package handed as a value (`gtimer.AddSingleton(ctx,
 * interval, s.timelyUpdateSessionTTL)`): the call is in its own body, its context is the one
 * handed in beside it, kept for every later run.
 */
export function functionValueRunLater(call: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const fn = source.fn;
  const name = fn.childForFieldName('name')?.text;
  const contextPkg = contextPackageName(ctx.tree);
  if (source.kind !== 'ctx-param' || !name || !contextPkg || (fn.type !== 'method_declaration' && fn.type !== 'function_declaration')) return undefined;
  if (ancestors(call).some((a) => a.type === 'func_literal' && contains(fn, a))) return undefined;
  const method = fn.type === 'method_declaration';
  const value = new RegExp(method ? `\\.${name}\\b(?!\\s*[(\\w])` : `(?<![\\w.])${name}\\b(?!\\s*[(\\w])`, 'g');
  for (const node of ctx.packageIndex().nodesMatching(value, () => (method ? 1 : 0))) {
    const keeper = method ? node.parent && keptWithContext(node.parent, contextPkg, ctx) : keptWithContext(node, contextPkg, ctx);
    if (!keeper) continue;
    const { callee, name: called, handed } = keeper;
    return `${name} is handed, as a function value, to ${callee.text}(…) with ${handed.text}, which keeps both to run it later (${how(called)}): the context ${name} gets is ${handed.text}, kept beyond ${callee.text}(…), and ${call.text} was chosen apart from it; given ${source.expr}, this call would fail once ${handed.text} is done, on every run after (${example(called)})`;
  }
  return undefined;
}

/**
 * The call a function value is an argument of, when it keeps the value to run later with a
 * context handed beside it: named for a timer, a launcher or a registration, of another package or
 * one the package does not declare. The call, its callee and name, and that context.
 */
function keptWithContext(value: Node, contextPkg: string, ctx: FileContext): { given: Node; callee: Node; name: string; handed: Node } | undefined {
  const given = value.parent?.type === 'argument_list' ? value.parent.parent : undefined;
  const callee = given?.type === 'call_expression' ? given.childForFieldName('function') : undefined;
  const name = callee ? calledName(callee)?.name : undefined;
  if (!given || !callee || !name || (!TIMER.test(name) && !LAUNCHES.test(name) && !REGISTERS.test(name))) return undefined;
  const handed = given.childForFieldName('arguments')!.namedChildren.find((a) => !same(a, value) && namesContext(a, contextPkg));
  return handed && unseen(callee, ctx) ? { given, callee, name, handed } : undefined;
}

function how(name: string): string {
  return TIMER.test(name) ? 'on a timer' : LAUNCHES.test(name) ? 'on its own, in the background' : 'on each event';
}

function example(name: string): string {
  return TIMER.test(name) ? 'a timer run with a constructor\'s context fails on every tick once it is done' : 'work run in the background with a request\'s context is cut off as the request is answered';
}
