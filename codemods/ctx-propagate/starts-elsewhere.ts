import type { PackageIndex } from '../../src/go/package-index.js';
import type { Node } from '../../src/go/syntax.js';
import { unseenMethodGiven } from './unseen-method.js';

/**
 * A method named for starting something that runs on (`Start`, `StartServer`, `Serve`,
 * `ListenAndServe`, `Launch`, `Spawn`, `Watch`, `Run`), or for starting it again (`Restart`,
 * `RestartListener`, `Relaunch`: merlin's listener service, restarted by an RPC given its request's
 * context): the whole name, or the word then more words (not `Started`, `Runner`, `Watcher`,
 * `Running`, `Restarted`).
 */
const STARTS = /^(?:Start|Serve|Listen|Launch|Spawn|Watch|Restart|Relaunch)(?:[A-Z0-9_]\w*)?$|^Run$/;

/**
 * The call the empty context is given to, when it is a method (or a function of another package,
 * `x.Start(…)`) named for starting something that runs on (STARTS) and the package declares no
 * function or method of that name, so its body is code goconc cannot see: the context it is given
 * commonly bounds the life of what it starts (btcwallet's neutrino chain service, started with the
 * empty context by a function whose context bounds only its start-up). As written up to its paren.
 * Not for a receiver's context, which lives as long as what it would start: only for the
 * parameter's or a local's (the caller's, often one for the start-up alone).
 */
export function startsUnseen(call: Node, index: PackageIndex): string | undefined {
  return unseenMethodGiven(call, index, (name) => STARTS.test(name));
}
