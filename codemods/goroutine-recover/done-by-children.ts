import { regexEscaped } from '../../src/go/find-by-text.js';
import type { Node } from '../../src/go/syntax.js';
import { afterStart, beforeStart } from './waited-for.js';

// A count the goroutine's own goroutines bring down: a panic before it starts them skips that too.

/**
 * A goroutine the goroutine starts (`go func(pod string) { defer wg.Done(); … }(pod)`) that marks
 * done a WaitGroup the function around raised before it (`wg.Add(len(pods))`) and waits for after
 * (`wg.Wait()`): the goroutine owes those Done calls through what it starts. A panic before it
 * starts them, recovered, would leave the count up and the Wait blocked for good, where the
 * process used to crash (volcano's job sync, its task goroutine panicking on a missing
 * dependency). The reason, or undefined.
 */
export function doneByChildrenReason(body: Node, go: Node): string | undefined {
  for (const inner of body.descendantsOfType('go_statement')) {
    const group = /(?<![\w.])([\w.]+)\.Done\(\)/.exec(inner.text)?.[1];
    if (!group) continue;
    const name = regexEscaped(group);
    const wait = new RegExp(`(?<![\\w.])${name}\\.Wait\\(\\)`).exec(afterStart(go));
    if (!wait || !new RegExp(`(?<![\\w.])${name}\\.Add\\(`).test(beforeStart(go))) continue;
    return `the goroutine starts goroutines that mark ${group} done (line ${inner.startPosition.row + 1}), which the function starting it raised and then waits for (${wait[0]}): a panic before they start, recovered, would leave the count up and that wait blocked for good where the process used to crash`;
  }
  return undefined;
}
