import { loopStatement } from '../../src/go/loops.js';
import { ancestors, closedChannels, contains, enclosingFunction, same, statementsOf, type Node } from '../../src/go/syntax.js';
import { loopGroups, spawnedFunction, type Spawn } from './detect.js';
import { localClosure } from '../../src/go/scope.js';

/**
 * A receive in the loop's own code, after the `go` statement, from a channel the goroutine's
 * literal sends on or closes, in a select that may give up on it (`go func() { ch <- check(h) }()` then `select { case err := <-ch: …; case
 * <-time.After(d): … }`): the loop waits for each goroutine in turn, so at most one runs at a time
 * but for those it gave up on, and a bound would let those hold their slots. As written, e.g. `<-ch`.
 */
export function awaitedInTurn(spawn: Spawn): string | undefined {
  const literal = spawnedFunction(spawn.go);
  if (literal?.type !== 'func_literal') return undefined;
  const sentOn = signalledBy(spawn, literal);
  if (sentOn.size === 0) return undefined;
  const body = spawn.loops[0].childForFieldName('body');
  if (!body) return undefined;
  for (const recv of body.descendantsOfType('unary_expression')) {
    if (recv.startIndex < spawn.go.endIndex || contains(literal, recv) || recv.childForFieldName('operator')?.text !== '<-') continue;
    if (sentOn.has(recv.childForFieldName('operand')!.text) && mayGiveUp(recv)) return recv.text;
  }
  return undefined;
}

/**
 * The loop waits for each goroutine before it goes on: after the `go` statement, in the loop's own
 * code, a plain receive from a channel the goroutine sends on or closes, or a select on it whose
 * other cases all return (\`case <-ctx.Done(): watcher.Stop(); return\`). At most one runs at a
 * time: nothing to bound (kubeshark's config-map watcher, gortsplib's ring buffer benchmark).
 */
export function joinedInTurn(spawn: Spawn): boolean {
  const literal = spawnedFunction(spawn.go);
  if (literal?.type !== 'func_literal') return false;
  const body = spawn.loops[0].childForFieldName('body');
  if (body && waitedInIteration(spawn, literal, body)) return true;
  const sentOn = signalledBy(spawn, literal);
  if (sentOn.size === 0 || !body) return false;
  return body.descendantsOfType('unary_expression').some((recv) => {
    if (recv.startIndex < spawn.go.endIndex || contains(literal, recv) || recv.childForFieldName('operator')?.text !== '<-') return false;
    // In the loop's own code: not in a closure kept for later (`closer := func() { …; <-donec }`).
    if (!sentOn.has(recv.childForFieldName('operand')!.text) || !same(ownLoop(recv), spawn.loops[0]) || !same(enclosingFunction(recv), spawn.fn)) return false;
    const kase = recv.parent?.type === 'receive_statement' ? recv.parent.parent : undefined;
    if (kase?.type === 'communication_case') return kase.parent!.namedChildren.every((c) => same(c, kase) || c.type === 'comment' || (c.type === 'communication_case' && endsInReturn(c)));
    return recv.parent?.type === 'expression_statement' || (recv.parent?.type === 'expression_list' && /^(short_var_declaration|assignment_statement)$/.test(recv.parent.parent?.type ?? ''));
  });
}

/**
 * `siteWg.Wait()` in the loop's own code after the `go` statement, for the group whose `Done` the
 * goroutine calls (or whose `Go` starts it): each pass waits for the goroutines it started
 * (gospider's per-site crawlers, a few per site), so no more than those run at once.
 */
function waitedInIteration(spawn: Spawn, literal: Node, body: Node): boolean {
  const started = spawn.go.type === 'expression_statement' ? spawn.go.namedChild(0)?.childForFieldName('function') : undefined;
  const groups = new Set(literal.descendantsOfType('call_expression').flatMap((c) => /^([\w.]+)\.Done$/.exec(c.childForFieldName('function')?.text ?? '')?.[1] ?? []));
  if (started?.type === 'selector_expression' && started.childForFieldName('field')?.text === 'Go') groups.add(started.childForFieldName('operand')!.text);
  return body.descendantsOfType('call_expression').some((call) => {
    const group = /^([\w.]+)\.Wait$/.exec(call.childForFieldName('function')?.text ?? '')?.[1];
    return !!group && groups.has(group) && call.startIndex > spawn.go.endIndex && call.parent?.type === 'expression_statement' && same(ownLoop(call), spawn.loops[0]) && same(enclosingFunction(call), spawn.fn);
  });
}

