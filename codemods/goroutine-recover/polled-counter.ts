import { firstLine, type Node } from '../../src/go/syntax.js';
import { regexEscaped } from '../../src/go/find-by-text.js';

// A join written with an atomic count of goroutines in flight: each goroutine lowers it in a
// defer (`defer t.running.Add(-1)`, `defer atomic.AddInt32(&n, -1)`), and the function that starts
// them reads it after, until it falls to zero (`for t.running.Load() > 0 { time.Sleep(…) }`). The
// starter waits for them as with wg.Wait() (benthos' lint fan-out, variant: a panicking linter,
// recovered, let the run report every file clean).

/** The counter's wait, when the goroutine lowers a counter in a defer that its starter reads after starting it. */
export function polledCounter(stmts: Node[], after: string): { wait: string; group: string; byCaller: boolean } | undefined {
  for (const st of stmts) {
    if (st.type !== 'defer_statement') continue;
    const text = st.text.replace(/\s+/g, '');
    const counter = /^defer([\w.]+)\.Add\(-1\)$/.exec(text)?.[1] ?? /^deferatomic\.Add(?:U?Int(?:32|64))\(&([\w.]+),-1\)$/.exec(text)?.[1];
    if (!counter) continue;
    const c = regexEscaped(counter);
    const read = new RegExp(`(?<![\\w.])${c}\\.Load\\(\\)|atomic\\.LoadU?Int(?:32|64)\\(\\s*&\\s*${c}\\s*\\)`).exec(after);
    if (read) return { wait: firstLine(statementAround(after, read.index)), group: counter, byCaller: false };
  }
  return undefined;
}

/** The line of `text` holding position `at`, trimmed. */
function statementAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? undefined : end).trim().replace(/\s*\{$/, '');
}
