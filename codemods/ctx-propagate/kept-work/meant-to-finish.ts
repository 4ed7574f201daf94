import { replacesContext } from '../chosen/replaced-context.js';
import { transactionEndReason } from './transaction-end.js';
import { registeredCallback } from './registered-callback.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { ancestors, closureName, contains, enclosingFunction, FUNCTION_TYPES, nextStatement, same, statementsOf, type Node } from '../../../src/go/syntax.js';

// Calls whose work is meant to finish even once the context in scope is done: given it, they
// would stop half-way, and what they undo, record or run would be left undone.

/**
 * Why the call is meant to finish, if it is: it is in a hook kept to run later (a revert), after
 * the function set the context's end aside, or it runs a process the context would kill.
 */
export function meantToFinish(call: Node, callee: string, source: CancellationSource, given?: Node): string | undefined {
  const contextFree = contextFreeForm(call, callee);
  if (contextFree) {
    return `${contextFree} is the context-free form of ${callee} (as http.NewRequest is of NewRequestWithContext): its callers chose it so as not to hand a context, and given ${source.expr} the work would end with ${source.expr}, another operation's`;
  }
  const hook = keptForLater(call, source.fn);
  if (hook) {
    return `the call is in a function literal handed to ${hook}, kept to run later (a revert, a cleanup hook): it often runs because ${source.expr} ended, and given ${source.expr} it would fail at once and leave undone what it undoes`;
  }
  const registered = registeredCallback(call, source) ?? replacesContext(call, source);
  if (registered) return registered;
  const aside = endSetAside(call);
  if (aside) {
    return `the function sets ${aside.expr}'s end aside (${aside.text}, line ${aside.row}) and goes on: what follows is meant to run once ${aside.expr} is done (a round saving what it managed), and given ${source.expr} it would fail then`;
  }
  const sentinel = given ? handledOnlyAs(given) : undefined;
  if (sentinel) {
    return `the call's failure is handled only when it is ${sentinel}, and any other goes on as a success: given ${source.expr}, its end would be such a failure (a lock taken while another holds it)`;
  }
  if (HANDS_OFF.test(callee)) {
    return `the call hands work off to run on its own (${callee}): it keeps the context it is given, and ${source.expr} may end long before that work does`;
  }
  if (PROCESS_RUNNER.test(callee) && !givenADocument(given)) {
    return `the call runs a process (${callee}): given ${source.expr}, the process would be killed once ${source.expr} is done, half-way through, where it ran to its end`;
  }
  return undefined;
}

/** A call named for handing work off to run later or on its own goroutine: `Offer`, `Enqueue`, `Submit`, `Schedule`, `Dispatch`, `Go`, or any method of a goroutine launcher (`api.GoRoutines.Exec`: cds' handlers). */
const HANDS_OFF = /(^|\.)(Offer|Enqueue|Submit|Schedule|Dispatch|Spawn|Go|\w+Async)$|(^|\.)(Get)?[Gg]o[Rr]outines?(\(\))?\.\w+$/;

/** A function that starts a process, given a context to kill it with (`shared.RunCommand`, `exec.CommandContext`, a wrapper `NewCmd`: cds' local workers). */
const PROCESS_RUNNER = /(^|\.)(([Rr]un|[Ee]xec|[Ss]tart|[Nn]ew)\w*(Command|Cmd|Process)\w*|Command(Context)?)$/;

/**
 * A call given a document for a command (\`RunCommand(ctx, bson.D{{Key: "dbStats", Value: 1}})\`: a
 * database's command, not a process): an argument that is a composite literal other than a list
 * of strings.
 */
function givenADocument(given: Node | undefined): boolean {
  return (given?.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.type === 'composite_literal' && !/^\[\]string\b/.test(a.childForFieldName('type')?.text ?? ''));
}

/** Calls that keep a function to run later: a revert's or cleanup's list, a callback registry. */
const KEEPS = /(^|\.)(Add|Append|Push|Register|Defer|AfterFunc|On[A-Z]\w*|Cleanup|AddCleanup)$|(^|\.)(revert|reverter|undo|rollback|cleanups?|teardown)s?\.\w+$/i;

/**
 * The call keeping the function literal around `call` to run later, as written up to its paren:
 * `revert.Add(func() { … })`, or `cleanup := func() { … }` then `revert.Add(cleanup)` (lxd's
 * storage reverts, run once an operation failed, often because it was cancelled).
 */
function keptForLater(call: Node, outer: Node): string | undefined {
  for (const literal of ancestors(call).filter((a) => a.type === 'func_literal')) {
    if (same(literal, outer)) break;
    const given = literal.parent?.type === 'argument_list' ? literal.parent.parent : undefined;
    const fn = given?.childForFieldName('function')?.text ?? '';
    if (KEEPS.test(fn)) return `${fn}()`;
    const name = closureName(literal);
    const scope = name ? enclosingFunction(literal) : undefined;
    const handed = scope?.descendantsOfType('identifier').find((id) => id.text === name && id.startIndex > literal.endIndex && id.parent?.type === 'argument_list' && KEEPS.test(id.parent.parent?.childForFieldName('function')?.text ?? ''));
    if (handed) return `${handed.parent!.parent!.childForFieldName('function')!.text}()`;
  }
  return undefined;
}

