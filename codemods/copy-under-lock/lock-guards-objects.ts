import type { FileContext } from '../../src/engine/types.js';
import type { FieldDecl } from '../../src/go/declarations.js';
import { criticalSections } from '../../src/go/lock-regions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import type { Node } from '../../src/go/syntax.js';
import { receiverOf } from '../../src/go/declarations.js';
import { declarationOf } from '../../src/go/scope.js';
import { isFunctionType } from '../../src/go/called-functions.js';
import type { Rewrite } from './rewrites.js';
import { mutatesThroughFields } from './element-field-mutations.js';
import { writesThroughWriterField } from './writes-through-writer-field.js';

/** No fix when the lock also guards work on objects the elements may be (see guardsWorkOnFields). */
export function guardedObjectsPlan(typeName: string, cs: { mutex: string; recv: string }, ranged: FieldDecl, ctx: FileContext): Rewrite | undefined {
  const objects = guardsWorkOnFields(typeName, cs, ranged, ctx);
  if (!objects) return undefined;
  return { ok: false, reason: `${cs.mutex} also guards calls on ${cs.recv}'s other interface fields (${objects}): it serialises work on objects, not only on ${cs.recv}.${ranged.name}, whose elements (of an interface type) may be those same objects, and after unlocking the calls could run at once` };
}

/**
 * Another method of the type that, under the same mutex, calls a method of an interface-typed
 * field of the receiver (`ac.Writer.Write(p)` in Write), while the ranged elements are of an
 * interface type too (`[]Flusher`): the lock serialises work on objects, not only the
 * collection, and an element may be one of them seen through another interface (iris' flushers
 * are its writers, asserted to Flusher: flushed after unlocking, they raced its writes). As
 * `Write (ac.Writer.Write)`.
 */
function guardsWorkOnFields(typeName: string, cs: { mutex: string; recv: string }, ranged: FieldDecl, ctx: FileContext): string | undefined {
  const index = ctx.packageIndex();
  const element = elementTypeNode(ranged);
  if (!mayBeInterface(element, index)) return undefined;
  const fields = new Set(index.fieldsOf(typeName).filter((f) => !f.embedded && f.name !== ranged.name && mayBeInterface(f.typeNode, index)).map((f) => f.name));
  if (fields.size === 0) return undefined;
  const mutex = cs.mutex.slice(cs.recv.length);
  for (const m of index.methodsWhere(typeName, (text) => /Lock\s*\(\s*\)/.test(text))) {
    for (const other of criticalSections(m.node, index)) {
      if (other.mutex.slice(other.recv.length) !== mutex) continue;
      for (const call of other.inside.flatMap((st) => [st, ...st.descendantsOfType('call_expression')])) {
        const fn = call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
        const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
        if (operand?.type !== 'selector_expression' || operand.childForFieldName('operand')?.text !== other.recv) continue;
        if (fields.has(operand.childForFieldName('field')!.text)) return `${m.name} (${fn!.text})`;
      }
    }
  }
  return undefined;
}

/**
 * An interface type, or one that may be: another package's held by value (`io.Writer`,
 * `net.Conn`; not sync's or atomic's, a mutex or a counter).
 */
export function mayBeInterface(type: Node | null | undefined, index: PackageIndex): boolean {
  if (type?.type === 'qualified_type') return !/^(sync|atomic)$/.test(type.childForFieldName('package')?.text ?? '');
  if (type?.type === 'interface_type') return true;
  return type?.type === 'type_identifier' && index.underlyingKind(type.text) === 'interface';
}

/**
 * The elements are pointers (`map[string]*fqdnCacheEntry`), and the loop reads their fields
 * (`entry.resolved`, `entry.meta`) that the package writes in place (`entry.resolved = true` in
 * setResolved, under the lock): a copy of the collection copies only the pointers, and read after
 * unlocking, those fields would race the writes (antrea's FQDN cache).
 */
export function sharedElementsPlan(loop: Node, ranged: FieldDecl, vars: string[], cs: { mutex: string; read?: boolean }, ctx: FileContext): Rewrite | undefined {
  const element = elementTypeNode(ranged);
  const value = vars[1];
  if (element?.type !== 'pointer_type' || !value || value === '_') return undefined;
  const read = new Set(
    loop
      .childForFieldName('body')!
      .descendantsOfType('selector_expression')
      .filter((s) => s.childForFieldName('operand')?.text === value && !(s.parent?.type === 'call_expression' && s.parent.childForFieldName('function')?.id === s.id))
      .map((s) => s.childForFieldName('field')!.text),
  );
  const written = [...read].filter((f) => ctx.packageIndex().anyTextMatches(new RegExp(`\\.${f}\\s*=[^=]`)));
  if (written.length === 0) return handedToFunctionValue(loop, value, cs, ctx) ?? unlockedMethodPlan(loop, element, value, cs, ctx);
  return { ok: false, reason: `the elements are pointers whose fields the loop reads (${written.map((f) => `${value}.${f}`).join(', ')}) and the package writes in place: a copy would copy only the pointers, and read after ${cs.mutex} is released, those fields would race the writes` };
}

