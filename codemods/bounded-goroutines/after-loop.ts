import type { Node } from '../../src/go/syntax.js';

/**
 * What `find` gives for the first statement after the loop that it gives something for, before
 * the function waits for the goroutines (a `.Wait(` statement): defers and comments aside. Once
 * waited for, the goroutines had ended by themselves, and what comes after cannot hold them.
 */
export function afterLoopBeforeWait<T>(loop: Node, find: (statement: Node) => T | undefined): T | undefined {
  for (let next: Node | null = loop.nextNamedSibling; next; next = next.nextNamedSibling) {
    if (next.type === 'defer_statement' || next.type === 'comment') continue;
    const found = find(next);
    if (found !== undefined) return found;
    if (/\.Wait\s*\(/.test(next.text)) return undefined;
  }
  return undefined;
}
