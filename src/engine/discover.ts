import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { readIfFile } from './read-if-file.js';

/** Directories the go tool itself ignores, plus ones that never hold the user's own Go code. */
const SKIPPED_DIRS = new Set(['vendor', 'testdata', 'node_modules']);

export interface Skipped {
  path: string;
  reason: string;
}

export interface Discovery {
  /** Absolute paths of Go files to process, sorted. */
  files: string[];
  /** Files passed over on purpose (generated, ignored, symlinks), with why. */
  skipped: Skipped[];
  /** Paths that could not be read at all. */
  errors: Skipped[];
  /** Directories holding a go.mod (modules), and go.work files, met on the walk. */
  modules: string[];
  workspaces: string[];
}

export interface DiscoverOptions {
  /** Repository root: .gitignore files from here down apply. */
  root: string;
  includeTestdata?: boolean;
  /** Extra .gitignore-style patterns (a config's `exclude`), relative to `dir`. */
  exclude?: { dir: string; patterns: string[] };
}

/** The Go files one directory (a package) adds to a discovery, or one file named explicitly. */
export interface FoundPackage {
  dir: string;
  /** Absolute paths, sorted. */
  files: string[];
}

/**
 * The Go files under the given paths: .gitignore rules honoured, vendor/, testdata/, hidden and
 * `_` directories skipped (as the go tool does), symlinks not followed. A file named explicitly
 * is taken even where a directory walk would pass it by.
 */
export function discoverGoFiles(paths: string[], options: DiscoverOptions): Discovery {
  const { packages, result } = discovery(paths, options);
  for (const _ of packages);
  return result();
}

/**
 * The same walk, handing each directory's files to `onPackage` as soon as they are known and
 * letting the event loop turn every few milliseconds: worker threads get work, and their results
 * are taken in, while the walk goes on.
 */
export async function discoverGoFilesAsync(paths: string[], options: DiscoverOptions, onPackage: (found: FoundPackage) => void): Promise<Discovery> {
  const { packages, result } = discovery(paths, options);
  let turned = performance.now();
  for (const found of packages) {
    onPackage(found);
    if (performance.now() - turned > TURN_EVERY_MS) {
      await yieldToEventLoop();
      turned = performance.now();
    }
  }
  return result();
}

const TURN_EVERY_MS = 4;

/** A walk of the paths, directory by directory; `result` is complete once `packages` is exhausted. */
function discovery(paths: string[], options: DiscoverOptions): { packages: Generator<FoundPackage>; result: () => Discovery } {
  const out: Discovery = { files: [], skipped: [], errors: [], modules: [], workspaces: [] };
  const result = () => {
    out.files.sort();
    out.modules.sort();
    out.workspaces.sort();
    return out;
  };
  return { packages: walkPaths(paths, options, out), result };
}

function* walkPaths(paths: string[], options: DiscoverOptions, out: Discovery): Generator<FoundPackage> {
  const rules = new GitignoreRules(options.root, options.exclude);
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = resolve(p);
    let st: Stats;
    try {
      st = lstatSync(abs);
    } catch (err) {
      out.errors.push({ path: p, reason: describeFsError(err) });
      continue;
    }
    if (st.isSymbolicLink()) {
      out.skipped.push({ path: abs, reason: 'symbolic link (not followed)' });
    } else if (st.isDirectory()) {
      const from = out.skipped.length;
      yield* walk(abs, rules, options, out, seen);
      // A directory's files come before its subdirectories': its skipped ones are listed in path order.
      out.skipped.push(...out.skipped.splice(from).sort((a, b) => comparePaths(a.path, b.path)));
    } else if (abs.endsWith('.go')) {
      if (seen.has(abs)) continue;
      seen.add(abs);
      out.files.push(abs);
      yield { dir: dirname(abs), files: [abs] };
    } else {
      out.errors.push({ path: p, reason: 'not a Go file or a directory' });
    }
  }
}

