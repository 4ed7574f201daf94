import { closedChannels, contains, type Node } from '../../src/go/syntax.js';
import { spawnedFunction, type Spawn } from './detect.js';

/**
 * A receive in the loop's own code, after the `go` statement, from a channel the goroutine's
 * literal sends on or closes, in a select that may give up on it (`go func() { ch <- check(h) }()` then `select { case err := <-ch: …; case
 * <-time.After(d): … }`): the loop waits for each goroutine in turn, so at most one runs at a time
 * but for those it gave up on, and a bound would let those hold their slots. As written, e.g. `<-ch`.
 */
export function awaitedInTurn(spawn: Spawn): string | undefined {
  const literal = spawnedFunction(spawn.go);
  if (literal?.type !== 'func_literal') return undefined;
  // What the goroutine sends on, or closes when it is done (`close(done)`).
  const sentOn = new Set([...(sentByLiteral(spawn)?.sentOn ?? []), ...closedChannels(literal).map((c) => c.text)]);
  if (sentOn.size === 0) return undefined;
  const body = spawn.loops[0].childForFieldName('body');
  if (!body) return undefined;
  for (const recv of body.descendantsOfType('unary_expression')) {
    if (recv.startIndex < spawn.go.endIndex || contains(literal, recv) || recv.childForFieldName('operator')?.text !== '<-') continue;
    if (sentOn.has(recv.childForFieldName('operand')!.text) && mayGiveUp(recv)) return recv.text;
  }
  return undefined;
}

/** The function literal a spawn runs and the channels it sends on, as written, when it runs one that sends. */
export function sentByLiteral(spawn: Spawn): { literal: Node; sentOn: Set<string> } | undefined {
  const literal = spawnedFunction(spawn.go);
  if (literal?.type !== 'func_literal') return undefined;
  const sentOn = new Set(literal.descendantsOfType('send_statement').map((s) => s.childForFieldName('channel')!.text));
  return sentOn.size > 0 ? { literal, sentOn } : undefined;
}

/**
 * The receive is a case of a select with another way out (a timeout, a context, a default): the
 * loop may move on without it. A plain receive waits for every goroutine, and a bound is then
 * only needless.
 */
export function mayGiveUp(recv: Node): boolean {
  const kase = recv.parent?.type === 'communication_case' ? recv.parent : recv.parent?.parent?.type === 'communication_case' ? recv.parent.parent : undefined;
  const select = kase?.parent;
  return select?.type === 'select_statement' && select.namedChildren.filter((c) => c.type === 'communication_case' || c.type === 'default_case').length > 1;
}

