import type { PackageIndex } from '../../../src/go/package-index.js';
import { unparen, type Node } from '../../../src/go/syntax.js';
import { declarationOf } from '../../../src/go/scope.js';
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
  return listensWithConfig(call) ? undefined : unseenMethodGiven(call, index, (name) => STARTS.test(name));
}

/**
 * `lc.Listen(ctx, …)` on a `net.ListenConfig` (`lc := net.ListenConfig{Control: …}`, `var lc
 * net.ListenConfig`): its doc says the context is used while resolving the address and does not
 * affect the returned listener, which runs on whatever becomes of it (syncthing's TCP listener).
 */
function listensWithConfig(call: Node): boolean {
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const callee = given?.childForFieldName('function');
  if (callee?.type !== 'selector_expression' || !/^Listen(Packet)?$/.test(callee.childForFieldName('field')!.text)) return false;
  const operand = unparen(callee.childForFieldName('operand')!);
  const found = operand.type === 'identifier' ? declarationOf(operand.text, operand) : undefined;
  const written = found && 'local' in found ? (found.local.typeNode?.text ?? found.local.value?.text) : operand.text;
  return /^(&|\*)?net\.ListenConfig\b/.test(written?.trim() ?? '');
}
