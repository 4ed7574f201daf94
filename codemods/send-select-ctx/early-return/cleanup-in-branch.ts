import { ancestors, contains, firstLine, nextStatement, same, statementsOf, type Node } from '../../../src/go/syntax.js';
import { COMPLETION, isBookkeeping, madeCancels, unlocksLaterLock } from './early-return.js';

// A clean-up in the branch of the `if` right after the send, one that ends the function or its
// loop: the send's path runs it when the condition holds, and a return at the send would not.

/**
 * The `if` right after the send, a branch of it ending in a return or a break, and a clean-up
 * among that branch's statements, by cleanupSkippedByReturn's test (a Close, `close`, a cancel
 * the function made, wg.Done, Unlock, a completion callback, bookkeeping brought down), made as a
 * statement or for its result (`err = conn.Close()`, `if err := f.Close(); err != nil`): merlin's
 * SOCKS reader sends the last chunk, then in `if socks.Close { … }` closes the client's connection
 * and forgets it. Why a return at the send would skip it, if it would.
 */
export function cleanupInBranchReason(send: Node, fn: Node, source: string): string | undefined {
  const next = nextStatement(send);
  if (next?.type !== 'if_statement') return undefined;
  const body = fn.childForFieldName('body');
  const cancels = body ? madeCancels(body, source) : [];
  const branches = [next.childForFieldName('consequence'), next.childForFieldName('alternative')].filter((b): b is Node => b?.type === 'block');
  for (const branch of branches) {
    const stmts = statementsOf(branch).filter((c) => c.type !== 'comment');
    const last = stmts.at(-1);
    if (last?.type !== 'return_statement' && last?.type !== 'break_statement') continue;
    for (const stmt of stmts) {
      const call = callMadeBy(stmt);
      if (!call || !isCleanup(call, cancels, source.slice(send.endIndex, call.startIndex))) continue;
      const cond = next.childForFieldName('condition')?.text ?? '';
      const side = same(branch, next.childForFieldName('consequence')) ? `if ${firstLine(cond)} { … }` : `the else of if ${firstLine(cond)}`;
      const ends = last.type === 'return_statement' ? 'returns' : 'leaves the loop';
      return `an early return here would skip ${firstLine(call.text)} (line ${call.startPosition.row + 1}), the clean-up the send's path runs in ${side} right after it, before it ${ends}: ${leftUndone(call, cancels)}`;
    }
  }
  return undefined;
}

/** What skipping the clean-up call would leave undone. */
function leftUndone(call: Node, cancels: string[]): string {
  const callee = call.childForFieldName('function')?.text ?? '';
  if (/Close$/.test(callee) || callee === 'close') return `${callee === 'close' ? call.childForFieldName('arguments')?.namedChildren[0]?.text : callee.replace(/\.\w*Close$/, '')} would stay open for good, and whoever waits for its end would wait with it`;
  if (/Unlock$/.test(callee)) return 'the lock would stay held for good';
  if (cancels.includes(callee)) return 'the context would never be cancelled (go vet: lost cancel)';
  if (isBookkeeping(call)) return 'the count or entry would stay for good, and whoever waits for it to go would wait for good';
  return 'whoever waits for it would wait for good';
}

/** The call a statement makes: `f.Close()`, `err = f.Close()`, `err := f.Close()`, `if err := f.Close(); …`. */
function callMadeBy(stmt: Node): Node | undefined {
  const head = stmt.type === 'if_statement' ? stmt.childForFieldName('initializer') : stmt;
  if (!head) return undefined;
  const expr = head.type === 'expression_statement' ? head.namedChild(0) : head.type === 'assignment_statement' || head.type === 'short_var_declaration' ? head.childForFieldName('right')?.namedChildren[0] : undefined;
  if (expr?.type !== 'call_expression' || ancestors(expr).some((a) => a.type === 'func_literal' && contains(stmt, a))) return undefined;
  return expr;
}

/** cleanupSkippedByReturn's clean-ups, as a call; an Unlock of a lock taken after the send (in `between`) aside. */
function isCleanup(call: Node, cancels: string[], between: string): boolean {
  const callee = call.childForFieldName('function')?.text ?? '';
  if (/\.R?Unlock$/.test(callee)) return !unlocksLaterLock(callee, between);
  return /\.(Done|RUnlock)$|(^|\.)\w*Close$/.test(callee) || callee === 'close' || cancels.includes(callee) || COMPLETION.test(callee) || isBookkeeping(call);
}
