import { dirname, join, resolve } from 'node:path';
import { parseGodebugLines } from './godebug-lines.js';
import { readIfFile } from './read-if-file.js';

export interface GoWork {
  /** The go.work file. */
  file: string;
  /** Its `use` directories, as written. */
  use: string[];
  /** Its `godebug` lines: in workspace mode they replace the modules' own. */
  godebug: Record<string, string>;
}

/** The `use` directives of a go.work (single lines and blocks) and its `godebug` lines. */
export function parseGoWork(text: string, file: string): GoWork {
  const noComments = text.replace(/\/\/[^\n]*/g, '');
  const single = [...noComments.matchAll(/^\s*use\s+([^\s(]+)\s*$/gm)].map((u) => u[1]);
  const blocks = [...noComments.matchAll(/^\s*use\s*\(([^)]*)\)/gm)].flatMap((b) => [...b[1].matchAll(/(\S+)/g)].map((u) => u[1]));
  return { file, use: [...single, ...blocks].map((u) => u.replace(/^"|"$/g, '')), godebug: parseGodebugLines(noComments) };
}

const cache = new Map<string, GoWork | null>();

/** The nearest go.work at or above `dir` (as the go command finds it), read once per directory. */
function nearestGoWork(dir: string): GoWork | undefined {
  const hit = cache.get(dir);
  if (hit !== undefined) return hit ?? undefined;
  const file = join(dir, 'go.work');
  const text = readIfFile(file);
  const parent = dirname(dir);
  const work = text !== undefined ? parseGoWork(text, file) : parent === dir ? undefined : nearestGoWork(parent);
  cache.set(dir, work ?? null);
  return work;
}

/**
 * The go.work a build of the module in `moduleDir` reads in workspace mode: the nearest one at or
 * above it, when it lists the module (from a module it leaves out, the go command refuses to build).
 */
export function workspaceOf(moduleDir: string): GoWork | undefined {
  const work = nearestGoWork(moduleDir);
  if (!work) return undefined;
  const base = dirname(work.file);
  return work.use.some((u) => resolve(base, u) === resolve(moduleDir)) ? work : undefined;
}
