import { receiverOf } from '../../src/go/declarations.js';
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
    const m = /^defer\s+close\(([\w.]+)\.(\w+)\)\s*$/.exec(st.text) ?? closedThroughMethod(st.text, index);
    if (!m) continue;
    const close = m[3] ?? `close(${m[1]}.${m[2]})`;
    const field = regexEscaped(m[2]);
    if (index.anyTextMatches(new RegExp(`<-\\s*[\\w.]*\\.${field}\\b(?!\\s*\\()`))) return { close, waiter: `the code receiving from the field ${m[2]}` };
    const name = fieldGetters(m[2], index)[0];
    if (name) return { close, waiter: `the code calling ${name}(), which hands the field ${m[2]} out,` };
  }
  return undefined;
}

/**
 * `defer asyncResp.SendComplete()`, a method of the package whose body closes a field of its
 * receiver (`close(a.respChan)`): tempo's async sharder, whose consumer took the close for all
 * responses in. As the close's match would read: the operand, the field, and the call as written
 * with what it runs.
 */
function closedThroughMethod(text: string, index: PackageIndex): [string, string, string, string] | undefined {
  const m = /^defer\s+([\w.]+)\.(\w+)\(\)\s*$/.exec(text);
  if (!m) return undefined;
  for (const decl of index.functionsNamed(m[2], true)) {
    const recv = receiverOf(decl)?.name;
    const body = decl.childForFieldName('body')?.text ?? '';
    const closed = recv ? new RegExp(`(?<![\\w.])close\\(\\s*${recv}\\.(\\w+)\\s*\\)`).exec(body) : null;
    if (closed) return [text, m[1], closed[1], `${m[1]}.${m[2]}() (${closed[0]})`];
  }
  return undefined;
}
