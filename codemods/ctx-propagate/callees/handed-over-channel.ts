import { ancestors, contains, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';

// A function that hands the context it is given to other work over a channel (`m.jobs <-
// replJob{ctx: ctx, addr: addr}`, a long-lived worker loop receiving it) and returns without
// waiting for a reply: that work runs on after it returns, with the context it was sent
// (ledisdb's replication, started by a SLAVEOF command, would stop once the command was answered).

/** `param` itself, or a context made from it (`context.WithCancel(ctx)`). */
export function isParam(v: Node | undefined | null, param: string): boolean {
  return !!v && (v.text === param || new RegExp(`^\\w+\\.With\\w*\\(\\s*${param}\\s*[,)]`).test(v.text));
}

/** A composite literal (or `&` of one) holding `param` as one of its elements, keyed or not. */
export function literalHolding(v: Node | undefined | null, param: string): boolean {
  const lit = v?.type === 'unary_expression' ? v.namedChildren[0] : v;
  if (lit?.type !== 'composite_literal') return false;
  const elements = lit.childForFieldName('body')?.namedChildren ?? [];
  return elements.some((e) => {
    const value = e.type === 'keyed_element' ? e.namedChildren.at(-1) : e;
    const inner = value?.type === 'literal_element' ? value.namedChildren[0] : value;
    return isParam(inner, param) || literalHolding(inner, param);
  });
}

/** A local of `decl` declared (`:=`) or set to a literal holding `param`, before `at`. */
export function localHolding(name: string, decl: Node, at: Node, param: string): boolean {
  const sets = [...decl.descendantsOfType('short_var_declaration'), ...decl.descendantsOfType('assignment_statement'), ...decl.descendantsOfType('var_spec')];
  return sets.some((s) => {
    if (s.startIndex > at.startIndex || !same(enclosingFunction(s), decl)) return false;
    const left = (s.type === 'var_spec' ? s.childrenForFieldName('name') : s.childForFieldName('left')?.namedChildren) ?? [];
    const right = s.type === 'var_spec' ? s.childForFieldName('value')?.namedChildren ?? [] : s.childForFieldName('right')?.namedChildren ?? [];
    const i = left.findIndex((n) => n.text === name);
    return i >= 0 && left.length === right.length && literalHolding(right[i], param);
  });
}

/**
 * How `decl` hands its parameter `param` over a channel to work that outlives it, as written
 * (`sends it on a channel (m.jobs <- replJob{ctx: ctx, addr: masterAddr}) …`): a send of it, of a
 * literal holding it, or of a local made from such a literal, with no receive, select or wait
 * after the send in the function (a request answered over a reply channel ends with the call).
 */
export function sentOnChannel(decl: Node, param: string): string | undefined {
  const body = decl.childForFieldName('body');
  if (!body) return undefined;
  for (const send of body.descendantsOfType('send_statement')) {
    if (!same(enclosingFunction(send), decl)) continue;
    const value = send.childForFieldName('value');
    const sent = isParam(value, param) || literalHolding(value, param) || (value?.type === 'identifier' && localHolding(value.text, decl, send, param));
    if (!sent || waitsAfter(decl, body, send)) continue;
    return `sends it on a channel (${firstLine(send.text)}) to work that receives it there and runs after it returns, without waiting for a reply`;
  }
  return undefined;
}

/** A receive (`<-reply`), a select or a `Wait()` of the function after `send`: it waits for the work handed over. */
export function waitsAfter(decl: Node, body: Node, send: Node): boolean {
  // The select a send sits in (send-select-ctx's `select { case m.jobs <- j: default: select { … case
  // <-ctx.Done(): return } }`, its nested one included) is the send's own, not a wait for the work.
  const own = ancestors(send).filter((a) => a.type === 'select_statement' && contains(body, a)).at(-1);
  const after = (n: Node) => n.startIndex >= send.endIndex && same(enclosingFunction(n), decl) && !(own && contains(own, n));
  if (body.descendantsOfType('select_statement').some(after)) return true;
  if (body.descendantsOfType('unary_expression').some((u) => after(u) && u.child(0)?.type === '<-')) return true;
  if (body.descendantsOfType('receive_statement').some(after) || body.descendantsOfType('for_statement').some((f) => after(f) && /\brange\b/.test(f.text.split('{')[0]))) return true;
  return body.descendantsOfType('call_expression').some((c) => after(c) && /(^|\.)Wait$/.test(c.childForFieldName('function')?.text ?? ''));
}