/** The type of a map's values or a slice's elements, as a node. */
function elementTypeNode(collection: FieldDecl): Node | null {
  return collection.typeNode.childForFieldName(collection.typeNode.type === 'map_type' ? 'value' : 'element');
}

/**
 * The loop calls a method of the elements' type (\`svc.Stop()\`) that writes its receiver's fields
 * (\`s.cancel = nil\`) taking no lock of its own: the collection's lock kept those calls apart, and
 * after unlocking two callers could run it at once on one element (LocalAI's StopAll raced on
 * each service's cancel).
 */
function unlockedMethodPlan(loop: Node, element: Node, value: string, cs: { mutex: string; read?: boolean }, ctx: FileContext): Rewrite | undefined {
  const typeName = element.namedChildren[0]?.type === 'type_identifier' ? element.namedChildren[0].text : undefined;
  if (!typeName) return undefined;
  const called = new Set(
    loop
      .childForFieldName('body')!
      .descendantsOfType('call_expression')
      .map((c) => c.childForFieldName('function'))
      .filter((f) => f?.type === 'selector_expression' && f.childForFieldName('operand')?.text === value)
      .map((f) => f!.childForFieldName('field')!.text),
  );
  if (called.size === 0) return undefined;
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => !/\.(R?Lock|TryLock)\(\)/.test(text))) {
    const recv = receiverOf(m.node)?.name;
    if (!called.has(m.name) || !recv) continue;
    const write = new RegExp(`(?<![\\w.])${recv}\\.(\\w+)\\s*=[^=]`).exec(m.node.childForFieldName('body')?.text ?? '');
    if (write) return { ok: false, reason: `${value}.${m.name}() writes its receiver's fields (${recv}.${write[1]}) and takes no lock of its own: ${cs.mutex} kept those calls apart, and after unlocking two callers could run it at once on one element` };
    const change = mutatesThroughFields(ctx.packageIndex(), typeName, m.node);
    if (change) return { ok: false, reason: `${value}.${m.name}() changes its receiver's state through its fields (${change}) and takes no lock of its own: ${cs.mutex} kept those calls apart from each other and from the other uses under it, and after unlocking two callers could change one element at once` };
    const writer = cs.read ? undefined : writesThroughWriterField(ctx.packageIndex(), typeName, m.node);
    if (writer) return { ok: false, reason: `${value}.${m.name}() writes through its receiver's field of type ${writer.type} (${writer.call}) and takes no lock of its own: ${cs.mutex} kept two callers' writes apart on one element's writer, which may take no lock either (a bytes.Buffer), and after unlocking they could interleave or race` };
    // Or reads fields the package writes in place (`peer.String()` reading `peer.Version`, set under the lock).
    const reads = [...(m.node.childForFieldName('body')?.text ?? '').matchAll(new RegExp(`(?<![\\w.])${recv}\\.(\\w+)\\b(?!\\s*\\()`, 'g'))].map((r) => r[1]);
    const shared = [...new Set(reads)].filter((f) => ctx.packageIndex().anyTextMatches(new RegExp(`\\.${f}\\s*=[^=]`)));
    if (shared.length > 0) return { ok: false, reason: `${value}.${m.name}() reads its receiver's fields (${shared.map((f) => `${recv}.${f}`).join(', ')}), which the package writes in place, and takes no lock of its own: a copy would copy only the pointers, and called after ${cs.mutex} is released, it would race those writes` };
  }
  return undefined;
}

/**
 * The loop hands each element, a pointer, to a function value whose code the package does not show
 * (\`f(a)\`, \`f func(*Alert)\` a parameter): it may write through it (signoz's SendAlerts set each
 * alert's LastSentAt), and after unlocking those writes would race the readers that take the lock.
 */
function handedToFunctionValue(loop: Node, value: string, cs: { mutex: string }, ctx: FileContext): Rewrite | undefined {
  for (const call of loop.childForFieldName('body')!.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function')!;
    if (!(call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.text === value)) continue;
    const found = callee.type === 'identifier' ? declarationOf(callee.text, callee) : undefined;
    const type = found && 'param' in found ? found.param.typeNode : found && 'local' in found ? found.local.typeNode : undefined;
    if (type && isFunctionType(type, ctx.packageIndex())) {
      return { ok: false, reason: `the elements are pointers handed to ${callee.text}(${value}), a function value whose code the package does not show: it may write through them, and after ${cs.mutex} is released those writes would race the readers that take it` };
    }
  }
  return undefined;
}
