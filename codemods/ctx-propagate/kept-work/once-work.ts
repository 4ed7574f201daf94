import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { isSharedOnce } from '../../../src/go/shared-once.js';
import { keptByHandMadeOnce } from './hand-made-once.js';
import { ancestors, same, type Node } from '../../../src/go/syntax.js';

/**
 * The call is in a function literal, taking no parameters, handed to a sync.Once's Do
 * (`c.gitOnce.Do(func() { c.gitRoot, c.gitErr = gitTopLevel(context.TODO(), c.Dir) })`): the
 * work runs once, for the first caller, and its result is kept for every later one. Given that
 * caller's context, its cancellation would store `context canceled` for all of them (go-task's
 * git root, looked up once per compiler). Not for a Once declared in the function itself, whose
 * later uses share its context. So too a hand-made once (keptByHandMadeOnce: `if !t.fetched { t.version,
 * t.versionErr = fetchVersion(context.Background()); t.fetched = true }`). The reason, or undefined.
 */
export function keptByOnce(call: Node, source: CancellationSource, index: PackageIndex): string | undefined {
  for (const literal of ancestors(call).filter((a) => a.type === 'func_literal')) {
    if (same(literal, source.fn)) break;
    if ((literal.childForFieldName('parameters')?.namedChildCount ?? 0) > 0) continue;
    const list = literal.parent;
    const given = list?.type === 'argument_list' ? list.parent : undefined;
    const fn = given?.childForFieldName('function');
    if (fn?.type !== 'selector_expression' || fn.childForFieldName('field')?.text !== 'Do' || list!.namedChildCount !== 1) continue;
    const once = fn.childForFieldName('operand')!;
    if (isSharedOnce(once, source, index)) {
      return `the call is in a function literal handed to ${once.text}.Do(…), a sync.Once's: the work runs once, for the first caller, and its result is kept for every later one; given ${source.expr}, a first caller cancelled would leave its failure (context canceled) stored for all callers, those whose own context is alive included`;
    }
  }
  const hand = keptByHandMadeOnce(call, source);
  if (hand) {
    return `the call's results are stored in ${hand.stored} inside \`${hand.guard}\`, whose block also sets what it tests (${hand.set}), a hand-made once: the work runs once, for the first caller, and its result is kept for every later one; given ${source.expr}, a first caller cancelled or timed out would leave its failure (context canceled) stored for all callers, those whose own context is alive included`;
  }
  return undefined;
}
