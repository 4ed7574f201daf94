import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { Node } from '../../../src/go/syntax.js';
import { sharedDoneResult } from './shared-done-result.js';
import { timedWaitGoroutine } from './timed-wait-goroutine.js';
import { handedToConstructor } from './handed-to-constructor.js';
import { cleanupByName } from '../cleanup/cleanup-by-name.js';
import { stoppingReason } from './meant-to-finish.js';

/**
 * Why the work the call does is meant to go on past the context in scope, if it is: shared with
 * callers waiting on its done channel, left running when the function stops waiting on a timer,
 * kept in an object the function builds, or clean-up by name (where the later, more particular
 * reason of a function that stops or ends a transaction does not apply). The first reason found.
 */
export function keptWorkReason(call: Node, source: CancellationSource): string | undefined {
  return sharedDoneResult(call, source) ?? timedWaitGoroutine(call, source) ?? handedToConstructor(call, source) ?? (stoppingReason(call, source) ? undefined : cleanupByName(call, source));
}
