import { nameWords } from '../../src/go/name-words.js';

// A range over ticks a call returns, whatever package gives them: `ticker.Context(ctx, d)`
// (wrangler's, a channel ticking until ctx is done), `time.Tick(d)`, `clock.Tick(d)`.

/**
 * Whether the text ranged over (or the value of the local ranged over) is a call returning ticks:
 * a call some part of whose name, a camelCase word, is tick, ticks or ticker (`ticker.Context(ctx,
 * d)`, `time.Tick(d)`, `s.newTicker(d)`), not just any word starting so (`tickets()`). Rancher's
 * cluster connectivity checks and autoscaler token renewals, recovered, never ran again.
 */
export function ticksFromCall(text: string | undefined): boolean {
  const fn = text?.match(/^([\w.]+)\(/s)?.[1];
  if (!fn) return false;
  const words = fn.split('.').flatMap(nameWords);
  return words.some((w) => /^tick(s|er)?$/i.test(w));
}
