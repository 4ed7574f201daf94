import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf } from '../../../src/go/scope.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { pastSuccessReturn } from './past-success-return.js';
import { contains, ERROR_VARIABLE, nextStatement, previousStatement, statementsOf, type Node } from '../../../src/go/syntax.js';

/** `log.Fatal`, `klog.Fatalf`, `isw.log.WithError(err).Fatal`, `os.Exit`, `panic`: the process ends (a test's `t.Fatal` only ends the test). */
const EXIT_CALL = /(^|\.)(Fatal|Fatalf|Fatalln|Panic|Panicf|Panicln)$|^os\.Exit$|^panic$/;
const TEST_HANDLE = /^(t|b|tb|f)\./;

/**
 * What runs when the call given the context fails: the body of `if err := call(…); err != nil`,
 * or of the `if err != nil` right after the statement taking its error.
 */
function failureBranch(given: Node | undefined): Node | undefined {
  let stmt: Node | null | undefined = given;
  while (stmt && stmt.parent && stmt.parent.type !== 'statement_list' && stmt.parent.type !== 'block' && stmt.type !== 'if_statement') stmt = stmt.parent;
  if (!stmt) return undefined;
  const check = stmt.type === 'if_statement' ? stmt : nextStatement(stmt);
  if (check?.type !== 'if_statement' || !/\berr\w*\s*!=\s*nil\b/.test(check.childForFieldName('condition')?.text ?? '')) return undefined;
  // The error tested is the one this statement takes (or the if's own initializer).
  if (check !== stmt && !/\berr\w*\b/.test(stmt.childForFieldName('left')?.text ?? '')) return undefined;
  return check.childForFieldName('consequence') ?? undefined;
}

/**
 * The failure of the call given the context ends the process (`if err != nil { log.Fatal(…) }`).
 * Given a context that ends at shutdown, the call fails then, and a clean stop becomes a crash
 * (contour's ingress-status writer, with `--aggressive`). The exit, e.g. `isw.log.Fatal`.
 */
export function exitsOnFailure(given: Node | undefined): string | undefined {
  const branch = failureBranch(given);
  return branch?.descendantsOfType('call_expression').map((c) => c.childForFieldName('function')!.text).find((f) => EXIT_CALL.test(f) && !TEST_HANDLE.test(f));
}

/**
 * In a callback given the context (a poll's condition), the failure is kept in a variable of the
 * function around it (`lastError = errors.Wrap(err, …)`), reported once the retries give up.
 * Given the callback's context, an attempt cut off at the deadline would replace the failure it
 * meant to report with the context's (openyurt's RBAC helpers lost why the API server refused).
 * The variable's name, and whether it keeps the result or the failure.
 */
export function keptAcrossAttempts(given: Node | undefined, callback: Node): { name: string; what: 'result' | 'failure' } | undefined {
  if (callback.type !== 'func_literal') return undefined;
  // Or its results themselves, assigned to the function's variables (`res, err = c.Get(…)`, the
  // last result printed once polling gives up: antctl's traceflow showed an empty one).
  const taken = given?.parent?.type === 'expression_list' && given.parent.parent?.type === 'assignment_statement' ? [given.parent.parent] : [];
  const branch = failureBranch(given);
  for (const assign of [...taken, ...(branch?.descendantsOfType('assignment_statement') ?? [])]) {
    for (const left of assign.childForFieldName('left')?.namedChildren ?? []) {
      if (left.type !== 'identifier' || left.text === '_' || (assign !== taken[0] && assign.childForFieldName('left')!.namedChildCount !== 1)) continue;
      // A local of the function, or one of its parameters (`annp, err = c.Get(…)` in a poll's
      // condition, `annp` then returned: antrea's policy status checks returned an empty policy).
      const found = declarationOf(left.text, assign);
      const decl = found && ('local' in found ? found.local.decl : found.param.fn);
      if (decl && !contains(callback, decl)) return { name: left.text, what: assign === taken[0] ? 'result' : 'failure' };
    }
  }
  return undefined;
}

