import type { CancellationSource } from '../../../src/go/cancellation.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { derivedFrom } from '../sources/derived-contexts.js';
import { ancestors, contains, firstLine, onOwnPath, rootName, same, type Node } from '../../../src/go/syntax.js';

const LEAVING = ['return_statement', 'break_statement', 'continue_statement', 'goto_statement'];

/**
 * The send follows, on its path (an earlier statement of a block around it), an if testing for the
 * context's end (`if ctx.Err() == context.DeadlineExceeded || ctx.Err() == context.Canceled {`,
 * `errors.Is(err, context.DeadlineExceeded)`) whose branch sets what the send carries
 * (`result.aborted = true`, then `resultChan <- result`; not to a zero value, `addr = ""`) and goes on to it: the value sent once the
 * context is done is the one telling of it (dolt's batsee reported a test killed by its deadline
 * as TERMINATED). A select would drop it at random. Where, e.g. `after if ctx.Err() != nil { …
 * result.aborted = true } (line 63), whose record of ctx's end it sends`.
 */
export function recordedEnd(send: Node, fn: Node, source: CancellationSource): string | undefined {
  if (!source.isContext) return undefined;
  const value = send.childForFieldName('value');
  const sent = new Set(value ? [value, ...value.descendantsOfType('identifier')].filter((n) => n.type === 'identifier').map((n) => n.text) : []);
  if (sent.size === 0) return undefined;
  const ctxErr = `${regexEscaped(source.expr)}\\.Err\\(\\)`;
  const ended = new RegExp(`^(${ctxErr}\\s*!=\\s*nil|${ctxErr}\\s*==\\s*context\\.(DeadlineExceeded|Canceled)|errors\\.Is\\(\\s*(\\w+|${ctxErr})\\s*,\\s*context\\.(DeadlineExceeded|Canceled)\\s*\\))$`);
  for (const block of ancestors(send)) {
    if (same(block, fn)) break;
    if (block.type !== 'statement_list') continue;
    for (let s = block.firstNamedChild; s && s.startIndex < send.startIndex && !contains(s, send); s = s.nextNamedSibling) {
      const inCase = caseRecordingEnd(s, sent, source, fn);
      if (inCase) return inCase;
      for (const test of [s, ...s.descendantsOfType('if_statement')]) {
        if (test.type !== 'if_statement' || !onOwnPath(test, s)) continue;
        const cond = test.childForFieldName('condition');
        const branch = test.childForFieldName('consequence');
        if (!cond || !branch || !testsEnd(cond, ended)) continue;
        // The branch and the blocks from it out to the statement go on to the send.
        const blocks = ancestors(test).filter((a) => contains(s, a) && (a.type === 'statement_list' || a.type === 'block'));
        if ([branch, ...blocks].some((b) => LEAVING.some((t) => b.descendantsOfType(t).some((l) => onOwnPath(l, b))) || /\bpanic\(/.test(b.text))) continue;
        const set = branch.descendantsOfType(['assignment_statement', 'inc_statement']).find((a) => {
          const left = a.type === 'inc_statement' ? a.namedChild(0) : a.childForFieldName('left')?.namedChild(0);
          const root = left ? rootName(left) : undefined;
          // A zero value blanks what is sent (`addr = ""`) rather than telling of the end.
          const zero = a.type === 'assignment_statement' && /^("")?$|^(nil|0|false)$/.test(a.childForFieldName('right')?.text ?? '');
          return onOwnPath(a, branch) && root !== undefined && sent.has(root.text) && !zero;
        });
        if (set) return `after if ${cond.text} { … ${firstLine(set.text)} } (line ${test.startPosition.row + 1}), whose record of ${source.expr}'s end it sends`;
      }
    }
  }
  return undefined;
}

/**
 * The same with a select before the send whose case for the context's end (or for a context made
 * from it: \`cctx, cancel := context.WithTimeout(ctx, d)\`, then \`case <-cctx.Done(): isCanceled =
 * true\`) sets what the send carries and goes on to it (tiflow's checker: its one result, sent with
 * IsCanceled set, is what its unit's caller waits for).
 */
function caseRecordingEnd(s: Node, sent: Set<string>, source: CancellationSource, fn: Node): string | undefined {
  const ends = new Set([source.expr, ...derivedFrom(source.expr, fn)]);
  for (const select of [s, ...s.descendantsOfType('select_statement')]) {
    if (select.type !== 'select_statement' || !onOwnPath(select, s)) continue;
    for (const kase of select.namedChildren.filter((c) => c.type === 'communication_case')) {
      const comm = kase.childForFieldName('communication')?.text.trim() ?? '';
      const done = /^<-\s*(\w+)\.Done\(\)$/.exec(comm);
      if (!done || !ends.has(done[1]) || LEAVING.some((t) => kase.descendantsOfType(t).some((l) => onOwnPath(l, kase)))) continue;
      const set = kase.descendantsOfType('assignment_statement').find((a) => {
        const root = a.childForFieldName('left')?.namedChild(0);
        const named = root ? rootName(root) : undefined;
        return onOwnPath(a, kase) && !!named && sent.has(named.text) && !/^("")?$|^(nil|0|false)$/.test(a.childForFieldName('right')?.text ?? '');
      });
      if (set) return `after select { case ${comm}: … ${firstLine(set.text)} } (line ${select.startPosition.row + 1}), whose record of ${source.expr}'s end it sends`;
    }
  }
  return undefined;
}

/** Whether the condition, or one of its operands under `&&` and `||`, tests for the context's end. */
function testsEnd(cond: Node, ended: RegExp): boolean {
  let e = cond;
  while (e.type === 'parenthesized_expression' && e.namedChildCount === 1) e = e.namedChild(0)!;
  const op = e.type === 'binary_expression' ? e.childForFieldName('operator')?.text : undefined;
  if (op === '&&' || op === '||') return testsEnd(e.childForFieldName('left')!, ended) || testsEnd(e.childForFieldName('right')!, ended);
  return ended.test(e.text);
}