/**
 * Why a call in a function that stops or shuts something down, given a context as a parameter,
 * is meant to finish (lxd's `Daemon.Stop(ctx)`, whose forced stop cancels ctx before the call,
 * clears stale operations on the way); or that ends a transaction (transaction-end.ts).
 */
export function stoppingReason(call: Node, source: CancellationSource): string | undefined {
  const ending = transactionEndReason(call, source.fn, source.expr);
  if (ending) return ending;
  const stopping = source.kind === 'ctx-param' ? stoppingFunction(call, source.fn) : undefined;
  return stopping && `the function stops or shuts down (${stopping}): its ${source.expr} bounds how long it waits for what it stops and may be done already (a forced stop), while the work it does on the way is meant to finish`;
}

/** A function named for stopping something: `Stop`, `Shutdown`, `Close`, `Teardown`… */
const STOPPING = /^(stop|shutdown|close|teardown|terminate|destroy|drain)(\w*)$/i;

/** The function from the call out to the context's owner that is named for stopping, as written. */
function stoppingFunction(call: Node, outer: Node): string | undefined {
  for (const fn of ancestors(call).filter((a) => FUNCTION_TYPES.has(a.type))) {
    const name = fn.childForFieldName('name')?.text;
    if (name && STOPPING.test(name)) return `${name}()`;
    if (same(fn, outer)) break;
  }
  return undefined;
}

/**
 * A local given a context's error before the call, in the functions around it (`ctxErr :=
 * ctx.Err()`): the function notes that the context ended and goes on (lxd's heartbeat round,
 * which saves the members it managed to reach).
 */
function endSetAside(call: Node): { expr: string; text: string; row: number } | undefined {
  const top = ancestors(call).filter((a) => FUNCTION_TYPES.has(a.type)).at(-1);
  for (const decl of top?.descendantsOfType(['short_var_declaration', 'assignment_statement']) ?? []) {
    if (decl.startIndex >= call.startIndex) break;
    // A statement of its own, not an `if err := ctx.Err(); err != nil` that returns on it.
    if (decl.parent?.type !== 'block' && decl.parent?.type !== 'statement_list') continue;
    const right = decl.childForFieldName('right')?.namedChildren;
    const m = right?.length === 1 ? /^([\w.]*(?:ctx|Ctx|context))\.Err\(\)$/.exec(right[0].text) : null;
    if (m) return { expr: m[1], text: decl.text, row: decl.startPosition.row + 1 };
  }
  return undefined;
}

/**
 * The sentinel a call's failure is handled as, when it is handled only so: `if err :=
 * lock.TryLock(…); err != nil { if errors.Is(err, ErrLockNotAcquired) { … } }`, then the work
 * meant for success (sealos' debt reconciler, which a cancelled context would have started beside
 * the lock's holder). As written, e.g. `ErrLockNotAcquired`.
 */
function handledOnlyAs(given: Node): string | undefined {
  const stmt = ancestors(given).find((a) => a.type === 'if_statement' || a.parent?.type === 'block' || a.parent?.type === 'statement_list');
  if (!stmt) return undefined;
  // `if err := f(…); err != nil {…}`, or `err := f(…)` and the `if err != nil {…}` after it.
  const check = stmt.type === 'if_statement' && stmt.childForFieldName('initializer') && contains(stmt.childForFieldName('initializer')!, given) ? stmt : nextStatement(stmt);
  const err = check?.type === 'if_statement' ? /^(\w+)\s*!=\s*nil$/.exec(check.childForFieldName('condition')?.text ?? '')?.[1] : undefined;
  if (!err || check!.childForFieldName('alternative')) return undefined;
  const inner = statementsOf(check!.childForFieldName('consequence')).filter((s) => s.type !== 'comment');
  const sentinels = inner.map((s) => {
    if (s.type !== 'if_statement' || s.childForFieldName('alternative')) return undefined;
    const cond = s.childForFieldName('condition')?.text ?? '';
    return new RegExp(`^errors\\.Is\\(\\s*${err}\\s*,\\s*([\\w.]+)\\s*\\)$|^${err}\\s*==\\s*([\\w.]+)$`).exec(cond)?.slice(1).find(Boolean);
  });
  return inner.length > 0 && sentinels.every(Boolean) ? sentinels.join(' or ') : undefined;
}

/**
 * The function around the call is named as the callee without its context suffix (`Clone` calling
 * `i.CloneWithContext(context.Background(), opts)`, `Get` calling `GetCtx`): the package's
 * context-free form of it. Its name.
 */
function contextFreeForm(call: Node, callee: string): string | undefined {
  const fn = enclosingFunction(call);
  const name = fn && fn.type !== 'func_literal' ? fn.childForFieldName('name')?.text : undefined;
  const called = callee.slice(callee.lastIndexOf('.') + 1);
  return name && CONTEXT_SUFFIX.exec(called)?.[1] === name ? name : undefined;
}

/** A name ending in a context suffix: what comes before it. */
const CONTEXT_SUFFIX = /^(\w+?)(WithContext|WithCtx|Context|Ctx)$/;
