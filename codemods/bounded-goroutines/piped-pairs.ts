import { regexEscaped } from '../../src/go/find-by-text.js';
import { same, statementsOf, type Node } from '../../src/go/syntax.js';
import { spawnedFunction, type Spawn } from './detect.js';

/**
 * Two goroutines of one iteration joined by a pipe the iteration makes (`tr, tw := io.Pipe()`,
 * one goroutine writing `tw` (or running a command writing it), another reading `tr`): a pipe
 * writer waits for its reader, and bounded, a writer holding the last slot would wait for a reader
 * that cannot start (skaffold's container hooks deadlocked on one CPU). The declaration, as written.
 */
export function pipedPair(spawn: Spawn): string | undefined {
  const body = spawn.loops[0].childForFieldName('body');
  const stmts = statementsOf(body);
  const spawns = stmts.filter((s) => s.type === 'go_statement' || (s.type === 'expression_statement' && /^[\w.]+\.Go\(/.test(s.text)));
  if (spawns.length < 2 || !spawns.some((s) => same(s, spawn.go))) return undefined;
  for (const decl of stmts.filter((s) => s.type === 'short_var_declaration' && /^io\.Pipe\(\s*\)$/.test(s.childForFieldName('right')?.text ?? ''))) {
    const [reader, writer] = decl.childForFieldName('left')!.namedChildren.map((n) => n.text);
    if (!reader || !writer || reader === '_' || writer === '_') continue;
    const mentions = (s: Node, name: string) => new RegExp(`(?<![\\w.])${regexEscaped(name)}\\b`).test(s.text);
    const writes = spawns.find((s) => mentions(s, writer));
    const reads = spawns.find((s) => mentions(s, reader) && !same(s, writes ?? null));
    if (writes && reads && (same(writes, spawn.go) || same(reads, spawn.go))) return decl.text;
  }
  return undefined;
}

/**
 * Each pass also hands a value on a channel made outside the loop (`ret <- migr`, then `go
 * migr.Buffer()`), as a statement of the loop body: a reader downstream paces the loop already,
 * and the goroutine's work may wait on that reader (migrate's bodies, written to a pipe the reader
 * drains): bounded, the loop would wait for a slot only the reader frees, while the reader waits
 * for what the loop has yet to send. The send, as written.
 */
export function handedOnEachPass(spawn: Spawn): string | undefined {
  const body = spawn.loops[0].childForFieldName('body');
  const send = statementsOf(body).find((s) => s.type === 'send_statement' && s.childForFieldName('value')?.text.replace(/\s/g, '') !== 'struct{}{}');
  const channel = send?.childForFieldName('channel')?.text;
  if (!send || !channel || new RegExp(`(^|[^\\w.])${regexEscaped(channel)}\\s*:?=`).test(body!.text)) return undefined;
  // A limiter the goroutine releases (\`canReload <- 1\`, then \`<-canReload\` in it): a bound, not a hand-off.
  if (new RegExp(`<-\\s*${regexEscaped(channel)}\\b`).test(spawn.go.text)) return undefined;
  return send.text;
}

/**
 * Each goroutine waits for a value from the channel its item is (`for _, errc := range errs {
 * g.Go(func() error { return <-errc }) }`): the channels of stages running elsewhere, each waited
 * for by one goroutine, all meant to wait at once. Bounded, a stage whose waiter has not started
 * blocks on its send, and the stages that wait on it (a pipeline's, or a group's cancel on the
 * first error) with it: wal-g's oplog push hung on one CPU. The receive, as written.
 */
export function waitsOnItsChannel(spawn: Spawn): string | undefined {
  const loop = spawn.loops.at(-1)!;
  const clause = loop.namedChildren.find((c) => c.type === 'range_clause');
  const names = clause?.childForFieldName('left')?.namedChildren ?? [];
  const item = names.length === 2 ? names[1].text : undefined;
  const literal = spawnedFunction(spawn.go);
  if (!item || literal?.type !== 'func_literal') return undefined;
  const receive = literal.descendantsOfType('unary_expression').find((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === item);
  return receive?.text;
}
