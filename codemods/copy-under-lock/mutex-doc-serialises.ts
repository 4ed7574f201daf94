import type { FileContext } from '../../src/engine/types.js';
import type { CriticalSection } from '../../src/go/lock-regions.js';
import type { Node } from '../../src/go/syntax.js';
import type { Rewrite } from './rewrites.js';
import { docLines, lockSaysOrders, ordersBy, typeDeclarationAt } from './lock-orders.js';

const SERIALISES = /(?:\bseriali[sz](?:es|ed|e|ing)\b|\bone (?:writer|caller|call|write) at a time\b)[^.;:()]*/i;

/**
 * A fix becomes a refusal when the mutex's own comment, or a sentence of its type's comment that
 * names it, says the lock serialises calls (`wsMtx guards the client set and serialises every
 * write to a client's connection`): it orders the loop's calls against others, not only guards
 * the collection, and after unlocking they could interleave (btcwallet's websocket server).
 */
export function unlessDocSaysSerialises(plan: Rewrite, call: Node, cs: CriticalSection, typeName: string, ctx: FileContext): Rewrite {
  if (!plan.ok) return plan;
  const name = cs.mutex === cs.recv ? undefined : cs.mutex.slice(cs.recv.length + 1);
  const field = ctx.packageIndex().fieldsOf(typeName).find((f) => (name === undefined ? f.embedded && /Mutex$/.test(f.type) : !f.embedded && f.name === name));
  const decl = field?.typeNode.parent;
  if (!field || decl?.type !== 'field_declaration') return plan;
  const own = commentsAround(decl).join(' ');
  const typeDecl = ancestor(decl, 'type_declaration');
  // The tree may be a partial parse without the type's comment: read it from this file's text.
  const at = typeDeclarationAt(ctx.source, typeName);
  const mention = new RegExp(`\\b${field.name}\\b`);
  const sentences = [own, ...(at !== undefined ? docLines(ctx.source, at) : typeDecl ? commentsAround(typeDecl, false) : []).join(' ').split(/(?<=\.)\s+/).filter((s) => mention.test(s))];
  const says = sentences.map((s) => SERIALISES.exec(s) ?? ordersBy(s, field.name)).find((m) => m);
  const callee = call.type === 'call_expression' ? call.childForFieldName('function')!.text : 'send';
  if (!says) {
    const near = lockSaysOrders(ctx.source, cs, field.name);
    if (!near) return plan;
    return { ok: false, reason: `the ${near.where} says "${near.said}": the lock orders this loop's ${callee} against the same loop in other calls, and unlocked before the calls, two callers' loops could interleave and the elements see them in different orders` };
  }
  return { ok: false, reason: `the comment on ${cs.mutex} says "${says[0].trim()}" (not only that it guards the collection): the lock orders this loop's ${callee} against the other calls it covers, and unlocked before the calls, they could interleave on one element` };
}

/** The `//` lines just above a node, and (with `trailing`) a comment ending its line: their text. */
function commentsAround(node: Node, trailing = true): string[] {
  const out: string[] = [];
  let row = node.startPosition.row;
  for (let p = node.previousNamedSibling; p?.type === 'comment' && p.endPosition.row === row - 1; p = p.previousNamedSibling) {
    out.unshift(p.text.replace(/^\/\/\s?|^\/\*|\*\/$/g, ''));
    row = p.startPosition.row;
  }
  const next = node.nextNamedSibling;
  if (trailing && next?.type === 'comment' && next.startPosition.row === node.endPosition.row) out.push(next.text.replace(/^\/\/\s?|^\/\*|\*\/$/g, ''));
  return out;
}

function ancestor(node: Node, type: string): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return p;
  return undefined;
}
