import { timersCollected, type GodebugSettings } from '../engine/godebug.js';
import type { FileContext } from '../engine/types.js';
import { packageName } from './imports.js';

/**
 * Whether timers and tickers nothing refers to any more stay alive: below Go 1.23 a timer lives
 * until it fires and a ticker until it is stopped; from 1.23 on (a module's go line, or no module:
 * today's toolchain) both are collected, unless `asynctimerchan=1` (go.mod, go.work or
 * `//go:debug`) brings the old timers back (godebug.ts' timersCollected).
 */
export function timersLinger(goVersion: string | undefined, godebug?: GodebugSettings): boolean {
  return !timersCollected(goVersion, godebug);
}

/** The name the file imports "time" under, where its timers and tickers linger (timersLinger); undefined elsewhere. */
export function lingeringTimePackage(ctx: FileContext): string | undefined {
  return timersLinger(ctx.goVersion, ctx.godebug) ? packageName(ctx.tree, 'time') : undefined;
}
