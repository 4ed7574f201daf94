import { enclosingFunction, same, type Node } from '../../../src/go/syntax.js';
import { CLEANUP } from './cleanup.js';
import { CLOSING } from './closed-after-loop.js';

/** A context constructor that gives the new context an end of its own. */
const OWN_END = (pkg: string) => new RegExp(`^${pkg}\\.With(Cancel|Timeout|Deadline)\\w*$`);

/**
 * The clean-up a new context made from `call` (an empty context) is given to: `closeCtx,
 * closeCancel := context.WithTimeout(context.TODO(), time.Second)`, then
 * `er.election.Close(closeCtx)` later in the function. The empty parent bounds the clean-up by
 * its own timeout alone, so that it still runs once the context in scope is done (trillian's
 * election runner closes its election after a loop that ends with ctx: given ctx, the resign
 * would fail at once and the mastership be kept). The clean-up, as written up to its paren, and
 * its line, e.g. `er.election.Close(…), line 49`, with the context made and its constructor.
 */
export function cleanupGivenNewContext(call: Node, pkg: string): { made: string; ctor: string; cleanup: string } | undefined {
  const list = call.parent;
  const ctor = list?.type === 'argument_list' && same(list.namedChildren[0], call) ? list.parent : undefined;
  if (ctor?.type !== 'call_expression' || !OWN_END(pkg).test(ctor.childForFieldName('function')?.text ?? '')) return undefined;
  const holder = ctor.parent?.type === 'expression_list' ? ctor.parent.parent : undefined;
  if (holder?.type !== 'short_var_declaration' && holder?.type !== 'assignment_statement') return undefined;
  const made = holder.childForFieldName('left')?.namedChildren[0];
  const fn = enclosingFunction(call);
  if (made?.type !== 'identifier' || made.text === '_' || !fn) return undefined;
  const cleanup = fn.descendantsOfType('call_expression').find((c) => {
    if (c.startIndex <= holder.endIndex) return false;
    const callee = c.childForFieldName('function')?.text ?? '';
    const args = c.childForFieldName('arguments')?.namedChildren ?? [];
    return args.some((a) => a.text === made.text) && (CLEANUP.test(callee) || CLOSING.test(callee));
  });
  if (!cleanup) return undefined;
  return { made: made.text, ctor: `${ctor.childForFieldName('function')!.text}(…)`, cleanup: `${cleanup.childForFieldName('function')!.text}(…), line ${cleanup.startPosition.row + 1}` };
}
