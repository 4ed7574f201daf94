import type { FileContext } from '../../src/engine/types.js';
import { declarationOf, localClosure } from '../../src/go/scope.js';
import { contains, statementsOf, unparen, type Node } from '../../src/go/syntax.js';
import { calledName, calledTextWhere } from '../../src/go/called-functions.js';
import { isContextType, isDoneChannelType } from '../../src/go/cancellation.js';
import { contextPackageName } from '../../src/go/imports.js';
import { boundChosen } from './network.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { nameWords } from '../../src/go/name-words.js';
import { packageShowsCall } from '../../src/go/interface-calls.js';

// Calls a goroutine makes to code the package does not show, whose names alone say a bound could
// stall the loop. `called`: the functions the goroutine calls (its own, or those in its literal).

/**
 * A call to a function the package does not declare, whose name says it runs until stopped:
 * `link.stubs[i].Run(toxic)`, `s.readLoop()`, `w.Start()`, `comp.Receive()` (a receive loop until its stream closes). As written, e.g. `link.stubs[i].Run()`.
 * `spawner`: the function the loop is in. `firmly`: only names that say so beyond doubt
 * (`Watch`, `Until`), not those a task's one run may take (`Run`, `Start`).
 */
export function unseenWorker(called: Node[], spawner: Node, ctx: FileContext, firmly = false): string | undefined {
  for (const callee of called) {
    const named = calledName(callee);
    // `time.Until(at)`: a duration, not a worker.
    if (!named || callee.text.startsWith('time.')) continue;
    const { name, method } = named;
    const words = nameWords(name).map((w) => w.toLowerCase());
    if (!words.some((w) => (firmly ? FOR_GOOD_WORDS : WORKER_WORDS).has(w))) continue;
    // `conn.Recv()` taken as a message receives one, `ln, err := net.Listen(…)` opens a listener
    // and returns: only such a call whose one result (an error) is all it gives is a loop.
    if (words.some((w) => ONE_SHOT_WORDS.has(w)) && !words.some((w) => WORKER_WORDS.has(w) && !ONE_SHOT_WORDS.has(w)) && givesValues(callee)) continue;
    // One the package declares is judged by its body; not the spawner itself (\`func (m *Manager)
    // Run() { for _, mgr := range m.mgrs { go mgr.Run() } }\`: the items' Run, of another type).
    // Not through an interface or another package's type (`s.worker.Run()`, `worker Runner`): the package's method of the name need not be it.
    if (packageShowsCall(callee, name, method, ctx.packageIndex(), spawner)) continue;
    return `${callee.text}()`;
  }
  return undefined;
}

/** Words that name a function running until something stops it. */
const WORKER_WORDS = new Set(['run', 'start', 'serve', 'listen', 'loop', 'watch', 'poll', 'pump', 'pipe', 'worker', 'daemon', 'forever', 'until', 'receive', 'recv']);
/** Words of a call that may as well return once it has one thing: a message received, a listener opened. */
const ONE_SHOT_WORDS = new Set(['receive', 'recv', 'listen']);

/** A call whose results include more than an error: `v, err := conn.Recv()`, `for msg := range s.Receive()`. */
function givesValues(callee: Node): boolean {
  const call = callee.parent;
  const use = call?.parent;
  if (use?.type === 'expression_statement') return false;
  const list = use?.type === 'expression_list' ? use.parent : undefined;
  const left = list?.type === 'assignment_statement' || list?.type === 'short_var_declaration' ? list.childForFieldName('left') : undefined;
  return !left || left.namedChildCount > 1;
}
const FOR_GOOD_WORDS = new Set(['serve', 'listen', 'loop', 'watch', 'pump', 'daemon', 'forever', 'until']);

/**
 * A method the package does not declare, named like handing over a message (`SendMessage`,
 * `Produce`, `Publish`, `Enqueue`…), called on one value every goroutine shares (declared before
 * the loop): a producer may hold each call until it has gathered a batch (sarama's SyncProducer
 * with Flush.Messages), so fewer calls at once can leave every one of them waiting. As written,
 * e.g. `p.SendMessage()`.
 */
