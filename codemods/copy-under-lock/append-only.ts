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
export function onlyAppended(field: string, texts: string[], elements = false): boolean {
  const name = regexEscaped(field);
  const use = new RegExp(`\\b\\w+\\.${name}\\b(?!\\s*\\()`, 'g');
  let appended = false;
  for (const text of texts) {
    for (const m of text.matchAll(use)) {
      const at = m.index!;
      const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
      const after = text.slice(at + m[0].length, text.indexOf('\n', at) === -1 ? undefined : text.indexOf('\n', at));
      if (elementAppended(after, name, text)) appended = true;
      else if (!harmless(line, after, name)) return false;
    }
  }
  // A map's elements: only where the package shows them appended to.
  return !elements || appended;
}

/**
 * A map's element given its own slice appended to (`mp.votes[h] = append(vts, v)`, `vts` read as
 * `vts, ok := mp.votes[h]` in the file), or an entry deleted: no write below a reader's length
 * (dcrd's mempool votes).
 */
function elementAppended(after: string, name: string, text: string): boolean {
  const appended = /^\[[^\]]*\]\s*=\s*append\(\s*(\w+)\s*,/.exec(after);
  return !!appended && new RegExp(`(?<![\\w.])${appended[1]}\\s*(,\\s*\\w+\\s*)?:?=\\s*\\w+\\.${name}\\[`).test(text);
}

function harmless(before: string, after: string, name: string): boolean {
  // In a comment (`// the in memory data (w.data)`).
  if (/^[^"'`]*\/\//.test(before)) return true;
  // `x.f = append(x.f, …)`, and the `x.f` it appends to.
  if (new RegExp(`^\\s*=\\s*append\\(\\s*\\w+\\.${name}\\s*,`).test(after)) return true;
  if (new RegExp(`\\w+\\.${name}\\s*=\\s*append\\(\\s*$`).test(before) && /^\s*,/.test(after)) return true;
  // Another slice, not made from this one: `x.f = nil`, `= make([]T, 0, n)`, `= []T{…}`, `= rules`
  // (m3's carbon rules, replaced whole on update); not `= x.f[:0]`, which keeps the array.
  // Also as one of several (`w.data, err = os.ReadFile(f)`: smee's backend file, reloaded whole),
  // or another value's whole (`c.keys = original.keys`: mosn's TLS ticket keys, only ever replaced).
  if (/^\s*(,\s*[\w.]+\s*)*=[^=]/.test(after) && !new RegExp(`\\.${name}\\s*\\[`).test(after)) return true;
  // An entry deleted from a map of slices: no array written.
  if (/\bdelete\(\s*$/.test(before) && /^\s*,/.test(after)) return true;
  // Reads: `len(x.f)`, `cap(x.f)`, `range x.f`, `v := x.f`, `append(out, x.f...)`, `x.f[i]` (not assigned).
  if (/(^|[^\w.])(len|cap)\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  if (/\brange\s+$/.test(before)) return true;
  if (/(:=|[^=!<>:]=)\s*$/.test(before) && /^\s*(\/\/.*)?$/.test(after)) return true;
  if (/^(\[[^\]]*\])?\.\.\.\s*\)/.test(after)) return true;
  // Not one written through it (`x.f[k][i] = v`, `x.f[i].n++`).
  if (/^\[[^\]:]*\]/.test(after) && !/^(\[[^\]]*\])+(\.\w+)*\s*(=[^=]|\+\+|--|[-+*/|&^]=)/.test(after)) return true;
  return false;
}
