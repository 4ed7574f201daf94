import { useOf } from '../../src/go/result-channel.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, enclosingFunction, same, unparen, type Node } from '../../src/go/syntax.js';

/**
 * A channel the function makes with room (`enrichedCh := make(chan *Game, len(games))`), sent on
 * by goroutines it starts, and read by it only after it has waited for them (`wg.Wait();
 * close(enrichedCh); for g := range enrichedCh`): its room is what takes every value, since nothing
 * reads while they send, and a select would only drop values that read collects. The wait, e.g.
 * `wg.Wait() (line 60)`.
 */
export function collectedAfterWait(send: Node): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const found = chan.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  if (!found || !('local' in found)) return undefined;
  const made = found.local.value;
  const args = made?.type === 'call_expression' && made.childForFieldName('function')?.text === 'make' ? made.childForFieldName('arguments')!.namedChildren : [];
  const maker = enclosingFunction(found.local.decl);
  if (args.length !== 2 || !/^chan\b/.test(args[0].text) || !maker || same(enclosingFunction(send), maker)) return undefined;
  const own = (n: Node) => same(enclosingFunction(n), maker);
  const uses = maker.descendantsOfType('identifier').filter((id) => id.text === chan.text && own(id));
  const reads = uses.filter((id) => useOf(id) === 'receive' || (id.parent?.type === 'range_clause' && same(id.parent.childForFieldName('right'), id)));
  // Handed to nothing else: its reads are the maker's own.
  const declared = (id: Node) => contains(found.local.decl, id);
  if (reads.length === 0 || uses.some((id) => !reads.includes(id) && useOf(id) !== 'close' && !declared(id))) return undefined;
  const starts = maker.descendantsOfType('go_statement').filter((g) => own(g) && g.startIndex < send.startIndex && send.endIndex <= g.endIndex);
  if (starts.length === 0) return undefined;
  const first = Math.min(...reads.map((r) => r.startIndex));
  const wait = maker
    .descendantsOfType('call_expression')
    .find((c) => own(c) && c.parent?.type === 'expression_statement' && /\.Wait$/.test(c.childForFieldName('function')?.text ?? '') && c.startIndex > starts[0].endIndex && c.endIndex < first);
  return wait ? `${wait.text} (line ${wait.startPosition.row + 1})` : undefined;
}
