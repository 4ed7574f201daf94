import { goAtLeast } from '../engine/go-module.js';
import type { FileContext } from '../engine/types.js';
import { packageName } from './imports.js';

/**
 * Whether timers and tickers nothing refers to any more stay alive: below Go 1.23 a timer lives
 * until it fires and a ticker until it is stopped; from 1.23 on (a module's go line, or no module:
 * today's toolchain) both are collected.
 */
export function timersLinger(goVersion: string | undefined): boolean {
  return !goAtLeast(goVersion, '1.23');
}

/** The name the file imports "time" under, where its timers and tickers linger (timersLinger); undefined elsewhere. */
export function lingeringTimePackage(ctx: FileContext): string | undefined {
  return timersLinger(ctx.goVersion) ? packageName(ctx.tree, 'time') : undefined;
}
