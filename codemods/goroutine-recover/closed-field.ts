import { regexEscaped } from '../../src/go/find-by-text.js';
import { fieldGetters } from '../../src/go/field-getters.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * A channel kept in a field that the goroutine closes in a defer (`defer close(j.done)`), which
 * the package receives from (`<-j.done`), or that a method hands out (`func (j *saveJob) Done()
 * <-chan struct{} { return j.done }`, waited on by `<-j.Done()`): a job's end, taken as its
 * success (a variant of ledisdb's SAVE answered OK with half a snapshot). The close as written,
 * and who waits.
 */
export function closedFieldForWaiter(stmts: Node[], index: PackageIndex): { close: string; waiter: string } | undefined {
  for (const st of stmts) {
    const m = /^defer\s+close\(([\w.]+)\.(\w+)\)\s*$/.exec(st.text);
    if (!m) continue;
    const field = regexEscaped(m[2]);
    if (index.anyTextMatches(new RegExp(`<-\\s*[\\w.]*\\.${field}\\b(?!\\s*\\()`))) return { close: `close(${m[1]}.${m[2]})`, waiter: `the code receiving from the field ${m[2]}` };
    const name = fieldGetters(m[2], index)[0];
    if (name) return { close: `close(${m[1]}.${m[2]})`, waiter: `the code calling ${name}(), which hands the field ${m[2]} out,` };
  }
  return undefined;
}
