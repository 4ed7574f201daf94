import { regexEscaped } from '../../src/go/find-by-text.js';

/**
 * Every use of the field in the package's text (`x.messages`) either appends to it (`x.messages =
 * append(x.messages, m)`), gives it another slice (`= nil`, `= make(…)`, `= rules`), or reads it
 * (`len(…)`, `range`, a copy into a variable, `append(out, x.messages[:i]...)`, an element read): no
 * write lands in the part of the array a reader took under the lock, so the taken slice is safe to
 * use after the unlock (go-grpc-middleware's buffered sends, re-sent on a retry). Any other use
 * (truncation `x.messages[:0]`, an element written, the slice handed to a call that may sort or
 * copy into it) answers false.
 */
export function onlyAppended(field: string, texts: string[]): boolean {
  const name = regexEscaped(field);
  const use = new RegExp(`\\b\\w+\\.${name}\\b(?!\\s*\\()`, 'g');
  for (const text of texts) {
    for (const m of text.matchAll(use)) {
      const at = m.index!;
      const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
      const after = text.slice(at + m[0].length, text.indexOf('\n', at) === -1 ? undefined : text.indexOf('\n', at));
      if (!harmless(line, after, name)) return false;
    }
  }
  return true;
}

function harmless(before: string, after: string, name: string): boolean {
  // In a comment (`// the in memory data (w.data)`).
  if (/^[^"'`]*\/\//.test(before)) return true;
  // `x.f = append(x.f, …)`, and the `x.f` it appends to.
  if (new RegExp(`^\\s*=\\s*append\\(\\s*\\w+\\.${name}\\s*,`).test(after)) return true;
  if (new RegExp(`\\w+\\.${name}\\s*=\\s*append\\(\\s*$`).test(before) && /^\s*,/.test(after)) return true;
  // Another slice, not made from this one: `x.f = nil`, `= make([]T, 0, n)`, `= []T{…}`, `= rules`
  // (m3's carbon rules, replaced whole on update); not `= x.f[:0]`, which keeps the array.
  // Also as one of several (`w.data, err = os.ReadFile(f)`: smee's backend file, reloaded whole).
  if (/^\s*(,\s*[\w.]+\s*)*=[^=]/.test(after) && !new RegExp(`\\.${name}\\b`).test(after)) return true;
  // Reads: `len(x.f)`, `cap(x.f)`, `range x.f`, `v := x.f`, `append(out, x.f...)`, `x.f[i]` (not assigned).
  if (/(^|[^\w.])(len|cap)\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  if (/\brange\s+$/.test(before)) return true;
  if (/(:=|[^=!<>:]=)\s*$/.test(before) && /^\s*(\/\/.*)?$/.test(after)) return true;
  if (/^(\[[^\]]*\])?\.\.\.\s*\)/.test(after)) return true;
  if (/^\[[^\]:]*\]/.test(after) && !/^\[[^\]]*\]\s*(=[^=]|\+\+|--|[-+*/|&^]=)/.test(after)) return true;
  return false;
}