/** A directory's own files first, then its subdirectories in name order. */
function* walk(dir: string, rules: GitignoreRules, options: DiscoverOptions, out: Discovery, seen: Set<string>): Generator<FoundPackage> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    out.errors.push({ path: dir, reason: describeFsError(err) });
    return;
  }
  rules.load(dir, entries.some((e) => e.name === '.gitignore'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  const subdirs: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name.startsWith('_')) continue;
      if (SKIPPED_DIRS.has(e.name) && !(e.name === 'testdata' && options.includeTestdata)) continue;
      if (rules.ignores(path, true) || rules.excluded(path, true)) continue;
      subdirs.push(path);
    } else if (e.name === 'go.mod' && e.isFile()) {
      out.modules.push(dir);
    } else if (e.name === 'go.work' && e.isFile()) {
      out.workspaces.push(path);
    } else if (e.name.endsWith('.go')) {
      if (e.name.startsWith('.') || e.name.startsWith('_')) {
        out.skipped.push({ path, reason: "name starts with '.' or '_': the Go toolchain ignores the file" });
      } else if (rules.ignores(path, false)) {
        out.skipped.push({ path, reason: 'ignored by .gitignore' });
      } else if (rules.excluded(path)) {
        out.skipped.push({ path, reason: 'excluded by the config file' });
      } else if (e.isSymbolicLink()) {
        out.skipped.push({ path, reason: 'symbolic link (not followed)' });
      } else if (e.isFile() && !seen.has(path)) {
        seen.add(path);
        files.push(path);
      }
    }
  }
  out.files.push(...files);
  if (files.length > 0) yield { dir, files };
  for (const sub of subdirs) yield* walk(sub, rules, options, out, seen);
}

/** Path order, name by name: what a walk of name-sorted directories meets first comes first. */
function comparePaths(a: string, b: string): number {
  const x = a.split(sep);
  const y = b.split(sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** .gitignore files of the root and of every directory below it that the walk enters. */
class GitignoreRules {
  private readonly byDir = new Map<string, Ignore | null>();
  private readonly chains = new Map<string, { dir: string; ig: Ignore }[]>();
  private readonly exclude: { dir: string; ig: Ignore } | undefined;

  constructor(
    private readonly root: string,
    exclude?: { dir: string; patterns: string[] },
  ) {
    if (exclude?.patterns.length) this.exclude = { dir: exclude.dir, ig: ignore().add(exclude.patterns) };
  }

  /** True when the config's exclude patterns match the path. */
  excluded(path: string, isDir = false): boolean {
    if (!this.exclude) return false;
    const rel = relative(this.exclude.dir, path);
    if (rel === '' || rel.startsWith('..')) return false;
    return this.exclude.ig.ignores(rel.split(sep).join('/') + (isDir ? '/' : ''));
  }

  /** `present`: whether the directory has a .gitignore, when the caller has listed it. */
  load(dir: string, present?: boolean): Ignore | null {
    if (this.byDir.has(dir)) return this.byDir.get(dir)!;
    const text = present === false ? undefined : readIfFile(join(dir, '.gitignore'));
    const ig = text === undefined ? null : ignore().add(text);
    this.byDir.set(dir, ig);
    return ig;
  }

  /** The .gitignore rules that apply in a directory: its own and its ancestors' up to the root. */
  private chainFor(dir: string): { dir: string; ig: Ignore }[] {
    let chain = this.chains.get(dir);
    if (chain) return chain;
    const rel = relative(this.root, dir);
    const parent = dirname(dir);
    chain = rel.startsWith('..') || isAbsolute(rel) ? [] : rel === '' || parent === dir ? [] : this.chainFor(parent);
    const own = rel.startsWith('..') || isAbsolute(rel) ? null : this.load(dir);
    if (own) chain = [...chain, { dir, ig: own }];
    this.chains.set(dir, chain);
    return chain;
  }

  ignores(path: string, isDir: boolean): boolean {
    // Each directory's rules from the root down to the path's parent, against the path relative to it.
    for (const { dir, ig } of this.chainFor(dirname(path))) {
      // `dir` is the path's parent or above it: the rest of the path is relative to it.
      const rest = path.slice(dir.endsWith(sep) ? dir.length : dir.length + 1);
      const sub = (sep === '/' ? rest : rest.split(sep).join('/')) + (isDir ? '/' : '');
      if (ig.ignores(sub)) return true;
    }
    return false;
  }
}

/** "permission denied", "no such file or directory"… from a Node fs error. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return (err as Error)?.message ?? String(err);
  }
}
