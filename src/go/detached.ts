import { leavesLoop } from './loops.js';
import { enclosingFunction, type Node } from './syntax.js';

/**
 * A goroutine is detached when the function spawning it never waits: no Wait() after the go
 * statement, nor a range that reads to the close a channel the goroutine is handed.
 */
export function isDetached(go: Node): boolean {
  const spawner = enclosingFunction(go);
  if (!spawner) return true;
  if (drainedToClose(go)) return false;
  return !spawner
    .descendantsOfType('call_expression')
    .some((c) => c.startIndex > go.endIndex && /\.Wait$/.test(c.childForFieldName('function')?.text ?? ''));
}

/**
 * `go chkr.ReadPacks(ctx, …, errChan)`, then `for err := range errChan {…}` later in the same
 * block, a range nothing leaves early: the spawner reads the channel it handed the goroutine until
 * it is closed, as the goroutine's end does (restic's check).
 */
function drainedToClose(go: Node): boolean {
  const args = go.namedChild(0)?.childForFieldName('arguments')?.namedChildren ?? [];
  for (let s = go.nextNamedSibling; s; s = s.nextNamedSibling) {
    const over = s.type === 'for_statement' ? s.namedChildren.find((c) => c.type === 'range_clause')?.childForFieldName('right') : undefined;
    // A labelled break counts as leaving, wherever it goes.
    if (over?.type === 'identifier' && args.some((a) => a.text === over.text)) return !leavesLoop(s) && !s.descendantsOfType('break_statement').some((b) => b.namedChildCount > 0);
  }
  return false;
}
