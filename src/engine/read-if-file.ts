import { existsSync, readFileSync } from 'node:fs';

/**
 * A file's text, or undefined when there is no such readable file: for files most directories
 * lack (go.mod, .gitignore), looked up without an exception thrown for each directory.
 */
export function readIfFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
