import type { CancellationSource } from '../../src/go/cancellation.js';
import type { Node } from '../../src/go/syntax.js';
import { sharedDoneResult } from './shared-done-result.js';

/**
 * Why the work the call does is meant to go on past the context in scope, if it is: shared with callers waiting on its done channel. The first reason found.
 */
export function keptWorkReason(call: Node, source: CancellationSource): string | undefined {
  return sharedDoneResult(call, source);
}
