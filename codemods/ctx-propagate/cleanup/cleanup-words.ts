import { nameWords } from '../../../src/go/name-words.js';

// The words of clean-up that ctx-propagate reads in Go names: a function named for cleaning up
// (cleanup-by-name.ts), a method ending its value's life (cleanup-method.ts). A word counts written
// as one (`Cleanup`, `teardown`) or as two run together (`CleanUp`, `tearDown`, `roll_back`).

/** Clean-up's own words, in either vocabulary. */
const CLEAN_UP = ['cleanup', 'teardown'];

/** Words that say a function cleans up, wherever they stand in its name: `cleanupFailedSnapshot`, `tearDownProxy`, `rollbackTx`. */
export const CLEANS_UP: ReadonlySet<string> = new Set([...CLEAN_UP, 'rollback']);

/** The words a method ending its value's life starts with, as STOPS names them, and those of releasing or disposing of it. */
export const ENDS_LIFE: ReadonlySet<string> = new Set(['close', 'stop', 'shutdown', 'terminate', 'destroy', 'drain', 'disconnect', 'release', 'dispose', ...CLEAN_UP]);

/** The lower-case words of a Go name (`tearDownProxy` → tear, down, proxy). */
export function lowerWords(name: string): string[] {
  return nameWords(name).map((w) => w.toLowerCase());
}

/**
 * Whether one of `vocabulary` is a word of the name, or two of its words run together: its first
 * (`at: 'start'`: `TearDown`, not `Closed` or `Stopwatch`), or any (`at: 'anywhere'`:
 * `cleanupFailedSnapshot`, `doRollBack`).
 */
export function saysWord(name: string, vocabulary: ReadonlySet<string>, at: 'start' | 'anywhere'): boolean {
  const words = lowerWords(name);
  const last = at === 'start' ? Math.min(words.length, 1) : words.length;
  for (let i = 0; i < last; i++) {
    if (vocabulary.has(words[i]) || (i + 1 < words.length && vocabulary.has(words[i] + words[i + 1]))) return true;
  }
  return false;
}