export function sharedBatchingCall(called: Node[], loop: Node, ctx: FileContext): string | undefined {
  for (const callee of called) {
    if (callee.type !== 'selector_expression') continue;
    const name = callee.childForFieldName('field')!.text;
    if (!BATCHING.test(name)) continue;
    let root = unparen(callee.childForFieldName('operand')!);
    while (root.type === 'selector_expression') root = unparen(root.childForFieldName('operand')!);
    if (root.type !== 'identifier') continue;
    // Shared: a parameter, or a local declared before the loop (not one per iteration or goroutine).
    const found = declarationOf(root.text, callee);
    const shared = found && ('param' in found || !contains(loop, found.local.decl));
    if (!shared || packageShowsCall(callee, name, true, ctx.packageIndex())) continue;
    return `${callee.text}()`;
  }
  return undefined;
}

const BATCHING = /^(Send|Produce|Publish|Enqueue|Submit)([A-Z]\w*)?$/;

/**
 * `go x.Do(ctx)`: a method the package does not declare, or a function value (`go r(ctx)` over
 * `s.runners`), given nothing but a context (a parameter or local of type `context.Context`, or
 * one made by `context.With…`) or a stop channel (`ctx.Done()`, a `<-chan struct{}`: `go
 * inf(stop)`, an informer's `Run`). Work that takes only a way to stop usually runs until it is
 * stopped (remark42's per-site `backup.Do(ctx)`, a ticker loop; prometheus-operator's certificate
 * reloaders, bounded, kept its web server from starting). As written, e.g. `backup.Do(ctx)`.
 */
export function contextOnlyTask(go: Node, ctx: FileContext): string | undefined {
  return contextOnlyCall(go.namedChild(0), go, ctx);
}

/**
 * The same, for the one call a goroutine's literal makes (deferred calls aside): `wg.Go(func() {
 * ipUpdater.Run(ctx) })` (kube-vip's DNS updaters, which run until the service stops: bounded, a
 * VIP after them was never brought up).
 */
export function contextOnlyBody(literal: Node, go: Node, ctx: FileContext): string | undefined {
  const stmts = statementsOf(literal.childForFieldName('body')).filter((c) => c.type !== 'comment' && c.type !== 'defer_statement');
  return stmts.length === 1 && stmts[0].type === 'expression_statement' ? contextOnlyCall(stmts[0].namedChild(0), go, ctx) : undefined;
}

function contextOnlyCall(call: Node | null, go: Node, ctx: FileContext): string | undefined {
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  const args = call?.childForFieldName('arguments')?.namedChildren ?? [];
  // `ctx.Done()`: a stop channel handed on (an informer's `inf.Run(ctx.Done())`).
  const doneCall = args[0]?.type === 'call_expression' && /\.Done$/.test(args[0].childForFieldName('function')?.text ?? '') && args[0].childForFieldName('arguments')?.namedChildCount === 0;
  if (args.length !== 1 || (args[0].type !== 'identifier' && !doneCall)) return undefined;
  // A function value: a local or parameter of the function, not one the package declares.
  const value = callee?.type === 'identifier' && !!declarationOf(callee.text, go);
  if (callee?.type !== 'selector_expression' && !value) return undefined;
  const found = doneCall ? undefined : declarationOf(args[0].text, go);
  const pkg = contextPackageName(ctx.tree);
  const typed = found && ('param' in found ? found.param.typeNode : found.local.typeNode);
  const made = found && 'local' in found && !!pkg && new RegExp(`^${pkg}\\.(With\\w+|Background|TODO)\\(`).test(found.local.value?.text ?? '');
  const isContext = (typed && (isContextType(typed, pkg) || isDoneChannelType(typed))) || made || doneCall;
  if (!isContext || (!value && packageShowsCall(callee!, callee!.childForFieldName('field')!.text, true, ctx.packageIndex()))) return undefined;
  return call!.text;
}

