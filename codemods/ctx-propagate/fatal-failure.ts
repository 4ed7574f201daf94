import { nextStatement, type Node } from '../../src/go/syntax.js';

/** `log.Fatal`, `klog.Fatalf`, `isw.log.WithError(err).Fatal`, `os.Exit`, `panic`: the process ends (a test's `t.Fatal` only ends the test). */
const EXIT_CALL = /(^|\.)(Fatal|Fatalf|Fatalln|Panic|Panicf|Panicln)$|^os\.Exit$|^panic$/;
const TEST_HANDLE = /^(t|b|tb|f)\./;

/**
 * The call given the context (`isw.cache.GetInformer(ctx, r)`) has its failure end the process:
 * `if err := call(…); err != nil { log.Fatal(…) }`, or the statement after the one taking its
 * error. Given a context that ends at shutdown, the call fails then, and a clean stop becomes a
 * crash (contour's ingress-status writer, with `--aggressive`). The exit, e.g. `isw.log.Fatal`.
 */
export function exitsOnFailure(given: Node | undefined): string | undefined {
  let stmt: Node | null | undefined = given;
  while (stmt && stmt.parent && stmt.parent.type !== 'statement_list' && stmt.parent.type !== 'block' && stmt.type !== 'if_statement') stmt = stmt.parent;
  if (!stmt) return undefined;
  const check = stmt.type === 'if_statement' ? stmt : nextStatement(stmt);
  if (check?.type !== 'if_statement' || !/\berr\w*\s*!=\s*nil\b/.test(check.childForFieldName('condition')?.text ?? '')) return undefined;
  // The error tested is the one this statement takes (or the if's own initializer).
  if (check !== stmt && !/\berr\w*\b/.test(stmt.childForFieldName('left')?.text ?? '')) return undefined;
  const consequence = check.childForFieldName('consequence');
  const exit = consequence?.descendantsOfType('call_expression').map((c) => c.childForFieldName('function')!.text).find((f) => EXIT_CALL.test(f) && !TEST_HANDLE.test(f));
  return exit;
}