/** A call that records a failure as a lasting state: a status set, a site deactivated, an event emitted. */
const RECORDS_FAILURE = /(?:^|\.)(?:Deactivate|Disable|Degrade|Quarantine|Evict|Mark\w*(?:Failed|Unhealthy|Degraded|Down|Dead)|Set\w*(?:Status|State|Condition|Health)|Update\w*(?:Status|State|Condition|Health)|Emit\w*|Event|Eventf|Record\w*(?:Event|Failure))\w*$/;
/** A branch that tells the context's end apart from a failure of the call. */
const TELLS_CANCEL_APART = /\bCanceled\b|\bDeadlineExceeded\b|\.Err\(\)|IsCancel|isCancel/;

/**
 * The error of the call given the context (`statusErr := cluster.checkPlanetStatus(context.TODO())`)
 * feeds, later in the function, a branch (`if statusErr != nil { … }`) that records the failure
 * as a lasting state (`o.DeactivateSite(reason)`, an event emitted) without telling the context's
 * end apart: given a context cancelled at shutdown or by a client gone away, a healthy check
 * would fail and be recorded as a failure (gravity's cluster, marked degraded). The call, as written.
 */
export function recordedOnFailure(given: Node | undefined, fn: Node): string | undefined {
  const list = given?.parent?.type === 'expression_list' ? given.parent.parent : undefined;
  if (list?.type !== 'short_var_declaration' && list?.type !== 'assignment_statement') return undefined;
  const error = list.childForFieldName('left')!.namedChildren.map((n) => n.text).find((n) => ERROR_VARIABLE.test(n));
  if (!error) return undefined;
  const tested = new RegExp(`(?<![\\w.])${error}\\s*!=\\s*nil\\b`);
  for (const check of fn.descendantsOfType('if_statement')) {
    if (check.startIndex < list.endIndex || !tested.test(check.childForFieldName('condition')?.text ?? '')) continue;
    const branch = check.childForFieldName('consequence');
    if (!branch || TELLS_CANCEL_APART.test(branch.text)) continue;
    const record = branch.descendantsOfType('call_expression').find((c) => RECORDS_FAILURE.test(c.childForFieldName('function')!.text));
    if (record) return `${record.childForFieldName('function')!.text}(…)`;
  }
  return undefined;
}

/**
 * The call's failure is retried: its failure branch ends with `continue` in a loop that never
 * checks the context (`for time.Now().Before(timeout) { job, err := get(…); if err != nil {
 * time.Sleep(time.Second); continue } … }`). Given the context, once it is done every attempt
 * fails at once, and the loop spins until its own limit (nuclio's kaniko job poll: a cancelled
 * build waited out its timeout, then reported it timed out). The `continue`'s line.
 */
export function retriedOnFailure(given: Node | undefined, expr: string): string | undefined {
  const branch = failureBranch(given);
  const end = statementsOf(branch).filter((c) => c.type !== 'comment').at(-1);
  // Or `return false, nil` in a poll's condition, a poll not given the context (`wait.PollImmediate(
  // 5*time.Second, 5*time.Minute, func() (bool, error) { … })`: velero's wait for its pods).
  if (end?.type === 'return_statement' && /^return\s+false\s*,\s*nil$/.test(end.text)) return polledWithout(end, expr) ? `return false, nil, line ${end.startPosition.row + 1}` : undefined;
  if (end?.type !== 'continue_statement' || end.namedChildCount > 0) return undefined;
  let loop: Node | null = branch!.parent;
  while (loop && loop.type !== 'for_statement' && loop.type !== 'func_literal') loop = loop.parent;
  if (loop?.type !== 'for_statement') return undefined;
  // A range whose item the call is given (`for i, ki := range keys { val, err := fc.Get(…, ki) }`):
  // the `continue` moves on to the next item, it does not try again (beego's file cache GetMulti).
  const items = loop.namedChildren.find((c) => c.type === 'range_clause')?.childForFieldName('left')?.namedChildren.map((n) => n.text).filter((n) => n !== '_') ?? [];
  if (given && items.some((n) => new RegExp(`(?<![\\w.])${n}\\b`).test(given.childForFieldName('arguments')?.text ?? ''))) return undefined;
  const checks = new RegExp(`(?<![\\w.])${expr.replace(/\./g, '\\.')}\\.(Done|Err)\\(\\)`);
  return checks.test(loop.text) ? undefined : `continue, line ${end.startPosition.row + 1}`;
}

