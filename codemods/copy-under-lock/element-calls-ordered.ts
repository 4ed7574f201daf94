import type { FileContext } from '../../src/engine/types.js';
import { baseTypeName, type FieldDecl } from '../../src/go/declarations.js';
import type { CriticalSection } from '../../src/go/lock-regions.js';
import { declarationOf, declaredTypeName } from '../../src/go/scope.js';
import { unparen, type Node } from '../../src/go/syntax.js';
import { otherSections } from './other-sections.js';
import type { Rewrite } from './rewrites.js';

/**
 * A fix that would move the loop's call on each element (`c.conn.Write(frame)`) past the unlock
 * becomes a refusal when another method of the type makes the same call on a value of the
 * element's type under the same mutex (`c.conn.Write(hdr); c.conn.Write(body)` in reply): the
 * same method on the same path (`.conn.Write`), or the same function handed such a value at the
 * same place. The lock then orders those calls against the loop's, not only guards the
 * collection, and after unlocking a call of this loop could land between two of theirs on one
 * element (btcwallet's websocket server: a broadcast frame between a reply's header and body).
 */
export function unlessElementCallsOrdered(plan: Rewrite, call: Node, ranged: FieldDecl, vars: string[], cs: CriticalSection, method: Node, typeName: string, ctx: FileContext): Rewrite {
  if (!plan.ok || call.type !== 'call_expression') return plan;
  const mine = keysOf(call, (n) => {
    const r = rootOf(n);
    const i = r.root.type === 'identifier' ? vars.indexOf(r.root.text) : -1;
    return i === -1 || vars[i] === '_' ? undefined : r.path;
  }, cs.recv);
  if (mine.size === 0) return plan;
  const element = elementTypeName(ranged, vars, call);
  for (const { name, section } of otherSections(typeName, cs, '', method, ctx)) {
    const isElement = (n: Node) => elementPath(n, section.recv, `${section.recv}.${ranged.name}`, element);
    const calls = section.inside.flatMap((st) => [st, ...st.descendantsOfType('call_expression')]).filter((c) => c.type === 'call_expression' && !insideFuncLiteral(c, section));
    const same = calls.filter((c) => [...keysOf(c, isElement, section.recv)].some((k) => mine.has(k)));
    if (same.length === 0) continue;
    const text = callee(same[0]);
    const pair = same.length > 1 ? `between two of ${name}'s on one element (a header and its body, say)` : `beside ${name}'s on the same element, or between two of its calls`;
    return { ok: false, reason: `${name} also calls ${text} under ${cs.mutex}: the lock orders those calls against this loop's ${callee(call)}, and unlocked before the calls, one from ${method.childForFieldName('name')!.text} could land ${pair}` };
  }
  return plan;
}

/**
 * What a call does with an element, as keys: `m:.conn.Write` for a method on the element's
 * `.conn`, `f:send#0:` for a function handed the element first (a method of the receiver
 * written `r.send`, whatever the receiver's name).
 */
function keysOf(call: Node, elementPathOf: (n: Node) => string | undefined, recv: string): Set<string> {
  const out = new Set<string>();
  const fn = call.childForFieldName('function');
  if (fn?.type === 'selector_expression') {
    const path = elementPathOf(fn.childForFieldName('operand')!);
    if (path !== undefined) out.add(`m:${path}.${fn.childForFieldName('field')!.text}`);
  }
  const name = fn?.type === 'identifier' ? fn.text : fn?.type === 'selector_expression' && fn.childForFieldName('operand')!.text === recv ? `r.${fn.childForFieldName('field')!.text}` : undefined;
  if (name) {
    (call.childForFieldName('arguments')?.namedChildren ?? []).forEach((a, i) => {
      const path = elementPathOf(a);
      if (path !== undefined) out.add(`f:${name}#${i}:${path}`);
    });
  }
  return out;
}

/** The root of a selector chain (`c` in `c.conn`) and the path after it (`.conn`). */
function rootOf(node: Node): { root: Node; path: string } {
  let n = unparen(node);
  const fields: string[] = [];
  while (n.type === 'selector_expression') {
    fields.unshift(n.childForFieldName('field')!.text);
    n = unparen(n.childForFieldName('operand')!);
  }
  return { root: n, path: fields.map((f) => `.${f}`).join('') };
}

/**
 * The path after an element of the collection, in another method's section: rooted at a variable
 * declared with the element's type (`c *websocketClient`), at one ranged from the collection, at
 * an indexed element of it, or, with a path (`x.conn`), at a variable of a type not known there
 * (not the receiver).
 */
function elementPath(node: Node, recv: string, target: string, element: string | undefined): string | undefined {
  const { root, path } = rootOf(node);
  if (root.type === 'index_expression') return root.childForFieldName('operand')?.text === target ? path : undefined;
  if (root.type !== 'identifier' || root.text === recv) return undefined;
  const found = declarationOf(root.text, root);
  if (found && 'local' in found && found.local.decl.type === 'range_clause') {
    return found.local.decl.childForFieldName('right')?.text === target || path !== '' ? path : undefined;
  }
  const type = declaredTypeName(root.text, root);
  if (type !== undefined) return element !== undefined && type === element ? path : undefined;
  return path !== '' && found !== undefined ? path : undefined;
}

/** The named type of the element the call's root is bound to (`websocketClient`), if named. */
function elementTypeName(ranged: FieldDecl, vars: string[], call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  const roots = [fn?.type === 'selector_expression' ? fn.childForFieldName('operand')! : undefined, ...(call.childForFieldName('arguments')?.namedChildren ?? [])];
  const i = roots.map((r) => (r ? vars.indexOf(rootOf(r).root.text) : -1)).find((x) => x !== -1);
  if (i === undefined) return undefined;
  const t = ranged.typeNode;
  const type = t.type === 'map_type' ? t.childForFieldName(i === 0 ? 'key' : 'value') : t.childForFieldName('element');
  const name = type ? baseTypeName(type.text) : '';
  return /^[\w.]+$/.test(name) ? name : undefined;
}

function insideFuncLiteral(n: Node, section: CriticalSection): boolean {
  for (let p = n.parent; p && !section.inside.some((s) => s.id === p!.id); p = p.parent) if (p.type === 'func_literal') return true;
  return false;
}

/** `c.conn.Write` for a call. */
function callee(call: Node): string {
  return call.childForFieldName('function')!.text;
}
