import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let known: string | undefined;

/**
 * goconc's version, from its package.json: the first one found going up from this module, which
 * sits at a different depth in the compiled tree (dist/src/…) and in the bundle (dist/bundle/src/…).
 */
export function toolVersion(): string {
  if (known) return known;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.name === 'goconc') return (known = pkg.version as string);
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('goconc: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}