/** The function literal around `node` is a poll's condition, and the poll is not given `expr`. */
function polledWithout(node: Node, expr: string): boolean {
  let literal: Node | null = node.parent;
  while (literal && literal.type !== 'func_literal') literal = literal.parent;
  const poll = literal?.parent?.type === 'argument_list' ? literal.parent.parent : undefined;
  return !!poll && /(^|\.)Poll\w*$/.test(poll.childForFieldName('function')?.text ?? '') && !literal!.parent!.namedChildren.some((a) => a.text === expr);
}

/** Why the call must not be given the context, by what its failure leads to, if it must not. */
export function failureReason(given: Node | undefined, source: CancellationSource): string | undefined {
  const fellThrough = usedAfterFailure(given);
  if (fellThrough) {
    return `the call's failure is only reported (its branch goes on), and its result is used after it (${fellThrough}): given ${source.expr}, a call cut off by its cancellation would hand on an empty result`;
  }
  const exit = exitsOnFailure(given);
  if (exit) {
    return `the call's failure ends the process (${exit}): given ${source.expr}, it would fail once ${source.expr} is done, and a clean stop would become a crash`;
  }
  const retried = retriedOnFailure(given, source.expr);
  if (retried) {
    return `the call's failure is retried (${retried}) by a loop or poll that never checks ${source.expr}: given it, once ${source.expr} is done every attempt would fail at once, and the loop spin until its own limit`;
  }
  const recorded = recordedOnFailure(given, source.fn);
  if (recorded) {
    return `the call's error leads to ${recorded}, which records the failure as a lasting state, with no test for ${source.expr}'s end: given ${source.expr}, a call cut off by its cancellation would be recorded as a failure`;
  }
  const lastError = keptAcrossAttempts(given, source.fn);
  if (lastError) {
    return `the call's ${lastError.what} is kept in ${lastError.name}, outside this callback, to report once the attempts give up: given ${source.expr}, an attempt cut off at the deadline would replace that ${lastError.what} with ${source.expr}'s end`;
  }
  return undefined;
}

/**
 * The call's failure branch goes on (no return, continue, break, goto, panic or exit in it), and a
 * result the statement takes is used after that branch (`secret, err := Get(context.TODO(), …)`,
 * `if err != nil { log(…) }`, then `secret.Name`): a client returns an empty value with its
 * error, and the code would go on with it. The first use, as written.
 */