/** Calls given a context that do not wait: logging, tracing, context plumbing. */
const CONTEXT_PLUMBING = /(^|\.)(G|L|Acquire\w*|(Log|Info|Debug|Warn|Warning|Error|Trace|Print|Fatal)(f|ln|w|Context|Ctx)?|Start(Span)?|\w*Span|With\w*|Value|\w*FromContext|\w*NewContext|Err|Done|Deadline|Cause|Inc|Add|Observe|Set|Record\w*)$|^(log|klog|slog|fmt)\./;

/**
 * The goroutine's own code hands a context to code the package does not show (an interface's
 * method, another package's function, a function value): `p.logoProvider.GetLogoURL(ctx, …)`,
 * `fun(ctx, component)`, `ex.roomManager.DeleteRoom(ctx, room)`. Work given a context usually
 * waits (on the network, a subprocess, another service), and the default bound, the number of
 * CPUs, says nothing of how many may wait at once (drone's lifecycle commands, kwok's container
 * stops, pomerium's logo lookups, maestro's room deletes ran in turns). Undefined when max-concurrency chose the bound.
 * The call, as written up to its paren.
 */
export function unseenCallGivenContext(bodies: { body: Node; via?: string }[], called: Node[], ctx: FileContext): string | undefined {
  if (boundChosen(ctx)) return undefined;
  // The goroutine's own code and the package's functions it runs (`daemon.containerStart(ctx, …)`,
  // which hands the context to `libcontainerd.ReplaceContainer`: moby's swarm container autostart).
  for (const { body } of bodies) {
    for (const call of body.descendantsOfType('call_expression')) {
      const args = call.childForFieldName('arguments')?.namedChildren ?? [];
      if (!args.some((a) => /^\w*(ctx|Ctx|[cC]ontext)$|^context\.(TODO|Background)\(\)$/.test(a.text))) continue;
      const callee = call.childForFieldName('function')!;
      if (CONTEXT_PLUMBING.test(callee.text)) continue;
      const named = calledName(callee);
      // A local closure (`buildFS := func(…) {…}`) is code the package shows, read among the bodies.
      if (!named || localClosure(callee, call) || packageShowsCall(callee, named.name, named.method, ctx.packageIndex())) continue;
      return `${callee.text}(…)`;
    }
  }
  // The package's functions it runs that show no wait by their text, read by text (`RunJobAndCleanup(…)`,
  // whose `Jobs(ns).Create(context.Background(), …)` and poll wait on the API server: openyurt's
  // servant jobs ran in turns).
  const index = ctx.packageIndex();
  const unseenIn = (text: string) =>
    [...text.matchAll(CONTEXT_GIVEN)].find((m) => !CONTEXT_PLUMBING.test(`.${m[2]}`) && ((index.functionsNamed(m[2], true).length === 0 && index.functionsNamed(m[2], false).length === 0) || onOtherPackagesField(text, m[1], index)))?.[2];
  let name: string | undefined;
  const reached = calledTextWhere(called, index, (text) => (name = unseenIn(text)) !== undefined);
  return reached ? `${name}(…), in ${reached.via}` : undefined;
}

/** A call of an exported name given a context first: `.Create(context.Background(), …`, `wait.PollUntilContextTimeout(ctx, …`; with what it is called on. */
const CONTEXT_GIVEN = /([\w.]*)\.([A-Z]\w*)\(\s*(?:\w*(?:ctx|Ctx)|context\.(?:TODO|Background)\(\))\s*[,)]/g;

/**
 * A method called on a field of the function's receiver whose type is another package's
 * (`g.runner.RunOnce(ctx)`, `runner runner.Group`): code this package does not show, whatever
 * methods of that name the package has (infrastructure-agent's `Manager.RunOnce`).
 */
function onOtherPackagesField(text: string, operand: string, index: PackageIndex): boolean {
  const receiver = /^func\s*\(\s*(\w+)\s+\*?(\w+)/.exec(text);
  const [name, field, ...rest] = operand.split('.');
  if (!receiver || name !== receiver[1] || !field || rest.length > 0) return false;
  const type = index.fieldsOf(receiver[2]).find((f) => f.name === field)?.type.replace(/^\*/, '');
  return !!type && /^\w+\.\w+$/.test(type);
}
