import type { FileContext } from '../../src/engine/types.js';
import { functionTexts, importPathNamed, modulePackageTexts } from '../../src/go/module-packages.js';
import type { Node } from '../../src/go/syntax.js';
import { LOOPS_FOR_GOOD } from './skipped-work.js';

/**
 * A function of another package of the module that the goroutine calls, outside a defer, and that
 * runs until it is stopped (`file.WatchFile(ctx, path, onChange)`, looping `for { select { … } }`:
 * argo's file signal handler, which forwarded the stop and terminate signals for the container's
 * life). The package's source is in the module, so goconc reads it, as the package's own functions
 * are read. The call as written and the loop, or undefined.
 */
export function loopInModulePackage(undeferred: Node[], ctx: FileContext): { via: string; loop: string } | undefined {
  for (const callee of undeferred) {
    if (callee.type !== 'selector_expression' || callee.childForFieldName('operand')?.type !== 'identifier') continue;
    const alias = callee.childForFieldName('operand')!.text;
    const path = importPathNamed(alias, [ctx.source]);
    const texts = path ? modulePackageTexts(path, ctx.path) : undefined;
    const loop = texts && functionTexts(texts, callee.childForFieldName('field')!.text).map((t) => LOOPS_FOR_GOOD.exec(t)?.[0]).find(Boolean);
    if (loop) return { via: `${callee.text}(), a function of package ${alias} of this module`, loop: loop.trim() };
  }
  return undefined;
}
