import type { FileContext } from '../../src/engine/types.js';
import type { Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { itemIsFunction } from './item-tasks.js';

/**
 * Why a bound may stall goroutines that each run their item, a function value (see
 * itemIsFunction), checked once the reasons that say more are not found: a callback of a function
 * type the package declares for its callers, with parameters (a joined loop's too), or, for a loop
 * nothing waits for, a function of a type written out (`for _, f := range pluginFuncs { go
 * func(f func() error) { f() }(f) }`: v2ray's plugins, the pprof one serving for the process's
 * life), or for a joined loop, run side by side as a registry's callbacks are (tailscale's policy
 * store notifying every change callback, then waiting for all), over a local, a package variable
 * or a package function's result.
 */
export function functionItemReason(spawn: Spawn, bodies: { body: Node }[], ctx: FileContext): string | undefined {
  const item = itemIsFunction(spawn, bodies, ctx, true, true);
  if (!item) return undefined;
  if (item.declared) {
    return `each goroutine runs its item, a callback of a function type the package declares for its callers (${item.call}): subscribers' code, run side by side by contract, which may wait on each other; bounded, a callback waiting for a later one would hold its slot for good`;
  }
  if (spawn.shape !== 'fire-and-forget') {
    return `each goroutine runs its item, a function value (${item.call}), code this package does not show (a registered callback's or hook's): run side by side, callbacks may wait on each other; bounded, one waiting for a later one would hold its slot for good, and the loop would never start that one`;
  }
  return `each goroutine runs its item, a function value (${item.call}), code this package does not show (a registered plugin's or hook's): nothing waits for the goroutines, and one that runs for the process's life (a plugin serving until it exits) would hold its slot for good, stopping the loop before the function goes on; unbounded, it only kept its own goroutine`;
}