function usedAfterFailure(given: Node | undefined): string | undefined {
  const branch = failureBranch(given);
  const check = branch?.parent;
  if (!branch || check?.type !== 'if_statement' || check.childForFieldName('alternative')) return undefined;
  if (/\b(return|continue|break|goto|panic)\b|(^|\.)(Fatal\w*|Exit)\(/m.test(branch.text)) return undefined;
  const list = given!.parent?.type === 'expression_list' ? given!.parent.parent : undefined;
  if (list?.type !== 'short_var_declaration' && list?.type !== 'assignment_statement') return undefined;
  const results = list.childForFieldName('left')!.namedChildren.map((n) => n.text).filter((n) => n !== '_' && !ERROR_VARIABLE.test(n));
  for (let next = nextStatement(check); next; next = nextStatement(next)) {
    const use = results.map((r) => new RegExp(`(?<![\\w.])${r}\\.\\w+`).exec(next!.text)?.[0]).find(Boolean);
    if (use) return use;
  }
  return undefined;
}

/**
 * A clean-up of what failed: a name starting with closing, rolling back or aborting (\`closeStmt\`,
 * \`RollbackTx\`, \`AbortTxn\`), or ending with it after other words (\`TxRollback\`: neo4j's
 * connection, \`ForceClose\`), not \`IsClosed\` or \`Disclose\`.
 */
export const UNDOES_FAILED = /(^|\.)([cC]lose|[rR]ollback|[aA]bort)\w*$|[a-z0-9](Close|Rollback|Abort)(?:[A-Z0-9_]\w*)?$/;

/**
 * The call runs in the failure branch of another call given the context (\`if err := cn.send(ctx,
 * …); err != nil { _ = cn.closeStmt(context.TODO(), name) }\`): that failure may be the context's
 * end, and given it, this call (a clean-up of what failed) would fail at once. So too a branch of
 * any test of that error (\`err := r.doRun(ctx)\`, later \`if IsTerminatedError(err) { … } else {
 * r.task.Close(context.Background()) }\`: tiflow's event loop, whose run ends with the context).
 * With \`anyTest\` false, only the branch of \`err != nil\` (or the statements after \`if err == nil { return … }\`). The failed call, as written up to its paren.
 */
export function inFailureBranchOf(call: Node, source: CancellationSource, anyTest = true): string | undefined {
  const described = inFailureDescription(call, source);
  if (described) return described;
  for (let a = call.parent; a && a !== source.fn; a = a.parent) {
    if (a.type !== 'if_statement') continue;
    const cond = a.childForFieldName('condition')?.text ?? '';
    // `err != nil`, `werr != nil`, `saveErr != nil`; or any test naming the error.
    const named = /\b(?:err\w*|[a-z]\w*Err|[a-z]+err)\b(?!\s*\()/.exec(cond)?.[0];
    if (!named) continue;
    const plain = new RegExp(`\\b${named}\\s*!=\\s*nil\\b`).test(cond);
    if (!plain && !anyTest) continue;
    const consequence = a.childForFieldName('consequence');
    const alternative = a.childForFieldName('alternative');
    if (!(consequence && contains(consequence, call)) && (plain || !(alternative && contains(alternative, call)))) continue;
    const init = a.childForFieldName('initializer');
    // The statement setting the error: the initializer, the statement before, or (for any test) the last earlier one that sets it.
    const before: Node[] = [];
    for (let p = previousStatement(a); p && before.length < (plain ? 1 : 8); p = previousStatement(p)) before.push(p);
    const sets = (stmt: Node) => new RegExp(`\\b${named}\\b`).test(stmt.childForFieldName('left')?.text ?? '');
    // An \`if\` before sets it in its initializer or its branches (\`if val, err = fn(ctx, key); err == nil { err = set.Exec(ctx, …) }\`).
    const setters = (stmt: Node | null | undefined): Node[] =>
      !stmt ? [] : stmt.type === 'if_statement' ? [stmt.childForFieldName('initializer'), ...stmt.descendantsOfType(['assignment_statement', 'short_var_declaration'])].filter((n): n is Node => !!n && sets(n)) : sets(stmt) ? [stmt] : [];
    const setting = [init, ...(plain ? before : [before.find((b) => setters(b).length > 0)])].flatMap(setters);
    for (const stmt of setting) {
      const failed = stmt.descendantsOfType('call_expression').find((c) => (c.childForFieldName('arguments')?.namedChildren ?? []).some((arg) => arg.text === source.expr));
      if (failed) return `${failed.childForFieldName('function')!.text}(${source.expr}, …)`;
    }
  }
  // Or after an `if err == nil { return … }` of that error: past it, only the failure path runs.
  return pastSuccessReturn(call, source);
}

/** An assertion taking a description after its matcher: gomega's `Expect(x).To(Succeed(), …)`. */
const ASSERTION = /^(?:Expect|Ω|g\.Expect)\(([\s\S]*)\)\s*\.\s*(?:To|ToNot|NotTo|Should|ShouldNot)$/;

/**
 * In a function literal given to an assertion as its description (`Expect(VeleroBackupNamespace(ctx,
 * …)).To(Succeed(), func() string { RunDebug(context.Background(), …); … })`), run only when the
 * assertion fails, on a call given the context: velero's e2e tests collect a debug bundle there,
 * after the backup ran past the test's deadline. The failed call, as written up to its paren.
 */
function inFailureDescription(call: Node, source: CancellationSource): string | undefined {
  for (let a = call.parent; a && a !== source.fn; a = a.parent) {
    if (a.type !== 'func_literal' || a.parent?.type !== 'argument_list' || a.parent.namedChildren[0]?.id === a.id) continue;
    const asserted = ASSERTION.exec(a.parent.parent?.childForFieldName('function')?.text ?? '')?.[1];
    const given = asserted && new RegExp(`([\\w.]+)\\(\\s*${regexEscaped(source.expr)}\\s*[,)]`).exec(asserted);
    if (given) return `${given[1]}(${source.expr}, …)`;
  }
  return undefined;
}
