import { enclosingFunction, same, type Node } from './syntax.js';

/** Statements that only compute or record on the way out: calls and assignments. */
const PLAIN = new Set(['expression_statement', 'assignment_statement', 'short_var_declaration', 'inc_statement', 'dec_statement', 'empty_statement', 'comment']);

/** What would leave or hand on a value instead of going on to the return. */
const LEAVING = ['send_statement', 'return_statement', 'goto_statement', 'break_statement', 'continue_statement', 'go_statement', 'defer_statement'];

/**
 * The statement before each bare `return` of the function's own code, past any plain calls and
 * assignments between them (`output.done <- err; f.proj.memTracker.Consume(…); return`: tidb's
 * projection fetcher, whose report is followed by bookkeeping before it returns). None of the
 * statements passed over sends, returns, jumps or starts anything, so the statement found still
 * runs on every way to that return.
 */
export function beforeBareReturnsPastPlain(fn: Node): Node[] {
  return fn.descendantsOfType('return_statement').flatMap((ret) => {
    if (ret.namedChildCount > 0 || !same(enclosingFunction(ret), fn)) return [];
    let prev = ret.previousNamedSibling;
    while (prev && PLAIN.has(prev.type) && !prev.descendantsOfType(LEAVING).length && !/^<-/.test(prev.text.trim())) prev = prev.previousNamedSibling;
    return prev ? [prev] : [];
  });
}
