import type { Codemod } from '../src/engine/types.js';
import { boundedGoroutines } from './bounded-goroutines/index.js';
import { bufferedResultChan } from './buffered-result-chan/index.js';
import { copyUnderLock } from './copy-under-lock/index.js';
import { ctxPropagate } from './ctx-propagate/index.js';
import { goroutineRecover } from './goroutine-recover/index.js';
import { loopCtxCheck } from './loop-ctx-check/index.js';
import { sendSelectCtx } from './send-select-ctx/index.js';
import { tickerStop } from './ticker-stop/index.js';
import { timeAfterInLoop } from './time-after-in-loop/index.js';
import { wgAddBeforeGo } from './wg-add-before-go/index.js';

/** Every codemod goconc knows, in the order they are listed and run. */
export const codemods: readonly Codemod[] = [sendSelectCtx, boundedGoroutines, copyUnderLock, wgAddBeforeGo, bufferedResultChan, ctxPropagate, tickerStop, timeAfterInLoop, loopCtxCheck, goroutineRecover];
