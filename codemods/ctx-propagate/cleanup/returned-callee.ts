import { CLEANUP } from './cleanup.js';
import { cleanupComment } from './cleanup-comment.js';
import { firstLine, type Node } from '../../../src/go/syntax.js';

/**
 * The function whose result the call calls, when what it calls is itself a call
 * (`info.stopContainer()(context.TODO())`, `newCleanup(id)(ctx)`): as written up to its paren,
 * `info.stopContainer`, `newCleanup`, through any depth (`f(a)(b)(ctx)` gives `f`). That name says
 * what the returned function does (nektos/act's stopContainerExecutor, whose executor stops and
 * removes the job container), where the call's own callee, `info.stopContainer()`, names nothing.
 */
export function returningCallee(given: Node | undefined): string | undefined {
  let fn = given?.childForFieldName('function');
  if (fn?.type !== 'call_expression') return undefined;
  while (fn?.type === 'call_expression') fn = fn.childForFieldName('function');
  return fn && (fn.type === 'identifier' || fn.type === 'selector_expression') ? fn.text : undefined;
}

/**
 * The call's callee as shown in a reason when it is named for cleaning up (CLEANUP), or when the
 * function returning what it calls is (`info.stopContainer(), the function info.stopContainer() returns`),
 * or when a comment on its line or right above its statement says it cleans up (`delkey.Exec, as
 * its comment says: // … release the lock.`).
 */
export function cleanupNamed(callee: string, given: Node | undefined): string | undefined {
  if (CLEANUP.test(callee)) return callee;
  const returning = returningCallee(given);
  if (returning && CLEANUP.test(returning)) return `${callee}, the function ${returning}() returns`;
  const said = given ? cleanupComment(given) : undefined;
  return said ? `${callee}, as its comment says: ${firstLine(said)}` : undefined;
}
