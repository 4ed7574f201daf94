import type { FileContext } from '../../src/engine/types.js';
import { regexEscaped } from '../../src/go/find-by-text.js';

/**
 * Another method of the type reports how many entries the map holds, taking the lock (`func (sm
 * *SessionMap) Open() int { sm.mu.Lock(); …; return len(sm.sessions) }`), and a loop of the
 * package waits on that count (`for sm.Open() > 0 { time.Sleep(…) }`, a drain before exit): under
 * the lock, an entry gone from the map was done with; moved past the unlock, the drain would see it
 * gone while its close still runs, and the process exit with it half done (a live-query session's
 * buffered rows lost; variant of fleet's SessionMap). As the waiting loop's header and the method.
 */
export function drainedByCount(typeName: string, field: string, ctx: FileContext): { counter: string; loop: string } | undefined {
  const index = ctx.packageIndex();
  const counts = new RegExp(`\\blen\\(\\s*\\w+\\.${regexEscaped(field)}\\s*\\)`);
  for (const m of index.methodsWhere(typeName, (text) => counts.test(text) && /\.R?Lock\(\s*\)/.test(text))) {
    // A loop whose condition calls it (`for sm.Open() > 0 {`, `for s.Len() != 0 {`).
    const waits = new RegExp(`\\bfor\\s+[^{};]*\\.${regexEscaped(m.name)}\\(\\s*\\)\\s*(>|!=)\\s*0\\s*\\{`);
    for (const text of index.allTexts()) {
      const found = waits.exec(text)?.[0];
      if (found) return { counter: m.name, loop: found.replace(/\s*\{$/, '') };
    }
  }
  return undefined;
}