/** What the goroutine sends on, or closes when it is done (`close(done)`). */
function signalledBy(spawn: Spawn, literal: Node): Set<string> {
  return new Set([...(sentByLiteral(spawn)?.sentOn ?? []), ...closedChannels(literal).map((c) => c.text)]);
}

/** The innermost loop around a node. */
function ownLoop(node: Node): Node | undefined {
  return ancestors(node).find((a) => a.type === 'for_statement');
}

/** A select case that can only return: it ends in a return, with no continue, break or goto on another path. */
function endsInReturn(kase: Node): boolean {
  const stmts = statementsOf(kase).filter((c) => c.type !== 'comment');
  return stmts[stmts.length - 1]?.type === 'return_statement' && kase.descendantsOfType(['continue_statement', 'break_statement', 'goto_statement']).length === 0;
}

/** The function literal a spawn runs and the channels it sends on, as written, when it runs one that sends. */
export function sentByLiteral(spawn: Spawn): { literal: Node; sentOn: Set<string> } | undefined {
  const spawned = spawnedFunction(spawn.go);
  // `go sleep(s)`, where `sleep := func(s Sleeper) { done <- s(ctx) }`: the literal it was given.
  const literal = spawned?.type === 'identifier' ? localClosure(spawned, spawn.go) : spawned;
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


/**
 * The function waits for its goroutines only in a goroutine of its own, which hands the outcome
 * on a channel the function returns (`go func() { done <- g.Wait() }()`, then `return done`): it
 * is meant to start them all and return at once, its caller waiting on the outcome and on its own
 * stop. Bounded, it would return only once all but the last few had ended. The wait, as written.
 */
export function awaitedInBackground(spawn: Spawn): string | undefined {
  if (spawn.shape !== 'joined') return undefined;
  const loop = loopStatement(spawn.loop);
  // The group the loop adds to, or whose Done its goroutines call (\`wg.Add(len(peers))\` made before it).
  const after = spawn.fn.descendantsOfType('call_expression').filter((c) => c.startIndex > loop.endIndex && /\.Wait$/.test(c.childForFieldName('function')?.text ?? ''));
  const group = loopGroups(loop).find((g) => after.some((c) => c.childForFieldName('function')!.text === `${g}.Wait`));
  if (!group) return undefined;
  const waits = after.filter((c) => c.childForFieldName('function')?.text === `${group}.Wait`);
  const returned = returnedAfterLoop(spawn);
  // In `go func() { … }()`, handing the outcome on a returned channel.
  const handedBack = (c: Node) => {
    const fn = enclosingFunction(c);
    if (fn?.type !== 'func_literal' || fn.parent?.type !== 'call_expression' || fn.parent.parent?.type !== 'go_statement') return false;
    const outcome = [...fn.descendantsOfType('send_statement').map((s) => s.childForFieldName('channel')!), ...closedChannels(fn)];
    return outcome.some((ch) => returned.has(ch.text));
  };
  return waits.length > 0 && waits.every(handedBack) ? waits[0].text : undefined;
}

/** What the function's own return statements after the loop return, as written (`return done`: `done`). */
export function returnedAfterLoop(spawn: Spawn): Set<string> {
  const end = loopStatement(spawn.loop).endIndex;
  return new Set(
    spawn.fn
      .descendantsOfType('return_statement')
      .filter((r) => r.startIndex > end && same(enclosingFunction(r), spawn.fn))
      .flatMap((r) => r.namedChildren.flatMap((l) => (l.namedChildren.length > 0 ? l.namedChildren : [l])).map((e) => e.text)),
  );
}
