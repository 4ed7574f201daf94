import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { calledOnceDone } from './called-once-done.js';
import { calledOnceFieldDone } from './called-once-field-done.js';
import { calledOnlyDeferred } from './called-only-deferred.js';
import { calledWhereDone } from './caller-sites.js';
import { startedUnwaitedByCaller } from './started-unwaited-by-caller.js';
import { pollCondition } from './poll-condition.js';

/**
 * Why the function's empty context should stay, judged by where the package calls the function:
 * where the context handed it is done, only from defer statements, or from a goroutine its caller
 * does not wait for, or by a poller. The first reason found, or undefined.
 */
export function callerReason(source: CancellationSource, index: PackageIndex): string | undefined {
  return calledWhereDone(source, index) ?? calledOnceDone(source, index) ?? calledOnlyDeferred(source, index) ?? calledOnceFieldDone(source, index) ?? startedUnwaitedByCaller(source, index) ?? pollCondition(source, index);
}
