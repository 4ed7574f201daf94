import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Document } from 'yaml';
import { UsageError } from '../cli/usage-error.js';
import type { Codemod, Severity } from '../engine/types.js';
import { SEVERITIES } from '../engine/types.js';
import { coerceOption } from './option-values.js';

/** The YAML parser, loaded when a config file is read: most runs have none, and it costs start-up time. */
const yaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

export const CONFIG_NAMES = ['goconc.yaml', '.goconc.yaml'];

/** What a goconc.yaml says, validated. */
export interface Config {
  path: string;
  /** Directory holding the file: exclude patterns are relative to it. */
  dir: string;
  /** Codemods switched on (true) or off (false) by the file. */
  enabled: Record<string, boolean>;
  /** Option values per codemod id, already converted. */
  options: Record<string, Record<string, unknown>>;
  /** .gitignore-style patterns of paths to leave out. */
  exclude: string[];
  failOn?: Severity;
}

const TOP_KEYS = ['codemods', 'exclude', 'fail-on'];

/** The nearest goconc.yaml or .goconc.yaml at or above `from`, stopping at `root`'s parent. */
export function findConfig(from: string, root: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** Read and validate a config file; any problem is a UsageError naming the file, line and key. */
export function loadConfig(path: string, codemods: readonly Codemod[]): Config {
  const text = readFileSync(path, 'utf8');
  const doc = yaml().parseDocument(text, { prettyErrors: false });
  const fail = (msg: string, at?: readonly (string | number)[]): never => {
    throw new UsageError(`${path}${at ? `:${lineOf(doc, text, at)}` : ''}: ${msg}`);
  };
  if (doc.errors.length) fail(`not valid YAML: ${doc.errors[0].message}`);
  const cfg: Config = { path, dir: dirname(path), enabled: {}, options: {}, exclude: [] };
  const root = doc.toJS() ?? {};
  if (typeof root !== 'object' || Array.isArray(root)) fail('expected a mapping of settings at the top level');
  for (const key of Object.keys(root)) {
    if (!TOP_KEYS.includes(key)) fail(`unknown key "${key}" (known: ${TOP_KEYS.join(', ')})`, [key]);
  }
  const known = new Map(codemods.map((c) => [c.id, c]));
  const section = root.codemods ?? {};
  if (typeof section !== 'object' || Array.isArray(section)) fail('"codemods" must map codemod ids to true, false or options', ['codemods']);
  for (const [id, value] of Object.entries(section as Record<string, unknown>)) {
    const codemod = known.get(id);
    if (!codemod) fail(`codemods.${id}: unknown codemod (known: ${[...known.keys()].join(', ')})`, ['codemods', id]);
    if (typeof value === 'boolean') {
      cfg.enabled[id] = value;
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      fail(`codemods.${id}: expected true, false or a mapping of options, got ${JSON.stringify(value)}`, ['codemods', id]);
    }
    for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
      if (name === 'enabled') {
        if (typeof raw !== 'boolean') fail(`codemods.${id}.enabled: expected true or false, got ${JSON.stringify(raw)}`, ['codemods', id, name]);
        cfg.enabled[id] = raw as boolean;
        continue;
      }
      const option = codemod!.options.find((o) => o.name === name);
      if (!option) {
        const names = ['enabled', ...codemod!.options.map((o) => o.name)].join(', ');
        fail(`codemods.${id}.${name}: unknown option (known: ${names})`, ['codemods', id, name]);
      }
      const res = coerceOption(option!, raw);
      if (!res.ok) fail(`codemods.${id}.${name}: ${res.error}`, ['codemods', id, name]);
      else (cfg.options[id] ??= {})[name] = res.value;
    }
  }
  if (root.exclude !== undefined) {
    const ex = root.exclude;
    if (!Array.isArray(ex) || !ex.every((p) => typeof p === 'string')) fail('exclude: expected a list of path patterns', ['exclude']);
    cfg.exclude = ex as string[];
  }
  if (root['fail-on'] !== undefined) {
    const f = root['fail-on'];
    if (!(SEVERITIES as readonly unknown[]).includes(f)) fail(`fail-on: expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(f)}`, ['fail-on']);
    cfg.failOn = f as Severity;
  }
  return cfg;
}

/** 1-based line of the key at `path` in the document (the value's line when the key has none). */
function lineOf(doc: Document, text: string, path: readonly (string | number)[]): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const key of path) {
    if (!yaml().isMap(node)) break;
    const pair = node.items.find((p) => yaml().isScalar(p.key) && p.key.value === key);
    if (!pair) break;
    const k = pair.key as { range?: [number, number, number] };
    offset = k.range?.[0] ?? offset;
    node = pair.value;
    if (!yaml().isMap(node) && !yaml().isSeq(node)) break;
  }
  return text.slice(0, offset).split('\n').length;
}
