import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The other Go files of the package `file` belongs to (same directory, same package clause), path → text. */
export function packageSources(file: string, packageName: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): Map<string, string> {
  const dir = dirname(file);
  const isTest = file.endsWith('_test.go');
  const out = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.go') && (isTest || !n.endsWith('_test.go')));
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (basename(path) === basename(file)) continue;
    try {
      const text = read(path);
      if (packageClause(text) === packageName) out.set(path, text);
    } catch {
      // an unreadable sibling contributes nothing; its own run reports it
    }
  }
  return out;
}

const PACKAGE_CLAUSE = /package\s+([A-Za-z_][A-Za-z0-9_]*)/y;

/** The name in a file's package clause: the first thing after blanks and comments (a build constraint, a licence…). */
export function packageClause(text: string): string | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const eol = text.indexOf('\n', i);
      if (eol === -1) return undefined;
      i = eol + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return undefined;
      i = end + 2;
    } else break;
  }
  PACKAGE_CLAUSE.lastIndex = i;
  return PACKAGE_CLAUSE.exec(text)?.[1];
}
