import { nameWords } from '../../src/go/name-words.js';

/** The words that say a channel signals that code has started or finished. */
const SIGNAL = /^(done|finished|exited|stopped|closed|completed?|ready|started)$/;

/**
 * A channel named for such a signal (`done`, `doneCh`, `errDone`, `readyC`, `s.exited`): its last
 * word, a `Ch`/`C`/`Chan` suffix aside. Whoever started the code waits for it, often in start-ups
 * and shutdowns.
 */
export function isSignal(name: string): boolean {
  const words = nameWords(name).map((w) => w.toLowerCase());
  while (words.length > 1 && /^(ch|c|chan|channel)$/.test(words[words.length - 1])) words.pop();
  return SIGNAL.test(words[words.length - 1] ?? '');
}
