import type { FileContext } from '../../src/engine/types.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, type Node } from '../../src/go/syntax.js';

// A range over a local alias, made outside the goroutine, of a field the package declares a
// channel (`t := p.tasks`, with `tasks chan func()`, then `for f := range t { f() }`: erigon's peer
// worker). The field belongs to an object that outlives the goroutine, and the goroutine is its
// reader for the object's life: recovered, a panic in one task would leave the object in use with
// nothing taking from its channel, every later task queued and never run (or its senders blocked).

/** The range's channel as the reason names it, e.g. `t (p.tasks, a field the package declares a channel)`. */
export function fieldAliasRanged(clause: Node, body: Node, ctx: FileContext): string | undefined {
  const over = clause.childForFieldName('right');
  if (over?.type !== 'identifier') return undefined;
  const found = declarationOf(over.text, clause);
  if (!found || !('local' in found) || contains(body, found.local.decl) || found.local.decl.type !== 'short_var_declaration') return undefined;
  const values = found.local.decl.childForFieldName('right')?.namedChildren ?? [];
  const value = values.length === 1 ? values[0] : undefined;
  if (value?.type !== 'selector_expression' || !/^[\w.]+$/.test(value.text)) return undefined;
  const field = value.childForFieldName('field')!.text;
  const declared = new RegExp(`^\\s+${field}\\s+(<-\\s*)?chan\\b`, 'm');
  return ctx.packageIndex().anyTextMatches(declared) ? `${over.text} (${value.text}, a field the package declares a channel)` : undefined;
}
