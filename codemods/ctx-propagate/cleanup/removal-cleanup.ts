import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { ancestors, same, type Node } from '../../../src/go/syntax.js';

/** A method named for removing or finalizing what it is given: `Remove`, `OnRemove`, `Finalize`, `Cleanup`, `Delete`…, the whole name (not `Stop`, `Close`, nor a helper `cleanupX`). */
const REMOVING = /^(On)?(Remove|Delete|Finali[sz]e|Cleanup|CleanUp|Destroy|Teardown|TearDown|Purge|Unregister|Deregister)$/;

/** A name that says clean-up: `createCleanupJob`, `cleanupImportedCluster`, `cleanNode`. */
const SAYS_CLEANUP = /(^|[a-z0-9])([Cc]lean[Uu]p|[Cc]lean)(?=[A-Z0-9_]|$)/;

/** How many calls up from the function to look for the removing method. */
const DEPTH = 3;

/**
 * The context in scope is a receiver's field (`c.ctx`, the controller's, done at shutdown) and
 * the call's function, or a function of the package calling it on the way up from a method named
 * for removing (`Remove` → `cleanupImportedCluster` → `createCleanupJob`), says clean-up by its
 * name: work meant to finish, which the receiver's context would cut short at shutdown, the
 * removal going on without it (rancher's cluster clean-up job, never created). The reason.
 */
export function removalCleanup(source: CancellationSource, index: PackageIndex): string | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const start = source.fn.childForFieldName('name')?.text;
  if (!start || source.fn.type === 'func_literal') return undefined;
  let level: { fn: Node; chain: string[] }[] = [{ fn: source.fn, chain: [start] }];
  const seen = new Set([start]);
  for (let depth = 0; depth < DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { fn, chain } of level) {
      for (const call of index.callsNamed(chain[chain.length - 1])) {
        const caller = [...ancestors(call)].filter((a) => a.type === 'method_declaration' || a.type === 'function_declaration').pop();
        const name = caller?.childForFieldName('name')?.text;
        if (!caller || !name || same(caller, fn) || seen.has(name)) continue;
        const cleaning = [...chain].reverse().find((n) => SAYS_CLEANUP.test(n));
        if (caller.type === 'method_declaration' && REMOVING.test(name) && receiverOf(caller)?.typeName === receiverOf(source.fn)?.typeName && cleaning) {
          const what = cleaning === start ? 'a clean-up' : `the clean-up of ${cleaning}()`;
          const through = chain.slice(chain.indexOf(cleaning) + 1);
          return `${start}() runs ${what}, called from ${name}()${through.length > 0 ? ` through ${through.join('(), ')}()` : ''}: work meant to finish, and ${source.expr} (the receiver's, done at shutdown) would cut it short, the removal then going on without it`;
        }
        seen.add(name);
        next.push({ fn: caller, chain: [...chain, name] });
      }
    }
    level = next;
  }
  return undefined;
}
