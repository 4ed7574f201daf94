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
      const m = /^\s*package\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(stripComments(text.slice(0, 64 * 1024)));
      if (m && m[1] === packageName) out.set(path, text);
    } catch {
      // an unreadable sibling contributes nothing; its own run reports it
    }
  }
  return out;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}
