import { receivesFrom, regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, FUNCTION_TYPES, type Node } from '../../src/go/syntax.js';

/**
 * The channel the goroutine receives from that the function starting it hands to `signal.Notify`
 * (flyctl's Ctrl+C hook): the goroutine is what handles those signals.
 */
export function handlesSignals(text: string, go: Node): string | undefined {
  const fn = ancestors(go).find((a) => FUNCTION_TYPES.has(a.type));
  for (const m of fn?.text.matchAll(/\bsignal\.Notify\(\s*([\w.]+)\s*,/g) ?? []) {
    if (receivesFrom(text, m[1]) || new RegExp(`\\brange\\s+${regexEscaped(m[1])}\\b`).test(text)) return m[1];
  }
  return undefined;
}
