import type { FileContext } from '../../src/engine/types.js';
import { functionTexts, importedModuleTexts } from '../../src/go/module-packages.js';
import { moduleTarget } from '../../src/go/module-calls.js';
import type { Node } from '../../src/go/syntax.js';
import { LOOPS_FOR_GOOD } from './skipped-work.js';

/**
 * A function of another package of the module that the goroutine calls, outside a defer, and that
 * runs until it is stopped (`file.WatchFile(ctx, path, onChange)`, looping `for { select { … } }`:
 * argo's file signal handler, which forwarded the stop and terminate signals for the container's
 * life). The package's source is in the module, so goconc reads it, as the package's own functions
 * are read. Also a method of such a package's type held in a field of the receiver, and a function
 * of the module that either calls (`vm.network.PushGossip(ctx)`, which calls `gossip.Every(…)`, a
 * ticker loop: avalanchego's X-chain gossip, recovered, stopped for good). The call as written and
 * the loop, or undefined.
 */
export function loopInModulePackage(undeferred: Node[], ctx: FileContext): { via: string; loop: string } | undefined {
  for (const callee of undeferred) {
    const target = moduleTarget(callee, ctx);
    if (!target) continue;
    const loop = target.decls.map((t) => LOOPS_FOR_GOOD.exec(t)?.[0]).find(Boolean);
    if (loop) return { via: `${callee.text}(), ${target.what}`, loop: loop.trim() };
    // One call further: a function of a package of the module that the declaration calls.
    for (const decl of target.decls) {
      for (const m of decl.matchAll(/\b(\w+)\.([A-Z]\w*)\(/g)) {
        const texts = importedModuleTexts(m[1], target.texts, ctx.path);
        const inner = texts && functionTexts(texts, m[2]).map((t) => LOOPS_FOR_GOOD.exec(t)?.[0]).find(Boolean);
        if (inner) return { via: `${callee.text}(), ${target.what}, which calls ${m[1]}.${m[2]}()`, loop: inner.trim() };
      }
    }
  }
  return undefined;
}
