import { ancestors, contains, enclosingFunction, FUNCTION_TYPES, type Node } from '../../src/go/syntax.js';
import { regexEscaped } from '../../src/go/find-by-text.js';

// A goroutine that, once it has sent its result, sends on another channel the same select waits on.

/**
 * The sending goroutine also sends on another channel, in a deferred call (`defer func() {
 * exited <- struct{}{} }()`) or in a statement after the result's send, and a select of the
 * function that makes the channel receives from both (`case <-exited:` beside `case err :=
 * <-cmdResponse:`). Unbuffered, the result's send waits for the receiver, so that other send
 * comes only once the value is taken; buffered, both may be ready at once and the select pick
 * either (act's waitForCommand returned ErrNoResult for half its commands). The other send, how
 * it follows the result's, and the other channel's case as written.
 */
export function sendsOtherWaited(send: Node, make: Node, chan: string): { other: Node; how: string; comm: string } | undefined {
  const literal = ancestors(send).find((a) => FUNCTION_TYPES.has(a.type));
  const maker = enclosingFunction(make);
  if (!literal || !maker) return undefined;
  const own = chan.replace(/\s/g, '');
  for (const other of literal.descendantsOfType('send_statement')) {
    const name = other.childForFieldName('channel')?.text.replace(/\s/g, '') ?? '';
    if (!name || name === own) continue;
    const deferred = ancestors(other).some((a) => a.type === 'defer_statement' && contains(literal, a));
    if (!deferred && !followsOnPath(send, other, literal)) continue;
    const comm = selectedWith(maker, own, name);
    if (comm) return { other, how: deferred ? 'deferred' : 'after the send', comm };
  }
  return undefined;
}

/**
 * Whether `other` lies in a statement run after `send` on its way out of `literal`: a later
 * sibling of the send or of a block holding it, before any `return` (`errc <- err; done <- true`),
 * not in a branch the send's path does not take.
 */
function followsOnPath(send: Node, other: Node, literal: Node): boolean {
  for (let stmt: Node | null = send; stmt && stmt.id !== literal.id; stmt = stmt.parent) {
    if (stmt.parent?.type !== 'statement_list' && stmt.parent?.type !== 'block') continue;
    for (let next = stmt.nextNamedSibling; next; next = next.nextNamedSibling) {
      if (next.type === 'return_statement') return false;
      if (contains(next, other)) return true;
    }
  }
  return false;
}

/** A select in `fn` receiving from `chan` in one case and from `other` in another: the other case's communication. */
export function selectedWith(fn: Node, chan: string, other: string): string | undefined {
  const receives = (name: string) => new RegExp(`(^|=)<-${regexEscaped(name)}$`);
  for (const select of fn.descendantsOfType('select_statement')) {
    const comms = select.namedChildren.filter((c) => c.type === 'communication_case').map((c) => c.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '');
    const found = comms.find((c) => receives(other).test(c));
    if (found && comms.some((c) => receives(chan).test(c))) return found;
  }
  return undefined;
}
