import type { FileContext } from '../../src/engine/types.js';
import type { FieldDecl } from '../../src/go/declarations.js';
import type { CriticalSection } from '../../src/go/lock-regions.js';
import { otherSections } from './other-sections.js';
import type { Node } from '../../src/go/syntax.js';
import { mayBeInterface } from './lock-guards-objects.js';
import type { Rewrite } from './rewrites.js';

/**
 * A fix that would copy a collection whose elements are interfaces (`map[Exporter]struct{}`, ranged
 * as `e`), or another package's type, becomes a refusal when another method of the type calls a
 * method on elements of the same collection under the same mutex (`e.ExportView(d)` in reportView):
 * the package does not show their implementations, and the lock kept those calls apart; after
 * unlocking, this loop's call (`e.Flush()`) could run beside them on one element (opencensus'
 * exporters, which buffer without a lock of their own: rows lost, races under -race).
 */
export function unlessElementCallsKeptApart(plan: Rewrite, loop: Node, ranged: FieldDecl, vars: string[], cs: CriticalSection, method: Node, typeName: string, ctx: FileContext): Rewrite {
  if (!plan.ok) return plan;
  const positions = unseenPositions(ranged, ctx).filter((i) => vars[i] && vars[i] !== '_');
  const mine = positions.map((i) => ({ i, call: callOn(loop, vars[i]) })).find((p) => p.call);
  if (!mine) return plan;
  const other = otherCaller(typeName, cs, ranged.name, mine.i, method, ctx);
  if (!other) return plan;
  const lock = cs.read ? `${cs.mutex}'s write lock` : cs.mutex;
  return { ok: false, reason: `${cs.recv}.${ranged.name}${ranged.name.endsWith('s') ? "'" : "'s"} elements are ${kindOf(ranged, mine.i)} whose implementations the package does not show, and ${other.method} calls ${other.callee} on them under ${lock}: the lock keeps their calls apart, and ${mine.call!} after the unlock could run beside it` };
}

/** The positions a range binds (0 a map's key, 1 its value or a slice's element) whose type may be an interface or another package's. */
function unseenPositions(ranged: FieldDecl, ctx: FileContext): number[] {
  const t = ranged.typeNode;
  const slots: [number, Node | null][] = t.type === 'map_type' ? [[0, t.childForFieldName('key')], [1, t.childForFieldName('value')]] : t.type === 'slice_type' ? [[1, t.childForFieldName('element')]] : [];
  return slots.filter(([, type]) => unseen(type, ctx)).map(([i]) => i);
}

/** An interface type, another package's type, or a pointer to another package's type: methods the package does not show. */
function unseen(type: Node | null, ctx: FileContext): boolean {
  if (type?.type === 'pointer_type') return type.namedChildren[0]?.type === 'qualified_type' && mayBeInterface(type.namedChildren[0], ctx.packageIndex());
  return mayBeInterface(type, ctx.packageIndex());
}

function kindOf(ranged: FieldDecl, position: number): string {
  const t = ranged.typeNode;
  const type = t.type === 'map_type' ? t.childForFieldName(position === 0 ? 'key' : 'value') : t.childForFieldName('element');
  return type?.type === 'interface_type' || type?.type === 'type_identifier' ? 'interfaces' : `of ${type?.text ?? 'another package'}'s type`;
}

/** The first method call in the loop on the element, up to its paren (`e.Flush()`). */
function callOn(loop: Node, element: string): string | undefined {
  for (const c of loop.childForFieldName('body')!.descendantsOfType('call_expression')) {
    const fn = c.childForFieldName('function')!;
    if (fn.type === 'selector_expression' && fn.childForFieldName('operand')!.text === element) return `${fn.text}()`;
  }
  return undefined;
}

/**
 * Another method of the type that, under the same mutex (its write lock, when this loop holds a read
 * lock), ranges over the field and calls a method on the element bound at the same position
 * (`for e := range w.exporters { e.ExportView(d) }`), or calls one on an indexed element
 * (`w.exporters[i].ExportView(d)`). Its name and the method called.
 */
function otherCaller(typeName: string, cs: CriticalSection, field: string, position: number, method: Node, ctx: FileContext): { method: string; callee: string } | undefined {
  for (const { name, section, target } of otherSections(typeName, cs, field, method, ctx)) {
    for (const clause of section.inside.flatMap((st) => [st, ...st.descendantsOfType('range_clause')]).filter((n) => n.type === 'range_clause')) {
      if (clause.childForFieldName('right')?.text !== target) continue;
      const bound = clause.childForFieldName('left')?.namedChildren[position]?.text;
      const body = clause.parent?.childForFieldName('body');
      const called = bound && bound !== '_' && body ? calledOn(body, (operand) => operand.text === bound) : undefined;
      if (called) return { method: name, callee: called };
    }
    if (position === 1) {
      for (const st of section.inside) {
        const called = calledOn(st, (operand) => operand.type === 'index_expression' && operand.childForFieldName('operand')?.text === target);
        if (called) return { method: name, callee: called };
      }
    }
  }
  return undefined;
}

/** The name of the first method called in `root` on an operand that passes `test` (`ExportView`). */
function calledOn(root: Node, test: (operand: Node) => boolean): string | undefined {
  for (const c of [root, ...root.descendantsOfType('call_expression')]) {
    const fn = c.type === 'call_expression' ? c.childForFieldName('function') : undefined;
    if (fn?.type === 'selector_expression' && test(fn.childForFieldName('operand')!)) return fn.childForFieldName('field')!.text;
  }
  return undefined;
}
