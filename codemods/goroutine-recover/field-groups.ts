import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf, resultsOf } from '../../src/go/scope.js';
import { enclosingFunction, type Node } from '../../src/go/syntax.js';

/**
 * A group kept in a field that the goroutine marks done (`defer r.uploadWait.Done()`), which a
 * function of the package not named for stopping waits for (`r.uploadWait.Wait()` in `Run`, then
 * `return nil`): it goes on with what the goroutine did, and after a recovered panic it would take
 * the work for done (woodpecker's detached steps: the workflow reported finished, the step's exit
 * never traced, its container never destroyed). A wait in `Stop` or `Close` only lets shutdown
 * finish, unless it hands back what the goroutines made. The wait as written, and the function waiting.
 */
export function fieldGroupWaited(stmts: Node[], go: Node, index: PackageIndex): { wait: string; by: string } | undefined {
  for (const st of stmts) {
    const group = /^defer\s+(\w+)\.(\w+)\.Done\(\)\s*$/.exec(st.text);
    if (!group) continue;
    const owner = declarationOf(group[1], go);
    if (owner && 'local' in owner) continue;
    for (const wait of index.nodesMatching(new RegExp(`\\.${group[2]}\\.Wait\\(\\)`, 'g'), (m) => m[0].length - 2)) {
      const fn = enclosingFunction(wait);
      const by = fn?.childForFieldName('name')?.text;
      // Named for waiting but handing back what the goroutines made (`func (im *Importer) Wait()
      // []string { im.wg.Wait(); return im.written }`): it goes on with their work.
      const handsBack = (fn ? resultsOf(fn) : []).some((r) => r.typeNode.text !== 'error');
      if (by && (!STOPPING.test(by) || handsBack)) return { wait: `${group[1]}.${group[2]}.Wait()`, by };
    }
  }
  return undefined;
}

/** A function named for stopping or waiting out the rest: its wait lets shutdown finish. */
const STOPPING = /stop|close|shut|terminat|kill|exit|quit|halt|cancel|drain|wait|teardown|cleanup/i;
