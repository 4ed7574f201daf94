import { regexEscaped } from '../../src/go/find-by-text.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, enclosingFunction, isReleaseCall, type Node } from '../../src/go/syntax.js';

// A context's cancel, known by where it comes from rather than by its name.

/** `ctx, name := context.WithCancel(…)` (or `=`, `var … =`), for a name or a field (`, s.name =`): the context. */
function madeBy(name: string, field: boolean): RegExp {
  const target = field ? `[\\w.]*\\.${regexEscaped(name)}` : `(?<![\\w.])${regexEscaped(name)}`;
  return new RegExp(`([\\w.]+)\\s*,\\s*${target}\\s*:?=\\s*(\\w+\\.With(?:Cancel|Timeout|Deadline)(?:Cause)?)\\(`);
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
    const m = madeBy(fn.text, false).exec(found.local.decl.text) ?? (declaring && madeBy(fn.text, false).exec(declaring.text));
    return m ? { context: m[1], made: m[2] } : undefined;
  }
  if (fn?.type === 'selector_expression' && fn.childForFieldName('operand')?.type !== 'call_expression') {
    const field = fn.childForFieldName('field')!.text;
    const pattern = madeBy(field, true);
    for (const text of index().allTexts()) {
      const m = pattern.exec(text);
      if (m) return { context: m[1], made: m[2] };
    }
  }
  return undefined;
}

/** What a skipped call of such a cancel leaves: the reason's words after "and". */
export function cancelLeft(c: MadeCancel): string {
  return `whoever waits on ${c.context} (made with its cancel by ${c.made}) would wait forever`;
}
