import type { PackageIndex } from '../../../src/go/package-index.js';
import type { Node } from '../../../src/go/syntax.js';
import { unseenMethodGiven } from './unseen-method.js';

/** A hook's or observer's method: `ObserveFrameHeader`, `Observe`, `OnConnect`, `OnEvent`. */
const HOOK = /^(?:Observe\w*|On[A-Z]\w*)$/;

/**
 * The call `context.Background()` is given to, when it is a hook's or observer's method (HOOK) the
 * package declares no function or method of, so its body is the user's code goconc cannot see:
 * such code may keep the context for work after the call (an export, a metric recorded later),
 * and gocql hands its frame observer the empty context for that (given the set-up's context, an
 * observer exporting asynchronously dropped the frames). As written up to its paren. Only for the
 * parameter's or a local's context, as startsUnseen.
 */
export function hookUnseen(call: Node, index: PackageIndex): string | undefined {
  // `context.TODO()` says no context was chosen, and a hook then gets the one in scope (velero's
  // data-path callbacks): only `context.Background()` is the hook's own on purpose.
  if (!/\.Background\(\)$/.test(call.text)) return undefined;
  return unseenMethodGiven(call, index, (name) => HOOK.test(name));
}
