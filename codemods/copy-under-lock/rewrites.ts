import { regexEscaped } from '../../src/go/find-by-text.js';
import { goAtLeast } from '../../src/engine/go-module.js';
import type { FileContext, Fix } from '../../src/engine/types.js';
import type { CriticalSection } from '../../src/go/lock-regions.js';
import { mentions } from '../../src/go/lock-regions.js';
import type { FieldDecl } from '../../src/go/declarations.js';
import { ancestors, deleteLines, enclosingFunction, eol, firstLine, freshName, freshNameIn, indentAt, lineEnd, same, usedNames, type Node } from '../../src/go/syntax.js';

export type Rewrite = { ok: true; fix: Fix } | { ok: false; reason: string };


function unlockText(cs: CriticalSection): string {
  return `${cs.mutex}.${cs.read ? 'RUnlock' : 'Unlock'}()`;
}

/** A local name for the copy: <field>Copy, unique in the function. */
function localName(fn: Node, field: string): string {
  return freshNameIn(fn, `${field.charAt(0).toLowerCase()}${field.slice(1)}Copy`, usedNames(fn));
}

/** Copy of a map or slice field as Go statements, and the imports they need. */
function cloneOf(expr: string, field: FieldDecl, name: string, ctx: FileContext, ind: string, nl: string, used: Set<string>): { text: string; imports: string[] } | undefined {
  const fresh = (base: string) => freshName(base, used);
  const modern = goAtLeast(ctx.goVersion, '1.21');
  if (field.typeNode.type === 'map_type') {
    if (modern) return { text: `${name} := maps.Clone(${expr})`, imports: ['maps'] };
    const [k, v] = [fresh('k'), fresh('v')];
    return { text: [`${name} := make(${field.type}, len(${expr}))`, `for ${k}, ${v} := range ${expr} {`, `\t${name}[${k}] = ${v}`, '}'].join(`${nl}${ind}`), imports: [] };
  }
  if (field.typeNode.type === 'slice_type') {
    return modern ? { text: `${name} := slices.Clone(${expr})`, imports: ['slices'] } : { text: `${name} := append(${expr}[:0:0], ${expr}...)`, imports: [] };
  }
  return undefined;
}

/**
 * iterate-then-call: the section is a range over a guarded map or slice whose body calls out.
 * Copy the collection under the lock, unlock, range over the copy.
 */
export function iterateThenCall(cs: CriticalSection, loop: Node, field: FieldDecl, fn: Node, ctx: FileContext): Rewrite {
  const src = ctx.source;
  const nl = eol(src);
  const body = loop.childForFieldName('body')!;
  if (mentions(body, cs.recv)) return { ok: false, reason: `the loop body reads or writes ${cs.recv}'s state, which the lock guards` };
  if (cs.after.some((s) => mentions(s, cs.recv)) || cs.inside.length !== 1) return { ok: false, reason: 'the critical section does more than the loop' };
  if (!cs.deferred && body.descendantsOfType('return_statement').length > 0) return { ok: false, reason: 'a return inside the loop leaves the lock held: the lock is not released on every path' };
  const clause = loop.namedChildren.find((c) => c.type === 'range_clause')!;
  const right = clause.childForFieldName('right')!;
  const ind = indentAt(src, cs.lock.startIndex);
  const name = localName(fn, field.name);
  const used = usedNames(fn);
  // A copy is shallow: inner maps or slices would still be read after the unlock while others
  // change them under the lock (polaris' per-service instance sets: concurrent map iteration and write).
  // A type the package declares so counts too (`type Value []byte`, changed in place by others).
  const written = field.typeNode.childForFieldName(field.typeNode.type === 'map_type' ? 'value' : 'element');
  const inner = written?.type === 'type_identifier' ? (ctx.packageIndex().type(written.text)?.typeNode ?? written) : written;
  if (inner?.type === 'map_type' || inner?.type === 'slice_type') {
    return { ok: false, reason: `${right.text} holds ${inner.type === 'map_type' ? 'maps' : 'slices'} (${field.type}): a copy would be shallow, and the loop would read the inner ones after the unlock while other code changes them under the lock` };
  }
  // Another package's type (`resources.Requests`, an interface over a map changed in place under
  // the lock: kueue's node usage) may hold a map or slice too; only value types known to copy whole pass.
  if (written?.type === 'qualified_type' && !COPIED_WHOLE.test(written.text)) {
    return { ok: false, reason: `${right.text} holds values of ${written.text}, a type of another package: if it is or holds a map or a slice (an interface over one), a copy would be shallow, and the loop would read the inner ones after the unlock while other code changes them under the lock` };
  }
  const heldInner = innerOfStructElement(written, clause, body, ctx);
  if (heldInner) {
    return { ok: false, reason: `${right.text} holds ${written!.text} values, whose ${heldInner.field} is a ${heldInner.kind} the loop uses (${heldInner.use}): a copy would be shallow, and the loop would use it after the unlock while other code changes it under the lock` };
  }
  const clone = cloneOf(right.text, field, name, ctx, ind, nl, used);
  if (!clone) return { ok: false, reason: `cannot copy ${right.text} of type ${field.type}` };
  const edits = [{ start: right.startIndex, end: right.endIndex, text: name }];
  const copyThenUnlock = `${clone.text}${nl}${ind}${unlockText(cs)}`;
  if (cs.deferred) {
    edits.push({ start: cs.unlock.startIndex, end: cs.unlock.endIndex, text: copyThenUnlock });
  } else {
    edits.push({ start: loop.startIndex, end: loop.startIndex, text: `${copyThenUnlock}${nl}${ind}` }, deleteLines(src, cs.unlock));
  }
  return { ok: true, fix: { description: `copy ${right.text} under the lock, unlock, then iterate the copy`, edits, imports: clone.imports } };
}

