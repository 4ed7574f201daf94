import type { FileContext } from '../../../src/engine/types.js';
import { useOf } from '../../../src/go/result-channel.js';
import { callsHanding } from '../../../src/go/called-functions.js';
import { declarationOf, type LocalDecl } from '../../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, same, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * A channel a function makes with room (`enrichedCh := make(chan *Game, len(games))`), sent on by
 * the goroutines it starts, and read by it only after it has waited for them (`wg.Wait();
 * close(enrichedCh); for g := range enrichedCh`): its room must take every value, since nothing
 * reads while they send, and a select would only drop values that read collects. The send may be
 * in a closure handed to a wrapper that starts it (`goWrapper(f)`), or in a function every caller
 * hands the channel from there (`validateReference(ctx, wg, ref, i, &c)`, sending on `*resultsC`).
 * How, e.g. `read only after wg.Wait() (line 60)`.
 */
export function collectedAfterWait(send: Node, ctx: FileContext): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const pointer = chan.type === 'unary_expression' && chan.childForFieldName('operator')?.text === '*';
  const name = pointer ? unparen(chan.childForFieldName('operand')!) : chan;
  const found = name.type === 'identifier' ? declarationOf(name.text, send) : undefined;
  if (!found) return undefined;
  if ('local' in found) {
    const wait = pointer ? undefined : afterWait(found.local, send);
    return wait && `read only after ${wait.text} (line ${wait.startPosition.row + 1})`;
  }
  const handing = callsHanding(found.param, ctx.packageIndex());
  if (!handing) return undefined;
  const waits = handing.calls.map(({ call, arg: given }) => {
    let arg = given && unparen(given);
    if (pointer && arg?.type === 'unary_expression' && arg.childForFieldName('operator')?.text === '&') arg = unparen(arg.childForFieldName('operand')!);
    else if (pointer) return undefined;
    const made = arg?.type === 'identifier' ? declarationOf(arg.text, call) : undefined;
    const wait = made && 'local' in made ? afterWait(made.local, call) : undefined;
    // The caller's tree is its declaration parsed alone: quoted, not placed by line.
    return wait && `handed in by ${enclosingName(wait)}, which reads ${arg!.text} only after ${wait.text}`;
  });
  return waits.length > 0 && waits.every((w) => w !== undefined) ? waits[0] : undefined;
}

/**
 * The wait after which the function that made `local` (with room) first reads it, when `sender`
 * (the send, or the call handing the channel on) runs in a function literal of it written before
 * the wait, and nothing of the maker's own reads it or hands it elsewhere before the wait.
 */
function afterWait(local: LocalDecl, sender: Node): Node | undefined {
  const made = local.value && unparen(local.value);
  const args = made?.type === 'call_expression' && made.childForFieldName('function')?.text === 'make' ? made.childForFieldName('arguments')!.namedChildren : [];
  const maker = enclosingFunction(local.decl);
  if (args.length !== 2 || !/^chan\b/.test(args[0].text) || !maker || same(enclosingFunction(sender), maker)) return undefined;
  const own = (n: Node) => same(enclosingFunction(n), maker);
  const wait = maker
    .descendantsOfType('call_expression')
    .find((c) => own(c) && c.parent?.type === 'expression_statement' && /\.Wait$/.test(c.childForFieldName('function')?.text ?? '') && c.startIndex > sender.endIndex);
  if (!wait) return undefined;
  const uses = maker.descendantsOfType('identifier').filter((id) => id.text === local.name && !contains(local.decl, id));
  const isRead = (id: Node) => useOf(id) === 'receive' || (id.parent?.type === 'range_clause' && same(id.parent.childForFieldName('right'), id));
  // Before the wait: only in the goroutines' code, never read there; after it: read.
  const before = uses.filter((id) => id.startIndex < wait.startIndex);
  if (before.some((id) => own(id) || isRead(id) || !ancestors(id).some((a) => a.type === 'func_literal' && contains(maker, a)))) return undefined;
  return uses.some((id) => id.startIndex > wait.endIndex) ? wait : undefined;
}

/** `name()` of the function declaration around a node. */
function enclosingName(node: Node): string {
  const decl = ancestors(node).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
  return `${decl?.childForFieldName('name')?.text ?? 'its caller'}()`;
}
