import { identifiersNamed } from './find-by-text.js';
import { contains, enclosingFunction, FUNCTION_TYPES, same, type Node } from './syntax.js';
import { ancestors } from './syntax.js';

/**
 * A result channel a receiver may abandon: `ch := make(chan T)` made unbuffered in a function,
 * sent to exactly once, from a goroutine, and received only in a `select` that has another way
 * out (a timeout, a ctx case, a default). When the other case wins, the sender blocks forever;
 * a capacity of 1 lets it finish. Returns the `make` call, or undefined when the shape differs
 * or the channel is used any other way (returned, stored, passed, ranged over, sent to twice).
 */
export function abandonableResultChannel(send: Node, source: string): Node | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier') return undefined;
  const name = chan.text;
  let outer: Node | undefined;
  let inGoroutine = false;
  for (const a of ancestors(send)) {
    if (FUNCTION_TYPES.has(a.type)) outer = a;
    if (a.type === 'go_statement') inGoroutine = true;
  }
  // The one send, from a goroutine, on a channel made unbuffered in the function.
  if (!outer || !inGoroutine || !/\bmake\s*\(\s*chan\b/.test(source.slice(outer.startIndex, outer.endIndex))) return undefined;
  const uses = identifiersNamed(outer, source, name);
  // `name := …` and `a, name := …`: the name in the left list of a short variable declaration.
  const decls = uses.flatMap((id) => {
    const list = id.parent;
    const decl = list?.type === 'expression_list' ? list.parent : undefined;
    return decl?.type === 'short_var_declaration' && same(decl.childForFieldName('left'), list) ? [decl] : [];
  });
  if (decls.length !== 1) return undefined;
  const left = decls[0].childForFieldName('left')!.namedChildren;
  const value = decls[0].childForFieldName('right')?.namedChildren[left.findIndex((n) => n.text === name)];
  if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'make') return undefined;
  const args = value.childForFieldName('arguments')!.namedChildren;
  if (args.length !== 1 || args[0].type !== 'channel_type' || args[0].text.includes('<-')) return undefined;

  let receivesInSelect = 0;
  for (const id of uses) {
    if (contains(decls[0], id)) continue;
    const p = id.parent!;
    if (p.type === 'send_statement' && p.childForFieldName('channel')?.id === id.id) {
      if (p.id !== send.id) return undefined;
      continue;
    }
    if (p.type === 'unary_expression' && p.childForFieldName('operator')?.text === '<-') {
      const selectCase = receiveCase(p);
      if (!selectCase) return undefined;
      const select = selectCase.parent!;
      const others = select.namedChildren.filter((c) => (c.type === 'communication_case' || c.type === 'default_case') && c.id !== selectCase.id);
      if (others.length === 0) return undefined;
      receivesInSelect++;
      continue;
    }
    if (p.type === 'argument_list' && p.parent?.childForFieldName('function')?.text === 'close') continue;
    return undefined; // returned, stored, passed on, ranged over…
  }
  if (receivesInSelect === 0) return undefined;
  return enclosingFunction(decls[0]) ? value : undefined;
}

/** The communication_case whose receive is `<-ch` (as `v := <-ch`, `v, ok = <-ch` or bare). */
function receiveCase(unary: Node): Node | undefined {
  let n: Node | null = unary.parent;
  if (n?.type === 'expression_list') n = n.parent;
  if (n?.type === 'receive_statement' || n?.type === 'expression_statement') n = n.parent;
  return n?.type === 'communication_case' ? n : undefined;
}
