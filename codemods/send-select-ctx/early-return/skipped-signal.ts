import { FUNCTION_TYPES, type Node } from '../../../src/go/syntax.js';
import { isSignal } from '../receivers/signal-names.js';

/** Parents whose later children run after the one before them. */
const SEQUENCES = new Set(['statement_list', 'block', 'communication_case', 'expression_case', 'default_case', 'type_case']);

/** Statements after which the code that follows does not run on that path. */
const LEAVING = new Set(['return_statement', 'break_statement', 'continue_statement', 'goto_statement']);

/**
 * A send on a channel named for a signal (`sendNowDone <- 1`), which goconc keeps blocking (someone
 * waits for it), on the path after the send, before the function or the loop iteration ends: in
 * the same block or one around it, not past a return, break, continue or goto. The return a select
 * would add skips it, and whoever waits for that signal waits forever (kratos' file watcher: the
 * event send gave up, the `sendNowDone <- 1` after it never came, and `DispatchNow`'s caller hung).
 */
export function signalSkipped(send: Node, fn: Node): Node | undefined {
  for (let cur: Node = send; cur.parent && cur.parent.id !== fn.id; cur = cur.parent) {
    const parent = cur.parent;
    if (parent.type === 'for_statement' || FUNCTION_TYPES.has(parent.type)) return undefined;
    if (!SEQUENCES.has(parent.type)) continue;
    for (let s = cur.nextNamedSibling; s; s = s.nextNamedSibling) {
      if (LEAVING.has(s.type) || (s.type === 'expression_statement' && /^panic\(/.test(s.text))) return undefined;
      const later = s.type === 'send_statement' ? s : undefined;
      const chan = later?.childForFieldName('channel')?.text ?? '';
      if (later && chan !== send.childForFieldName('channel')?.text && isSignal(chan.slice(chan.lastIndexOf('.') + 1))) return later;
    }
  }
  return undefined;
}
