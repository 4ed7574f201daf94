import { cpSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempDir } from './temp-tree.js';

/** A copy of a fixture tree in a fresh temp directory; returns the copy's path. */
export function copyTree(src: string): string {
  const dest = join(tempDir('goconc-copy-'), basename(src));
  cpSync(src, dest, { recursive: true });
  return dest;
}
