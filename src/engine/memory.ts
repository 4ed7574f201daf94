import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/**
 * Trees live in native memory the JavaScript heap does not see, so a heap that barely grows
 * is rarely collected and freed trees pile up (GBs on large packages). Past a budget of process
 * memory, collect this thread's heap: unreachable trees are freed at once. Worker threads share
 * the process, so each keeps to a smaller budget than a run on the main thread alone.
 */
const MB = 1024 * 1024;
const BUDGET_BYTES = isMainThread ? 192 * MB : 128 * MB;
/** Do not collect again before this much memory was allocated since the last collection. */
const STEP_BYTES = isMainThread ? 32 * MB : 16 * MB;

let collect: (() => void) | undefined;
try {
  setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as () => void;
} catch {
  collect = undefined; // without it, memory is bounded only by the event loop turns
}

/** Text parsed between two looks at the process's memory (its trees take some 35 times as much). */
const CHECK_EVERY_BYTES = 512 * 1024;

let lastRss = 0;
let unchecked = 0;

/**
 * Call after each file parsed, with its length: collects when the process is over budget and
 * has grown since the last collection. True when it collected: the caller should then let the
 * event loop turn, which is when the trees found unreachable are freed.
 */
export function boundMemory(parsedLength: number): boolean {
  if (!collect) return false;
  unchecked += parsedLength;
  if (unchecked < CHECK_EVERY_BYTES) return false;
  unchecked = 0;
  const rss = process.memoryUsage.rss();
  if (rss < BUDGET_BYTES || rss < lastRss + STEP_BYTES) return false;
  collect();
  lastRss = rss;
  return true;
}
