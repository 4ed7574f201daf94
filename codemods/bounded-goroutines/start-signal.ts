import type { FileContext } from '../../src/engine/types.js';
import { parametersGiven } from '../../src/go/called-functions.js';
import { nextStatement, type Node } from '../../src/go/syntax.js';

/** `started.Done()` with more work after it (not deferred, not last, not before a return). */
export function signalsStart(call: Node): boolean {
  const stmt = call.parent;
  if (stmt?.type !== 'expression_statement') return false;
  const next = nextStatement(stmt);
  // `return server.Start(ctx)` still works, `return <-ch` still waits: only a return of values already there ends it.
  return !!next && (next.type !== 'return_statement' || next.descendantsOfType('call_expression').length > 0 || next.descendantsOfType('unary_expression').some((u) => u.text.startsWith('<-')));
}

/**
 * A call that hands a name from outside the goroutine to a function of the package calling
 * `Done()` on it, the call with more work after it (`c.subscribe(nc, ch, startwg)`, whose last
 * statement is `startwg.Done()`) or the `Done()` with more work after it in that function
 * (`results[i] = l.await(job, &registered)`, `await` calling `registered.Done()` then waiting on
 * `return <-ch`: go-systemd's job listener, whose barrier the spawner waits on before it triggers
 * the jobs): the goroutine signals that it has started, one call down. The call and the `Done()`
 * it leads to, or undefined.
 */
export function startSignalledInCallee(calls: Node[], ctx: FileContext, declaredHere: (name: string) => boolean): { call: Node; done: Node } | undefined {
  for (const call of calls) {
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const name = arg.type === 'unary_expression' ? arg.childForFieldName('operand')?.text : arg.text;
      if (!name || !/^[\w.]+$/.test(name) || declaredHere(name)) continue;
      for (const { decl, param } of parametersGiven(call, arg.text, ctx.packageIndex())) {
        // A call of its own (`wg.Done()`), not a context's channel read (`case <-ctx.Done():`, syncthing's setError).
        const done = decl.childForFieldName('body')?.descendantsOfType('call_expression').find((c) => c.childForFieldName('function')?.text === `${param}.Done` && c.childForFieldName('arguments')?.namedChildCount === 0 && c.parent?.type === 'expression_statement');
        if (done && (signalsStart(call) || signalsStart(done))) return { call, done };
      }
    }
  }
  return undefined;
}
