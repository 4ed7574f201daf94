import type { FileContext } from '../../src/engine/types.js';
import { receiverOf, type FieldDecl } from '../../src/go/declarations.js';
import type { CriticalSection } from '../../src/go/lock-regions.js';
import type { Node } from '../../src/go/syntax.js';
import { otherSections } from './other-sections.js';
import type { Rewrite } from './rewrites.js';

/**
 * No fix when the loop changes each element through a method of the package (`l.Reset()`, writing
 * `l.records = nil` under the element's own lock) and another method reads every element under the
 * same mutex (`Result`, ranging over `r.loggers` and copying each `l.records`): the mutex makes the
 * loop one step for them all, and after the unlock that reader could see some elements changed and
 * others not (opentelemetry's log recorder: a half-done Reset seen by Result).
 */
export function readAllAtOnce(loop: Node, ranged: FieldDecl, vars: string[], cs: CriticalSection, method: Node, typeName: string, ctx: FileContext): Rewrite | undefined {
  const value = vars[1];
  const element = ranged.typeNode.childForFieldName(ranged.typeNode.type === 'map_type' ? 'value' : 'element');
  const elementType = element?.type === 'pointer_type' && element.namedChildren[0]?.type === 'type_identifier' ? element.namedChildren[0].text : undefined;
  if (!value || value === '_' || !elementType) return undefined;
  const write = changeOnElement(loop, value, elementType, ctx);
  if (!write) return undefined;
  for (const { name, section, target } of otherSections(typeName, cs, ranged.name, method, ctx)) {
    for (const clause of section.inside.flatMap((st) => [st, ...st.descendantsOfType('range_clause')]).filter((n) => n.type === 'range_clause')) {
      const bound = clause.childForFieldName('left')?.namedChildren[1]?.text;
      const body = clause.parent?.childForFieldName('body');
      if (clause.childForFieldName('right')?.text !== target || !bound || bound === '_' || !body) continue;
      // A field or method of the element, not its own lock (`l.mu.Lock()`).
      const read = body.descendantsOfType('selector_expression').find((s) => s.childForFieldName('operand')?.text === bound && s.parent?.type !== 'selector_expression');
      if (read) return { ok: false, reason: `${name} reads every element of ${target} under ${cs.mutex} (${read.text}), and ${write.call} changes each (${write.change}): the lock makes this loop one step for all of them, and after the unlock ${name} could see some changed and others not (a half-done ${write.call})` };
    }
  }
  return undefined;
}

/** The loop's call of a method of the elements' type that writes a field of its receiver: the call (`l.Reset()`) and the write (`l.records = nil`). */
function changeOnElement(loop: Node, value: string, elementType: string, ctx: FileContext): { call: string; change: string } | undefined {
  for (const c of loop.childForFieldName('body')!.descendantsOfType('call_expression')) {
    const fn = c.childForFieldName('function')!;
    if (fn.type !== 'selector_expression' || fn.childForFieldName('operand')!.text !== value) continue;
    const m = ctx.packageIndex().method(elementType, fn.childForFieldName('field')!.text);
    const recv = m && receiverOf(m.node)?.name;
    const change = recv ? new RegExp(`(?<![\\w.])${recv}\\.\\w+\\s*(?:[-+*/|&]?=(?!=)|\\+\\+|--)[^\\n;]*`).exec(m!.node.childForFieldName('body')?.text ?? '') : null;
    if (change) return { call: `${fn.text}()`, change: change[0].trim() };
  }
  return undefined;
}
