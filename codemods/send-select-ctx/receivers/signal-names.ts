import type { CancellationSource } from '../../../src/go/cancellation.js';
import { nameWords } from '../../../src/go/name-words.js';
import type { Node } from '../../../src/go/syntax.js';
import { waiterLeavesOnDone } from './waiter-leaves-on-done.js';

/** The words that say a channel signals that code has started or finished. */
const SIGNAL = /^(done|finished|exited|stopped|closed|completed?|ready|started)$/;

/**
 * A channel named for such a signal (`done`, `doneCh`, `errDone`, `readyC`, `s.exited`): its last
 * word, a `Ch`/`C`/`Chan` suffix aside. Whoever started the code waits for it, often in start-ups
 * and shutdowns.
 */
export function isSignal(name: string): boolean {
  const words = nameWords(name).map((w) => w.toLowerCase());
  while (words.length > 1 && /^(ch|c|chan|channel)$/.test(words[words.length - 1])) words.pop();
  return SIGNAL.test(words[words.length - 1] ?? '');
}

/**
 * Why a send on `chan` must not be dropped once `source` is done, when its name says it reports an
 * event: a channel named for a signal that code started or finished, or a test hook (a channel
 * of a `testOnlyConfig`, a `testHooks`, or named so: `testStartedCh`), through which tests wait,
 * unconditionally, for the code to reach a point (centrifugo's Kafka consumer, its partition
 * reported submitted or paused).
 */
export function signalReason(chan: string, send: Node, from: CancellationSource): string | undefined {
  const source = from.expr;
  // Not when its only reader leaves once that source is done (see waiterLeavesOnDone).
  if (isSignal(chan.slice(chan.lastIndexOf('.') + 1)) && !waiterLeavesOnDone(send, from)) {
    return `a send on ${chan} reports that this code has started or finished: whoever waits for it may still be waiting when ${source} ends (a shutdown), and a select would then drop the report at random`;
  }
  if (chan.split('.').slice(1).some((part) => TEST_HOOK.test(part))) {
    return `${chan} is a test hook: a test waits for this send to learn the code reached this point, and a select giving up once ${source} is done would leave that test waiting forever`;
  }
  return undefined;
}

/** A field named for tests or hooks: `testOnlyConfig`, `tests`, `onTestStart`, `hooks`, `startHook`. */
const TEST_HOOK = /^tests?([A-Z_]|$)|[a-z]Test([A-Z_]|$)|(^|[a-z])[hH]ooks?([A-Z_]|$)/;
