import type { PackageIndex } from '../../src/go/package-index.js';
import { paramsOf } from '../../src/go/scope.js';
import { ancestors, contains, insideLiteral, type Node } from '../../src/go/syntax.js';

/** A function that starts a component's work: `Start`, `Run`, `Serve`, `Listen`, `startWorkers`. */
export const STARTER = /^(Start|Run|Serve|Listen|start|run|serve|listen)([A-Z]\w*)?$/;

/**
 * A goroutine a starting function starts for each item of a collection, running a method of the
 * item that the package does not declare (an interface's, implemented elsewhere): `for _, partition
 * := range as.partitions { go func(partition Partition) { if err := partition.Read(); … }(partition) }`
 * in `Start`. A worker per item, likely meant to run for the component's life (nuclio's
 * partition readers, a receive loop out of sight). The call, the starter and the collection.
 */
export function workerPerItem(go: Node, body: Node, index: PackageIndex): { call: string; starter: string; items: string } | undefined {
  const starter = ancestors(go).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
  const name = starter?.childForFieldName('name')?.text ?? '';
  if (!STARTER.test(name)) return undefined;
  const loop = ancestors(go).find((a) => a.type === 'for_statement');
  const range = loop?.namedChildren.find((c) => c.type === 'range_clause');
  if (!range || !contains(starter!, loop!)) return undefined;
  const left = range.childForFieldName('left')?.namedChildren ?? [];
  const item = left.length === 2 ? left[1].text : undefined;
  if (!item || item === '_') return undefined;
  // The item under its own name, or the name of the literal's parameter it is handed as.
  const call = go.namedChild(0)!;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const literal = call.childForFieldName('function')!;
  const names = new Set([item, ...paramsOf(literal).filter((_, i) => args[i]?.text === item).map((p) => p.name)]);
  for (const c of body.descendantsOfType('call_expression')) {
    if (insideLiteral(c, body) || ancestors(c).some((a) => a.type === 'defer_statement' && contains(body, a))) continue;
    const fn = c.childForFieldName('function');
    if (fn?.type !== 'selector_expression' || !names.has(fn.childForFieldName('operand')?.text ?? '')) continue;
    if (index.functionsNamed(fn.childForFieldName('field')!.text, true).length > 0) continue;
    return { call: `${fn.text}()`, starter: name, items: range.childForFieldName('right')!.text };
  }
  return undefined;
}
