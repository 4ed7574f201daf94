import type { FileContext } from '../../src/engine/types.js';
import { calledTextWhere } from '../../src/go/called-functions.js';
import { functionTexts, importedModuleTexts, methodTexts } from '../../src/go/module-packages.js';
import type { Node } from '../../src/go/syntax.js';
import { moduleTarget } from '../../src/go/module-calls.js';
import { withoutDeferred } from './skipped-work.js';

/**
 * A declaration of another package of the module that the goroutine reaches outside a defer and
 * whose text passes `test` (a release outside a defer): a function it calls itself (`osutil.Exit(1)`,
 * whose os.Exit ends the process: vcluster's control-plane goroutines, recovered, left the process
 * up with no scheduler), or one the package's own functions it calls do, and within that package
 * one call further (`internal.FulfillOutput(out, v, err)`, calling `s.Fulfill`, which runs
 * `s.join.Done()`: pulumi's outputs, whose waiters hung for good once a recovered panic skipped it).
 * The declaration's text and the calls it is reached by, as calledTextWhere gives them.
 */
export function releaseInModulePackage(undeferred: Node[], ctx: FileContext, test: (text: string) => boolean): { text: string; via: string } | undefined {
  for (const callee of undeferred) {
    const target = moduleTarget(callee, ctx);
    const found = target && passing(target.texts, target.decls, test);
    if (found) return { text: found.text, via: `${callee.text}(), ${target.what}${found.via}` };
  }
  const imports = ctx.packageIndex().allTexts();
  let reached: { text: string; via: string } | undefined;
  const through = calledTextWhere(undeferred, ctx.packageIndex(), (text) => !!(reached = moduleCallPassing(text, imports, ctx.path, test)), true);
  return through && reached ? { text: reached.text, via: `${through.via}, which calls ${reached.via}` } : undefined;
}

/** A call in `text`, outside a defer, of a function of another package of the module whose declaration, or one it calls there, passes `test`. */
function moduleCallPassing(text: string, imports: string[], file: string, test: (text: string) => boolean): { text: string; via: string } | undefined {
  for (const m of withoutDeferred(text).matchAll(/\b(\w+)\.([A-Z]\w*)\(/g)) {
    const texts = importedModuleTexts(m[1], imports, file);
    const found = texts && passing(texts, functionTexts(texts, m[2]), test);
    if (found) return { text: found.text, via: `${m[1]}.${m[2]}(), a function of package ${m[1]} of this module${found.via}` };
  }
  return undefined;
}

/** The first of the declarations, or of the package's functions and methods they call outside a defer, whose text passes `test`. */
function passing(texts: string[], decls: string[], test: (text: string) => boolean): { text: string; via: string } | undefined {
  const own = decls.find(test);
  if (own) return { text: own, via: '' };
  for (const decl of decls) {
    for (const m of withoutDeferred(decl).matchAll(/(?:\.|(?<![\w.]))([A-Za-z]\w*)\(/g)) {
      const inner = [...methodTexts(texts, m[1]), ...functionTexts(texts, m[1])].find((t) => t !== decl && test(t));
      if (inner) return { text: inner, via: `, which calls ${m[1]}()` };
    }
  }
  return undefined;
}
