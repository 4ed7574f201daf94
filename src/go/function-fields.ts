import type { PackageIndex } from './package-index.js';
import type { Node } from './syntax.js';

// A call through a field of a function type (`p.GetTableCells(item)`): no method of the name runs
// it, but what the package puts in that field does.

/** What the package puts in a function field: literals, and functions or methods named. */
export interface FieldTargets {
  literals: Node[];
  named: { name: string; method: boolean }[];
}

const cache = new WeakMap<PackageIndex, Map<string, FieldTargets | undefined>>();

/**
 * For a name the package declares a field of a function type by (`GetTableCells func(T) []string`):
 * the values its functions give that field, in a struct literal (`GetTableCells: func(c *T)
 * []string { … }`, `Load: s.Add`) or by assignment (`p.GetTableCells = cells`). A function
 * literal counts as itself, a name as the package's function of that name, a selector as a method
 * of that name (another package's function `pkg.F` so finds none, unless the package has a method
 * F). Undefined when no such field is declared.
 */
export function functionFieldTargets(name: string, index: PackageIndex): FieldTargets | undefined {
  let byName = cache.get(index);
  if (!byName) cache.set(index, (byName = new Map()));
  if (byName.has(name)) return byName.get(name);
  let found: FieldTargets | undefined;
  if (index.anyTextMatches(new RegExp(`(?<![\\w.])${name}\\s+func\\s*\\(`))) {
    found = { literals: [], named: [] };
    const given = new RegExp(`(?<![\\w.])${name}\\s*:\\s*(?=[\\w.]+\\s*[,}\\n]|func\\b)|\\.${name}\\s*=\\s*(?=[\\w.]+\\s*[;\\n]|func\\b)`, 'g');
    for (const at of index.nodesMatching(given, (m) => m[0].length)) {
      const value = valueAt(at);
      if (!value) continue;
      if (value.type === 'func_literal') found.literals.push(value);
      else if (value.type === 'identifier') found.named.push({ name: value.text, method: false });
      else if (value.type === 'selector_expression') found.named.push({ name: value.childForFieldName('field')!.text, method: true });
    }
  }
  byName.set(name, found);
  return found;
}

/** The value expression starting at a node the text search found: a function literal, a name, or a method value `x.m`. */
function valueAt(at: Node): Node | undefined {
  if (at.type === 'func' && at.parent?.type === 'func_literal') return at.parent;
  if (at.type !== 'identifier') return undefined;
  const selector = at.parent?.type === 'selector_expression' && at.parent.childForFieldName('operand')?.id === at.id ? at.parent : undefined;
  // A method value (`s.Add`), not a call's result (`s.Add()`).
  if (selector) return selector.parent?.type === 'call_expression' ? undefined : selector;
  return at.parent?.type === 'call_expression' ? undefined : at;
}
