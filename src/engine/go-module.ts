import { dirname, join } from 'node:path';
import { parseGodebugLines } from './godebug-lines.js';
import { readIfFile } from './read-if-file.js';

export interface GoModule {
  /** Directory holding go.mod. */
  dir: string;
  /** Module path from the `module` line. */
  path: string | undefined;
  /** The `go` line's version ("1.22", "1.21.3"), undefined when absent. */
  goVersion: string | undefined;
  /** The `toolchain` line ("go1.23.4"), undefined when absent. */
  toolchain?: string;
  /** Its `godebug` lines (`asynctimerchan` → "1"), empty when none. */
  godebug: Record<string, string>;
}

const cache = new Map<string, GoModule | null>();

/** The nearest go.mod at or above `dir`, read once per directory. */
export function moduleFor(dir: string): GoModule | undefined {
  const hit = cache.get(dir);
  if (hit !== undefined) return hit ?? undefined;
  let mod: GoModule | null = null;
  const text = readIfFile(join(dir, 'go.mod'));
  if (text !== undefined) mod = parseGoMod(text, dir);
  else {
    const parent = dirname(dir);
    mod = parent === dir ? null : moduleFor(parent) ?? null;
  }
  cache.set(dir, mod);
  return mod ?? undefined;
}

export function parseGoMod(text: string, dir: string): GoModule {
  const noComments = text.replace(/\/\/[^\n]*/g, '');
  const path = /^\s*module\s+"?([^\s"]+)"?/m.exec(noComments)?.[1];
  const goVersion = /^\s*go\s+(\d+\.\d+(?:\.\d+)?)/m.exec(noComments)?.[1];
  const toolchain = /^\s*toolchain\s+(\S+)/m.exec(noComments)?.[1];
  return { dir, path, goVersion, ...(toolchain ? { toolchain } : {}), godebug: parseGodebugLines(noComments) };
}

/** Compare Go versions: negative when a < b. An undefined version counts as the newest. */
export function compareGoVersions(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Answers of `goAtLeast` by version and minimum: prefilters ask for every file. */
const atLeast = new Map<string, boolean>();

/** True when the module's Go version is at least `min` (no go line: assume the newest). */
export function goAtLeast(version: string | undefined, min: string): boolean {
  const key = `${version}\0${min}`;
  let yes = atLeast.get(key);
  if (yes === undefined) atLeast.set(key, (yes = compareGoVersions(version, min) >= 0));
  return yes;
}
