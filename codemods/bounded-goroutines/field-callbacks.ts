import type { PackageIndex } from '../../src/go/package-index.js';
import { calledBodies } from '../../src/go/called-functions.js';
import { baseTypeName } from '../../src/go/declarations.js';
import { declaredTypeName } from '../../src/go/scope.js';
import { ancestors, unparen, type Node } from '../../src/go/syntax.js';

/**
 * The functions the package stores in a function-typed field the goroutine calls (`d.onEntry(e)`,
 * where the constructor sets `d.onEntry = func(e *Entry) { d.events <- e }`, or builds
 * `Dispatcher{onEntry: d.handle}`): the call runs one of them, so they run in the goroutine as a
 * call would (a miniflux-like dispatcher whose callback sent to the event loop that starts the
 * goroutines). A function literal's body, or the package's function or method a value names, and
 * those it calls. Only a field no method of the package is named after. `via`: the field's call.
 */
export function fieldCallbackBodies(calls: Node[], index: PackageIndex): { body: Node; via?: string }[] {
  const out: { body: Node; via?: string }[] = [];
  const seen = new Set<string>();
  for (const fn of calls) {
    if (fn.type !== 'selector_expression') continue;
    const field = fn.childForFieldName('field')!.text;
    const owner = ownerOf(fn);
    if (seen.has(`${owner}.${field}`) || index.functionsNamed(field, true).length > 0) continue;
    seen.add(`${owner}.${field}`);
    const via = `${fn.text} (a function the package stores in its ${field} field)`;
    for (const value of storedIn(field, owner, index)) {
      if (value.type === 'func_literal') {
        const body = value.childForFieldName('body')!;
        const inner = body.descendantsOfType('call_expression').map((c) => c.childForFieldName('function')!);
        out.push({ body, via }, ...calledBodies(inner, index, true).map((b) => ({ ...b, via: b.via ?? via })));
      } else if (value.type === 'identifier' || value.type === 'selector_expression') {
        out.push(...calledBodies([value], index, true).map((b) => ({ body: b.body, via: b.via === `${value.text}()` ? via : b.via })));
      }
    }
  }
  return out;
}

/**
 * The values the package assigns to a field of this name (`x.field = v`) or gives it in a
 * composite literal (`T{field: v}`), of the owner type when both it and the value's are known.
 */
function storedIn(field: string, owner: string | undefined, index: PackageIndex): Node[] {
  const other = (type: string | undefined) => !!owner && !!type && type !== owner;
  const out: Node[] = [];
  for (const name of index.nodesMatching(new RegExp(`\\.${field}\\s*=(?!=)`, 'g'), () => 1)) {
    const assign = ancestors(name).find((a) => a.type === 'assignment_statement');
    const left = assign?.childForFieldName('left')?.namedChildren ?? [];
    const at = left.findIndex((l) => l.type === 'selector_expression' && l.childForFieldName('field')?.text === field);
    const value = at === -1 || other(ownerOf(left[at])) ? undefined : assign!.childForFieldName('right')?.namedChildren[at];
    if (value) out.push(unparen(value));
  }
  for (const key of index.nodesMatching(new RegExp(`(?<![\\w.])${field}\\s*:\\s*\\S`, 'g'))) {
    const element = ancestors(key).find((a) => a.type === 'keyed_element');
    const [k, v] = element?.namedChildren.map((n) => (n.type === 'literal_element' && n.namedChild(0) ? n.namedChild(0)! : n)) ?? [];
    const literal = element && ancestors(element).find((a) => a.type === 'composite_literal');
    if (k?.text === field && v && literal && !other(baseTypeName(literal.childForFieldName('type')?.text ?? '') || undefined)) out.push(unparen(v));
  }
  return out;
}

/** The type of what a selector selects from (`d.onEntry`, d the receiver: dispatcher), when its declaration says. */
function ownerOf(selector: Node): string | undefined {
  const operand = unparen(selector.childForFieldName('operand')!);
  return operand.type === 'identifier' ? declaredTypeName(operand.text, selector) : undefined;
}
