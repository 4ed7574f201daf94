import { declarationOf } from '../../src/go/scope.js';
import { contains, nextStatement, type Node } from '../../src/go/syntax.js';

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
      const found = declarationOf(left.text, assign);
      const decl = found && ('local' in found ? found.local.decl : undefined);
      if (decl && !contains(callback, decl)) return { name: left.text, what: assign === taken[0] ? 'result' : 'failure' };
    }
  }
  return undefined;
}
