import { leavesLoop } from './loops.js';
import { enclosingFunction, statementsOf, type Node } from './syntax.js';

/**
 * A goroutine is detached when the function spawning it never waits: no Wait() after the go
 * statement (or the group's `Go(func() { … })` call that starts it), nor a range that reads to
 * the close a channel the goroutine is handed.
 */
export function isDetached(go: Node): boolean {
  const spawner = enclosingFunction(go);
  if (!spawner) return true;
  if (drainedToClose(go)) return false;
  return !spawner
    .descendantsOfType('call_expression')
    .some((c) => c.startIndex > go.endIndex && /\.Wait$/.test(c.childForFieldName('function')?.text ?? '') && !startOnlyTold(go, c.childForFieldName('function')!.text.slice(0, -'.Wait'.length)));
}

/**
 * The goroutine tells `group` only that it has started: `group.Done()` is its literal's first
 * statement but for defers, not deferred itself, and its only Done on it (`cwg.Add(1); go func() { cwg.Done(); io.Copy(…)
 * }(); cwg.Wait()`: containerd's shim console copy, which runs on after its function returns).
 */
function startOnlyTold(go: Node, group: string): boolean {
  const literal = go.type === 'go_statement' ? go.namedChild(0)?.childForFieldName('function') : go.childForFieldName('arguments')?.namedChildren[0];
  if (literal?.type !== 'func_literal') return false;
  const body = literal.childForFieldName('body');
  // Deferred statements run at its end (`defer qc.stopWG.Done()`, then `startWG.Done()`:
  // opentelemetry-collector's queue consumers).
  const first = statementsOf(body ?? null).find((c) => c.type !== 'comment' && c.type !== 'defer_statement');
  const done = `${group}.Done()`;
  return first?.text.replace(/\s/g, '') === done.replace(/\s/g, '') && body!.text.split(`${group}.Done(`).length === 2;
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
