import type { CancellationSource } from '../../../src/go/cancellation.js';
import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { closureName, contains, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { isDetached } from '../../../src/go/detached.js';

/**
 * A goroutine the spawner does not wait for, whose code never names the context but to log with
 * it: `a` is its
 * function literal (`go func() {…}()`), or its go statement when the call is one of its arguments
 * (`go run(context.Background())`).
 */
export function detachedApart(a: Node, call: Node, expr: string): boolean {
  const go = a.type === 'go_statement' ? a : a.type === 'func_literal' && a.parent?.type === 'call_expression' ? a.parent.parent : a.type === 'func_literal' ? startedByName(a) : undefined;
  if (go?.type !== 'go_statement' || !isDetached(go)) return false;
  const spawned = go.namedChild(0)?.childForFieldName('function');
  let code = a.type === 'go_statement' && spawned?.type === 'func_literal' && contains(spawned, call) ? spawned.text : a.text;
  // A literal with a context of its own by that name (`go func(ctx context.Context, id string) {…}(context.TODO(), id)`,
  // or `ctx, cancel := context.WithTimeout(context.TODO(), d)` first): its uses are not of `expr`.
  const literal = spawned?.type === 'func_literal' ? spawned : a.type === 'func_literal' ? a : undefined;
  if (literal && ownContextNamed(literal, expr)) code = code.replace(literal.text, '');
  // A context handed to a logger only gives it fields (`logger.Infof(ctx, …)`): the goroutine's work
  // does not stop with it (flyteadmin's cloud events, published after the request returned).
  return !usedBeyondLogging(code, expr);
}

/** A logging call given the context first (`logger.Infof(ctx, …)`, `log.Error(ctx)`), as a pattern's source. */
const loggedWith = (e: string) => `(?<![\\w.])(?:[\\w.]*\\.)?(?:\\w*[lL]og\\w*|Debug\\w*|Info\\w*|Warn\\w*|Error\\w*|Trace\\w*)\\(\\s*${e}\\s*[,)]`;

function usedBeyondLogging(code: string, expr: string): boolean {
  const logged = new RegExp(loggedWith(regexEscaped(expr)), 'g');
  return new RegExp(`(?<![\\w.])${regexEscaped(expr)}\\b`).test(codeOnly(code).replace(logged, ''));
}

/**
 * The same for a goroutine's own context parameter, handed the spawner's context and never used
 * but to log with (`go func(ctx context.Context, id string) {… seed.Trigger(context.Background(),
 * id) …}(ctx, id)`: dragonfly's seed-peer download, meant to go on after the announcing stream
 * that started it ended).
 */
export function detachedParam(call: Node, source: CancellationSource): boolean {
  const literal = source.fn;
  const go = literal.type === 'func_literal' && literal.parent?.type === 'call_expression' ? literal.parent.parent : undefined;
  if (source.kind !== 'ctx-param' || go?.type !== 'go_statement' || !isDetached(go) || !contains(literal, call)) return false;
  return !usedBeyondLogging(literal.childForFieldName('body')?.text ?? '', source.expr);
}

/** The reason given for a call in a goroutine `detachedApart` or `detachedParam` tells of. */
export function detachedReason(call: Node, source: CancellationSource): string {
  return `${call.text} is given to a goroutine that nothing waits for and that does not use ${source.expr} otherwise: it may be meant to outlive ${source.expr} (a connection's accept loop, a watcher, reports written after a request is answered), and would stop with it`;
}

/**
 * The go statement that starts a function literal kept in a local (`announce := func() {…}`,
 * then `go announce()`: Dragonfly's import announced its task after the handler returned).
 */
function startedByName(literal: Node): Node | undefined {
  const name = closureName(literal);
  const fn = name ? enclosingFunction(literal) : undefined;
  return fn?.descendantsOfType('go_statement').find((g) => g.startIndex > literal.endIndex && g.namedChild(0)?.childForFieldName('function')?.text === name);
}

/**
 * How the function is started, when every call of it in the package starts it as a goroutine
 * nothing waits for (`go m.emitScheduledWorkflowMetrics(ctx, …)`, its only call): the function
 * runs after its callers return, and its own roots may be meant to outlive their contexts
 * (flyteadmin's scheduled-workflow metrics, looked up after the request had ended). A call of its
 * own in a go func literal counts as such a start (`go func() { c.findChanges(ctx, id);
 * c.inflight.Delete(id) }()`: openfga's cache invalidation, run after the Check had answered). As
 * written, e.g. `go m.emitMetrics(ctx, id)`, or `go func() { … c.findChanges(ctx, id) … }()`.
 */
export function onlyStartedDetached(fn: Node, index: PackageIndex): string | undefined {
  if (fn.type !== 'function_declaration' && fn.type !== 'method_declaration') return undefined;
  const name = fn.childForFieldName('name')!.text;
  const method = fn.type === 'method_declaration';
  const calls = index.callsNamed(name).filter((c) => {
    const callee = c.childForFieldName('function')!;
    return method ? callee.type === 'selector_expression' : callee.type === 'identifier';
  });
  // Not when something waits for it after all: a group it is handed, a wait handed on (`t.Cleanup(wg.Wait)`).
  if (/\bsync\.WaitGroup\b/.test(fn.childForFieldName('parameters')!.text)) return undefined;
  const waitedAfter = (go: Node) => /\.Wait\b/.test(enclosingFunction(go)?.text.slice(go.endIndex - enclosingFunction(go)!.startIndex) ?? '');
  const starts = calls.map(startOf).filter((go): go is Node => go?.type === 'go_statement' && isDetached(go) && !waitedAfter(go));
  if (calls.length === 0 || starts.length !== calls.length) return undefined;
  const first = starts[0];
  return same(first, calls[0].parent) ? firstLine(first.text) : `${firstLine(first.text).replace(/\s*…$/, '')} … ${firstLine(calls[0].text)} … }()`;
}

/**
 * The go statement that starts the call: `go f(ctx)`, or a go func literal the call is a statement
 * of, outside any other function literal (`go func() { f(ctx); wg.Done() }()`).
 */
function startOf(call: Node): Node | undefined {
  if (call.parent?.type === 'go_statement') return call.parent;
  const literal = call.parent?.type === 'expression_statement' ? enclosingFunction(call) : undefined;
  const go = literal?.type === 'func_literal' && literal.parent?.type === 'call_expression' ? literal.parent.parent : undefined;
  return go?.type === 'go_statement' ? go : undefined;
}

/**
 * A function literal that names a context of its own `expr` before any use of the outer one: a
 * parameter (`func(ctx context.Context, …)`), or its first statement naming `expr` declaring it
 * (`ctx, cancel := context.WithTimeout(context.TODO(), d)`) from a value that does not use it.
 */
function ownContextNamed(literal: Node, expr: string): boolean {
  if (!/^\w+$/.test(expr)) return false;
  const params = literal.childForFieldName('parameters')?.descendantsOfType('identifier') ?? [];
  if (params.some((p) => p.text === expr && p.parent?.type === 'parameter_declaration')) return true;
  const uses = new RegExp(`(?<![\\w.])${expr}\\b`);
  const statements = literal.childForFieldName('body')?.namedChildren.find((c) => c.type === 'statement_list')?.namedChildren ?? [];
  const first = statements.find((st) => uses.test(codeOnly(st.text)));
  if (first?.type !== 'short_var_declaration') return false;
  const declares = first.childForFieldName('left')!.namedChildren.some((n) => n.text === expr);
  return declares && !uses.test(codeOnly(first.childForFieldName('right')!.text));
}

/**
 * Why an empty context given in a function whose own context reaches nothing but its logging
 * (`logger := logrus.WithContext(ctx)…`, then `r.performJoin(context.Background(), req)`) should
 * stay: the function read its context and chose to give its work none, detaching that work from
 * the caller's end on purpose (dendrite's joins and leaves, which must finish when the client goes
 * away). Only for `context.Background()`, and for a context parameter.
 */
export function onlyLoggedWith(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' || !/^context\.Background\(\)$/.test(call.text)) return undefined;
  const body = source.fn.childForFieldName('body');
  if (!body) return undefined;
  const e = regexEscaped(source.expr);
  const logged = new RegExp(`${loggedWith(e)}|\\b(?:log\\w*|logrus|zerolog|klog|slog|logger)\\.(?:WithContext|Ctx|FromContext)\\(\\s*${e}\\s*\\)`, 'g');
  const code = codeOnly(body.text);
  const uses = code.match(logged);
  if (!uses || new RegExp(`(?<![\\w.])${e}\\b`).test(code.replace(logged, ''))) return undefined;
  return `${source.expr} reaches nothing in this function but its logging (${uses[0].trim()}): the function gives its work ${call.text} on purpose, detached from its caller's end, and given ${source.expr}, a caller going away would stop that work half-way`;
}