/** Other packages' types that copy whole: times, durations, contexts and their cancel functions, addresses by value. */
const COPIED_WHOLE = /^(time\.(Time|Duration|Month|Weekday)|context\.(Context|CancelFunc|CancelCauseFunc)|netip\.(Addr|AddrPort|Prefix)|uuid\.UUID)$/;

/**
 * remove-then-close: take an entry, call it, delete it — all under the lock. Take and delete
 * under the lock, unlock, then make the call on the local value.
 */
export function removeThenClose(cs: CriticalSection, take: Node, del: Node, between: Node[], ctx: FileContext): Rewrite {
  const src = ctx.source;
  const nl = eol(src);
  if (between.some((s) => mentions(s, cs.recv))) return { ok: false, reason: `the calls between the lookup and the delete touch ${cs.recv}'s state, which the lock guards` };
  if (between.some((s) => s.type === 'return_statement' || s.descendantsOfType('return_statement').length > 0)) {
    return { ok: false, reason: 'a return before the delete would skip it: moving the delete earlier would change what the map holds' };
  }
  // With a deferred unlock, a return before the take leaves through the defer: once the defer is
  // gone, that path would keep the lock (`if r.closed { return }` first thing).
  const earlier = cs.inside.slice(0, cs.inside.indexOf(take));
  if (cs.deferred && earlier.some((s) => s.type === 'return_statement' || s.descendantsOfType('return_statement').some((r) => same(enclosingFunction(r), enclosingFunction(s))))) {
    return { ok: false, reason: `a return before the lookup leaves through the deferred unlock: without the defer, that path would keep ${cs.mutex} locked` };
  }
  const ind = indentAt(src, take.startIndex);
  const edits = [deleteLines(src, del), { start: lineEnd(src, take.endIndex), end: lineEnd(src, take.endIndex), text: `${nl}${ind}${del.text}${nl}${ind}${unlockText(cs)}` }];
  edits.push(deleteLines(src, cs.unlock));
  return { ok: true, fix: { description: `delete the entry and unlock before calling it`, edits } };
}

/**
 * handed-out slice: a slice read under the lock and used after unlocking gets its own copy. Not
 * one the function puts back where it took it after use (`ch.packetPool[code] = packet`): a pool
 * of buffers, which a copy per call would defeat (zgrab2's SSH writes, one 32 KB allocation each).
 */
export function handedOutSlice(value: Node, name: string, after: Node[], ctx: FileContext): Rewrite {
  const e = value.text;
  const putBack = new RegExp(`(^|[^\\w.])${regexEscaped(e)}\\s*=\\s*${name}\\b`);
  const back = after.find((a) => putBack.test(a.text));
  if (back) {
    return { ok: false, reason: `${name} goes back into ${e} after its use (line ${back.startPosition.row + 1}), a pool of buffers: a copy would allocate on every call and defeat the pool (taking it out under the lock, setting ${e} to nil, would keep both)` };
  }
  // Written through in place later (`copy(servers, fresh)`, `servers[i] = c`, under the write lock): meant to reach the field's elements.
  const inPlace = new RegExp(`\\bcopy\\(\\s*${name}\\s*,|(^|[^\\w.])${name}\\s*\\[[^\\]]*\\]\\s*=[^=]`, 'm');
  const written = after.find((a) => inPlace.test(a.text));
  if (written) {
    return { ok: false, reason: `${name} is written in place later (line ${written.startPosition.row + 1}), to reach the elements of ${e} through the array they share: a copy would take those writes, and ${e} and whatever else shares its array would never see them` };
  }
  const fix = goAtLeast(ctx.goVersion, '1.21') ? { text: `slices.Clone(${e})`, imports: ['slices'] } : { text: `append(${e}[:0:0], ${e}...)`, imports: [] };
  return { ok: true, fix: { description: 'copy the slice before the lock is released', edits: [{ start: value.startIndex, end: value.endIndex, text: fix.text }], imports: fix.imports } };
}

/**
 * For elements of a struct type the package declares: a map field of the range value the loop
 * body uses (`cs.lastEventSentTimeByCluster[key] = now`, in a loop over `cc.clusterSources`
 * of `clusterSource` values: cluster-api's cluster cache). The copy shares it with the struct.
 */
function innerOfStructElement(written: Node | null | undefined, clause: Node, body: Node, ctx: FileContext): { field: string; kind: string; use: string } | undefined {
  const value = clause.childForFieldName('left')?.namedChildren[1]?.text;
  if (written?.type !== 'type_identifier' || !value || value === '_') return undefined;
  const index = ctx.packageIndex();
  const selectors = body.descendantsOfType('selector_expression').filter((x) => x.childForFieldName('operand')?.text === value);
  for (const f of index.fieldsOf(written.text)) {
    const t = f.typeNode;
    // A map: read or written after the unlock while others write it under the lock, the runtime
    // stops the process (a slice's header is copied, its elements rarely set in place).
    const kind = t.type === 'map_type' ? 'map' : t.type === 'type_identifier' ? index.underlyingKind(t.text) : undefined;
    if (kind !== 'map') continue;
    const use = selectors.find((x) => x.childForFieldName('field')?.text === f.name);
    const statement = use && ancestors(use).find((a) => a.parent?.type === 'statement_list' || a.parent?.type === 'block');
    if (use) return { field: f.name, kind, use: firstLine((statement ?? use).text) };
  }
  return undefined;
}
