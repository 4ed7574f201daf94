import type { PackageIndex } from '../../src/go/package-index.js';

/**
 * A range over a channel named so, a field's or a local's (`for stat := range s.metaUpdateChan {`),
 * or over a field the package declares a channel (`for result := range ws.results {`, `results
 * chan interface{}`: calico's watcher syncer, whose caches' sends waited for good once its loop was
 * recovered). The channel, or undefined.
 */
export function rangedChannel(text: string, index: PackageIndex): string | undefined {
  for (const m of text.matchAll(/\bfor\s+(?:\w+\s*:?=\s*)?range\s+((?:\w+\.)?(\w+))\s*\{/g)) {
    if (/[a-z](Ch|Chan|Channel)$/.test(m[2]) || (m[1].includes('.') && index.anyTextMatches(new RegExp(`^\\s*${m[2]}\\s+(<-\\s*)?chan\\b`, 'm')))) return m[1];
  }
  return undefined;
}
