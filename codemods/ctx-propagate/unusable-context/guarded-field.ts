import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { ancestors, enclosingFunction, type Node } from '../../../src/go/syntax.js';
import { fieldSets } from './unset-field.js';

/**
 * A receiver's context field that the package sets again under a lock (`c.ctx, c.cancel =
 * context.WithCancel(…)` under `c.clientMutex.Lock()` in `Connect`), read here with no lock taken
 * before the call in its function: a reconnect at the same time would race on it (sing-box's
 * command client, its one-shot calls given `c.ctx`). The function setting it, if so.
 */
export function fieldSetUnderLock(source: CancellationSource, call: Node, index: PackageIndex): string | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const outer = ancestors(call).filter((a) => a.type === 'function_declaration' || a.type === 'method_declaration').at(-1);
  if (outer && LOCKED.test(outer.text.slice(0, call.startIndex - outer.startIndex))) return undefined;
  for (const set of fieldSets(source, index)) {
    const fn = enclosingFunction(set);
    const name = fn?.childForFieldName('name')?.text;
    if (fn && name && LOCKED.test(fn.text.slice(0, set.startIndex - fn.startIndex))) return name;
  }
  return undefined;
}

const LOCKED = /\.R?Lock\(\)/;
