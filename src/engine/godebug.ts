import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GoModule } from './go-module.js';
import { goAtLeast } from './go-module.js';
import { workspaceOf } from './go-work.js';
import { readIfFile } from './read-if-file.js';

/**
 * The GODEBUG settings a file's code may run with, one record per way the go command may build
 * it: module mode (its go.mod's `godebug` lines) and, when a go.work lists the module, workspace
 * mode (the go.work's lines, the go.mod's being ignored there). A package main's `//go:debug`
 * directives win over both. Settings left out take their default from the go line.
 */
export type GodebugSettings = readonly Readonly<Record<string, string>>[];

/** The `//go:debug key=value` directives above a file's package clause. */
function directivesOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of header(text)) {
    const m = /^\/\/go:debug\s+([^\s=]+)=(\S*)\s*$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

const PACKAGE_CLAUSE = /^package\s+(\w+)/m;

/** The lines before the package clause (where the go command reads `//go:debug`). */
function header(text: string): string[] {
  const at = PACKAGE_CLAUSE.exec(text)?.index ?? 0;
  return text.slice(0, at).split('\n').map((l) => l.trim());
}

function isPackageMain(text: string): boolean {
  return PACKAGE_CLAUSE.exec(text)?.[1] === 'main';
}

const mainDirectives = new Map<string, Record<string, string>>();

/** The `//go:debug` directives of the (non-test) files of the package main in `dir`. */
function directivesIn(dir: string): Record<string, string> {
  let hit = mainDirectives.get(dir);
  if (hit) return hit;
  hit = {};
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go')).sort();
  } catch {
    // unreadable: no directives
  }
  for (const name of names) {
    const text = readIfFile(join(dir, name));
    if (text?.includes('//go:debug') && isPackageMain(text)) Object.assign(hit, directivesOf(text));
  }
  mainDirectives.set(dir, hit);
  return hit;
}

/** The settings for the file at `path` with text `source`, in module `mod` (if any). */
export function godebugFor(path: string, source: string, mod: GoModule | undefined): GodebugSettings {
  const directives = isPackageMain(source) ? directivesIn(dirname(path)) : {};
  const modes = [mod?.godebug ?? {}];
  const work = mod && workspaceOf(mod.dir);
  if (work) modes.push(work.godebug);
  return modes.map((m) => ({ ...m, ...directives }));
}

/**
 * True when timers and tickers no longer referenced are collected, stopped or not (Go 1.23's
 * timers), however the code is built: `asynctimerchan=0`, or left out with a go line of 1.23 or
 * later. `asynctimerchan=1` brings back the old timers, which live until they fire or are stopped.
 */
export function timersCollected(goVersion: string | undefined, godebug: GodebugSettings | undefined): boolean {
  const byDefault = goAtLeast(goVersion, '1.23') ? '0' : '1';
  const modes = godebug?.length ? godebug : [{}];
  return modes.every((m) => (m.asynctimerchan ?? byDefault) === '0');
}
