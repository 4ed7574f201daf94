import { regexEscaped } from '../../src/go/find-by-text.js';
import type { Node } from '../../src/go/syntax.js';
import { countedReceives } from './counted-receives.js';
import { deferredEndSignal } from './handed-signal.js';
import { afterStart, beforeStart } from './waited-for.js';

// Signals of its end a goroutine gives its starter in a defer, besides a close or a Done: a send
// the starter receives, or the unlock of a mutex the starter holds and locks again to wait.

/**
 * A deferred send on a channel the function starting the goroutine receives from after starting
 * it (\`defer func() { started <- struct{}{} }()\`, then \`<-started\`: a variant of immudb's
 * auditor), or a deferred unlock of a mutex the goroutine never locks, which that function locks
 * before starting it and again after to wait (\`mu.Lock(); go func() { defer mu.Unlock(); … }();
 * mu.Lock()\`). The signal as written.
 */
export function signalToStarter(stmts: Node[], go: Node): string | undefined {
  // Received once per goroutine started in a loop: a join, whose reason says more.
  if (countedReceives(stmts, go)) return undefined;
  const after = afterStart(go);
  for (const st of stmts.filter((s) => s.type === 'defer_statement')) {
    const end = deferredEndSignal(st);
    if (end?.wait.startsWith('<-') && /<-/.test(end.signal) && new RegExp(end.waits.source).test(after)) return end.signal;
    const unlock = /^defer\s+([\w.]+)\.Unlock\(\)$/.exec(st.text)?.[1];
    const lock = unlock && new RegExp(`(?<![\\w.])${regexEscaped(unlock)}\\.Lock\\(\\)`);
    if (lock && !stmts.some((s) => lock.test(s.text)) && lock.test(beforeStart(go)) && lock.test(after)) return `${unlock}.Unlock()`;
  }
  return undefined;
}
