import type { CancellationSource } from './cancellation.js';
import { regexEscaped } from './find-by-text.js';

/**
 * `<-done` for each local the function declaring the source gives its done channel once and
 * never again (`done := ctx.Done()`, pulumi's policy proxy): waiting on it is waiting for the
 * source to end, as `<-ctx.Done()` is. Written without spaces, as `doneReceive` gives them.
 */
export function aliasedDoneReceives(source: CancellationSource): string[] {
  if (!source.isContext) return [];
  const text = source.fn.text;
  const done = `${regexEscaped(source.expr)}\\s*\\.\\s*Done\\(\\)`;
  const copy = new RegExp(`(?:^|[^\\w.])(\\w+)\\s*:=\\s*${done}\\s*$`, 'gm');
  return [...text.matchAll(copy)]
    .map((m) => m[1])
    .filter((name) => name !== '_' && assignments(text, name) === 1)
    .map((name) => `<-${name}`);
}

/** How often the text declares or assigns `name` (`name :=`, `name =`, `name, x =`, `var name`). */
function assignments(text: string, name: string): number {
  const n = regexEscaped(name);
  const assigned = new RegExp(`(?<![\\w.])${n}\\s*(?:,\\s*[\\w.]+\\s*)*(?::=|=(?!=)|[-+*/|&^]=)|(?<![\\w.])[\\w.]+\\s*(?:,\\s*[\\w.]+\\s*)*,\\s*${n}\\s*:?=(?!=)|\\bvar\\s+${n}\\b`, 'g');
  return [...text.matchAll(assigned)].length;
}
