import { ancestors, contains, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';

/** The select case of the loops the go statement is in (`case <-ticker.C`), if it is in one. */
export function eventCase(spawn: Spawn): string | undefined {
  for (const a of ancestors(spawn.go)) {
    if (a.id === spawn.loop.id) return undefined;
    if (a.type === 'communication_case') return `case ${a.childForFieldName('communication')?.text ?? ''}`;
  }
  return undefined;
}

/**
 * What the loop watches besides the goroutines it starts, which a wait for a free slot would not:
 * the other cases of a select whose default branch starts the goroutine (parca's ring-buffer
 * reader, whose tickers and `ctx.Done()` stopped while it waited for a slot), or a stop it checks
 * in a select of its own (`select { case <-ctx.Done(): return; default: }`). As written.
 */
export function watchedBesides(spawn: Spawn): string | undefined {
  for (const a of ancestors(spawn.go)) {
    if (a.id === spawn.loop.id) break;
    const cases = a.type === 'default_case' ? a.parent!.namedChildren.filter((c) => c.type === 'communication_case') : [];
    if (cases.length > 0) return cases.map((c) => `case ${c.childForFieldName('communication')?.text ?? ''}`).join(', ');
  }
  const own = (n: Node) => !ancestors(n).some((a) => a.type === 'go_statement' && contains(spawn.loop, a));
  const stop = spawn.loop.descendantsOfType('communication_case').filter(own).find((c) => /^<-\s*[\w.]+\.Done\(\)$/.test(c.childForFieldName('communication')?.text ?? ''));
  return stop ? `case ${stop.childForFieldName('communication')!.text}` : undefined;
}
