import type { Node } from '../../src/go/syntax.js';

// A poll with no timeout: k8s' `wait.PollImmediate(interval, 0, condition)` polls until the
// condition says done, for good if need be: a periodic runner meant for the life of the process.

/**
 * A call `Poll`, `PollImmediate`, or their `…WithContext` forms (the context first), given the
 * timeout `0` (no timeout): rancher's orphaned-user cleanup, polled daily until it succeeds, and
 * recovered, a panic in it would end the polling for good where the crash used to restart it.
 */
export function pollsWithoutTimeout(fn: string, args: Node[]): boolean {
  const m = /(^|\.)Poll(Immediate)?(WithContext)?$/.exec(fn);
  if (!m) return false;
  const timeout = args[m[3] ? 2 : 1];
  return args.length === (m[3] ? 4 : 3) && timeout?.text === '0';
}
