import { receiverOf } from '../../../src/go/declarations.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { isParam, literalHolding } from './handed-over-channel.js';

// A method that keeps the context it is given in its receiver other than as a field set to it (that
// is storedInField's): in an entry of a map or slice field (`m.jobs[addr] = ctx`), appended to one
// (`m.pending = append(m.pending, job{ctx: ctx})`), or in a field set to a literal holding it
// (`m.job = replJob{ctx: ctx}`). Work reading the receiver later runs with it after the call.

/** The assignment keeping `param` in the receiver of `decl`, as written, if there is one. */
export function heldByReceiver(decl: Node, param: string): string | undefined {
  const receiver = receiverOf(decl)?.name;
  const body = decl.childForFieldName('body');
  if (!receiver || !body) return undefined;
  const holds = (v: Node | undefined): boolean => !!v && literalHolding(v, param);
  for (const a of body.descendantsOfType('assignment_statement')) {
    if (!same(enclosingFunction(a), decl)) continue;
    const left = a.childForFieldName('left')!.namedChildren;
    const right = a.childForFieldName('right')!.namedChildren;
    if (left.length !== 1 || right.length !== 1 || !rootedAt(left[0], receiver)) continue;
    const value = right[0];
    // `m.jobs[addr] = ctx`: an entry of a field, the context itself or held by a literal.
    if (left[0].type === 'index_expression' && (isParam(value, param) || holds(value))) return firstLine(a.text);
    if (left[0].type === 'selector_expression' && holds(value)) return firstLine(a.text);
    // `m.pending = append(m.pending, …)` given it or a literal holding it.
    const appended = value.type === 'call_expression' && value.childForFieldName('function')?.text === 'append' ? value.childForFieldName('arguments')!.namedChildren.slice(1) : [];
    if (appended.some((x) => isParam(x, param) || holds(x))) return firstLine(a.text);
  }
  return undefined;
}

/** `r.x`, `r.x.y` or `r.x[k]` for the receiver `r`. */
function rootedAt(n: Node, receiver: string): boolean {
  let at: Node | null = n;
  while (at && (at.type === 'selector_expression' || at.type === 'index_expression')) at = at.childForFieldName('operand');
  return at?.type === 'identifier' && at.text === receiver && n.type !== 'identifier';
}
