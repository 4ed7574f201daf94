import { firstLine, insideLiteral, statementsOf, type Node } from '../../src/go/syntax.js';
import { startingFunction } from './waited-for.js';
import { programWorkLeft } from './program-work.js';

/** A call that ends the process (`os.Exit(1)`, `log.Fatal(err)`, `logger.Fatalf(…)`). */
const ENDS_PROCESS = /^(os\.Exit|[\w.]*\.Fatal(f|ln)?)\(/;

/**
 * The function starting the goroutine never returns after starting it: its last statement is a
 * `panic(…)` (`C.runApp(); panic("unexpected return from app.runApp")`: fyne's iOS driver), a
 * `select {}` or a `for {` loop with no way out, with no `return` after the go statement; or the
 * statement right after the go statement ends the process (`log.Fatal(http.ListenAndServe(…))`).
 * The goroutine is then the program's work for its whole life, and recovered, a panic would leave
 * the process running with that work gone. The reason, if so.
 */
export function starterNeverReturns(go: Node): string | undefined {
  return neverReturns(go) ?? programWorkLeft(go);
}

function neverReturns(go: Node): string | undefined {
  const fn = startingFunction(go);
  const body = fn?.childForFieldName('body');
  if (!fn || !body) return undefined;
  const own = (n: Node) => !insideLiteral(n, body);
  if (body.descendantsOfType('return_statement').some((r) => own(r) && r.startIndex > go.endIndex)) return undefined;
  const next = go.nextNamedSibling?.type === 'comment' ? undefined : go.nextNamedSibling;
  const exits = next?.type === 'expression_statement' && ENDS_PROCESS.test(next.text) ? next : undefined;
  const last = statementsOf(body).filter((s) => s.type !== 'comment').at(-1);
  const end = exits ?? (last && last.startIndex > go.endIndex && endless(last, body) ? last : undefined);
  if (!end) return undefined;
  return `the function starting the goroutine never returns after it (${firstLine(end.text)}, line ${end.startPosition.row + 1}): the goroutine is the program's work for its whole life, and recovered, a panic would leave the process running with that work gone (a UI loop up with nothing handling its events) where the crash used to end it and get it restarted`;
}

/** A statement that never completes: `panic(…)`, `select {}`, or a `for {` with no break, return or goto. */
function endless(st: Node, body: Node): boolean {
  if (st.type === 'expression_statement') return /^panic\(/.test(st.text);
  if (st.type === 'select_statement') return /^select\s*\{\s*\}$/.test(st.text);
  if (st.type !== 'for_statement' || st.namedChildren.some((c) => c.type !== 'block' && c.type !== 'comment')) return false;
  return !['break_statement', 'return_statement', 'goto_statement'].some((t) => st.descendantsOfType(t).some((n) => !insideLiteral(n, body)));
}
