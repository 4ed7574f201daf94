import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, enclosingFunction, isReleaseCall, type Node } from '../../src/go/syntax.js';

// A context's cancel, known by where it comes from rather than by its name.

/**
 * The cancels a text makes (`ctx, cancel := context.WithCancel(…)`, or `=`, `var … =`, or a field:
 * `s.ctx, s.stop = …`), in order: found from the constructor calls, looking back from each for
 * the names it is assigned to (a pattern with the names first tries every position of the text).
 */
function cancelsMade(text: string): { target: string; made: MadeCancel }[] {
  const out: { target: string; made: MadeCancel }[] = [];
  for (const m of text.matchAll(/\b(\w+\.With(?:Cancel|Timeout|Deadline)(?:Cause)?)\(/g)) {
    const before = /([\w.]+)\s*,\s*([\w.]+)\s*:?=\s*$/.exec(text.slice(Math.max(0, m.index! - 300), m.index));
    if (before) out.push({ target: before[2], made: { context: before[1], made: m[1] } });
  }
  return out;
}

/** The cancel named `name` (a variable) a text makes, if it makes it. */
function madeIn(text: string, name: string): MadeCancel | undefined {
  return cancelsMade(text).find((c) => c.target === name)?.made;
}

export interface MadeCancel {
  /** The context it cancels, as the making assignment names it (`delayedCtx`, `s.ctx`). */
  context: string;
  /** The constructor that made it (`context.WithCancel`). */
  made: string;
}

/**
 * A call, as a statement, of the second result of `context.WithCancel`, `WithTimeout`,
 * `WithDeadline` or their `…Cause` forms, whatever its name (`delayedCancel()`: earthly's
 * solver monitor; `syncCancel()`: litestream's sync): a variable of the functions around the
 * goroutine given it there (by `:=`, or by `=` after `var syncCancel context.CancelFunc`), or a
 * field the package assigns such a result (`s.ctx, s.stop = context.WithCancel(…)`). Calls the
 * release check knows by their name already (`cancel()`) are left to it.
 */
export function madeCancelCall(n: Node, go: Node, index: () => PackageIndex): MadeCancel | undefined {
  if (n.type !== 'call_expression' || n.parent?.type !== 'expression_statement' || isReleaseCall(n)) return undefined;
  const fn = n.childForFieldName('function');
  if (fn?.type === 'identifier') {
    const found = declarationOf(fn.text, n);
    // Made by the functions around the goroutine, not in it: someone else waits on its context.
    if (!found || !('local' in found) || contains(go, found.local.decl)) return undefined;
    const declaring = enclosingFunction(found.local.decl);
    return madeIn(found.local.decl.text, fn.text) ?? (declaring && madeIn(declaring.text, fn.text));
  }
  if (fn?.type === 'selector_expression' && fn.childForFieldName('operand')?.type !== 'call_expression') {
    return cancelFields(index()).get(fn.childForFieldName('field')!.text);
  }
  return undefined;
}

/**
 * The fields the package assigns a cancel made with its context (`s.ctx, s.stop =
 * context.WithCancel(…)`), by name, the first assignment of each: found once per package, not
 * once per call looked at (a package of large files took minutes so).
 */
function cancelFields(index: PackageIndex): Map<string, MadeCancel> {
  return index.once('goroutine-recover:cancel-fields', () => {
    const out = new Map<string, MadeCancel>();
    for (const { target, made } of index.allTexts().flatMap(cancelsMade)) {
      const field = /\.(\w+)$/.exec(target)?.[1];
      if (field && !out.has(field)) out.set(field, made);
    }
    return out;
  });
}

/** What a skipped call of such a cancel leaves: the reason's words after "and". */
export function cancelLeft(c: MadeCancel): string {
  return `whoever waits on ${c.context} (made with its cancel by ${c.made}) would wait forever`;
}
