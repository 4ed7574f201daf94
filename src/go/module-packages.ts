import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { moduleFor } from '../engine/go-module.js';
import { readIfFile } from '../engine/read-if-file.js';
import { importName } from './imports.js';

// Packages of the file's own module, read as text where a codemod must see what a call into one
// of them does (a lock it takes): their source is in the tree, unlike another module's.

const byDir = new Map<string, string[]>();

/**
 * The texts of the non-test Go files of the package an import path names, when it lies in the
 * module of `file` (`github.com/go-gost/x/internal/util/resolver` under `github.com/go-gost/x`);
 * undefined for another module's package or the standard library's. Read once per directory.
 */
export function modulePackageTexts(importPath: string, file: string): string[] | undefined {
  const mod = moduleFor(dirname(file));
  if (!mod?.path || !importPath.startsWith(`${mod.path}/`)) return undefined;
  return goTextsIn(join(mod.dir, importPath.slice(mod.path.length + 1)), false);
}

/** The texts of the test files (`_test.go`) beside `file`, read once per directory. */
export function testTextsBeside(file: string): string[] {
  return goTextsIn(dirname(file), true);
}

/** The texts of a directory's Go files, its tests or the others, read once. */
function goTextsIn(dir: string, tests: boolean): string[] {
  const key = `${dir}\0${tests}`;
  let texts = byDir.get(key);
  if (!texts) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.go') && n.endsWith('_test.go') === tests);
    } catch {
      names = [];
    }
    texts = names.flatMap((n) => readIfFile(join(dir, n)) ?? []);
    byDir.set(key, texts);
  }
  return texts;
}

/** The texts of a package of this module that a package name stands for in the texts' imports (`importPathNamed`), if it is one. */
export function importedModuleTexts(name: string, texts: string[], file: string): string[] | undefined {
  const path = importPathNamed(name, texts);
  return path ? modulePackageTexts(path, file) : undefined;
}

/**
 * The import path a package name stands for in any of the texts' import declarations (`rutil
 * "github.com/x/y/internal/util/resolver"`, or a path whose last element is the name).
 */
export function importPathNamed(name: string, texts: string[]): string | undefined {
  for (const text of texts) {
    for (const m of importSection(text).matchAll(/^\s*(?:import\s+)?(?:(\w+)\s+)?"([^"\n]+)"/gm)) {
      if ((m[1] ?? importName(m[2])) === name && m[1] !== '_') return m[2];
    }
  }
  return undefined;
}

/** The text up to the file's first declaration other than imports: Go puts every import before them. */
function importSection(text: string): string {
  const end = text.search(/\n(?:func|type|var|const)[ (]/);
  return end >= 0 ? text.slice(0, end) : text;
}

/**
 * The declarations of methods named `name` in the texts, of receiver type `type` where given (any
 * receiver otherwise: a method called through an interface), each from its `func` to the closing
 * brace at the start of a line.
 */
export function methodTexts(texts: string[], name: string, type?: string): string[] {
  return declarationsFrom(texts, new RegExp(`^func\\s*\\(\\s*\\w*\\s*\\*?\\s*${type ?? '\\w+'}(?:\\[[^\\]]*\\])?\\s*\\)\\s*${name}\\b`, 'gm'));
}

/** The package's functions named `name` (not methods), each from its `func` to the closing brace at the start of a line. */
export function functionTexts(texts: string[], name: string): string[] {
  return declarationsFrom(texts, new RegExp(`^func\\s+${name}\\b`, 'gm'));
}

/** Each declaration whose head matches, from its `func` to the closing brace at the start of a line. */
function declarationsFrom(texts: string[], head: RegExp): string[] {
  return texts.flatMap((text) =>
    Array.from(text.matchAll(head), (m) => {
      const end = text.indexOf('\n}', m.index);
      return text.slice(m.index, end === -1 ? undefined : end + 2);
    }),
  );
}
