import { receivesFrom, regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, FUNCTION_TYPES, type Node } from '../../src/go/syntax.js';

/**
 * The channel the goroutine receives from that the function starting it hands to `signal.Notify`
 * (flyctl's Ctrl+C hook), to a function standing in for it (k6's `gs.SignalNotify(sigC, …)`, a
 * field tests replace), or makes as a `chan os.Signal`: the goroutine is what handles those signals.
 */
export function handlesSignals(text: string, go: Node): string | undefined {
  const fn = ancestors(go).find((a) => FUNCTION_TYPES.has(a.type));
  for (const m of fn?.text.matchAll(SIGNAL_CHANNEL) ?? []) {
    const chan = m[1] ?? m[2];
    if (receivesFrom(text, chan) || new RegExp(`\\brange\\s+${regexEscaped(chan)}\\b`).test(text)) return chan;
  }
  return undefined;
}

/** `signal.Notify(ch, …)`, `gs.SignalNotify(ch, …)`, or `ch := make(chan os.Signal, 1)`: the channel. */
const SIGNAL_CHANNEL = /\b(?:signal\.Notify|SignalNotify)\(\s*([\w.]+)\s*,|\b([\w.]+)\s*:?=\s*make\(\s*chan\s+os\.Signal\b/g;
