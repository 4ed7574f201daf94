import { codemods } from '../../codemods/index.js';
import type { Codemod } from '../engine/types.js';
import { UsageError } from './usage-error.js';

/** Split `a,b c` (repeatable flags) into ids. */
export function idList(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(/[,\s]+/)).filter(Boolean);
}

/** The codemods a run uses: the default set, or exactly --only, minus --skip. Unknown ids are usage errors. */
export function selectCodemods(only: string[], skip: string[]): Codemod[] {
  const known = new Map(codemods.map((c) => [c.id, c]));
  for (const id of [...only, ...skip]) {
    if (!known.has(id)) throw new UsageError(`unknown codemod "${id}" (known: ${[...known.keys()].join(', ')})`);
  }
  const base = only.length ? codemods.filter((c) => only.includes(c.id)) : codemods.filter((c) => c.enabledByDefault);
  return base.filter((c) => !skip.includes(c.id));
}

export function findCodemod(id: string): Codemod {
  const c = codemods.find((m) => m.id === id);
  if (!c) throw new UsageError(`unknown codemod "${id}" (known: ${codemods.map((m) => m.id).join(', ')})`);
  return c;
}
