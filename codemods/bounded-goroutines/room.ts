import { loopShape, loopStatement } from '../../src/go/loops.js';
import { localsBefore } from '../../src/go/scope.js';
import { contains, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { regexEscaped } from '../../src/go/find-by-text.js';

/**
 * Whether a goroutine's sends on `ch` always find room in its buffer, so none can wait for a
 * receiver: `ch := make(chan T, len(items))` before a loop over `items`, or a channel made in the
 * loop body for this goroutine alone with room for every send it makes on any path (`errc :=
 * make(chan error, 1)` and one send before it returns). `body`: the block the goroutine runs.
 */
export function sendsHaveRoom(ch: string, body: Node, spawn: Spawn): boolean {
  return roomForEveryItem(ch, spawn) || roomForItsSends(ch, body, spawn);
}

/** `ch := make(chan T, len(items))` before a loop over `items`: every goroutine's send has room. */
function roomForEveryItem(ch: string, spawn: Spawn): boolean {
  const over = loopShape(spawn.loops[0]).over?.text;
  const made = localsBefore(loopStatement(spawn.loop)).find((l) => l.name === ch)?.value?.text.replace(/\s/g, '');
  return !!over && !!made && new RegExp(`^make\\((<-)?chan.*,len\\(${regexEscaped(over)}\\)\\)$`).test(made);
}

/**
 * `ch := make(chan T, N)` in the body of the loop, before the go statement, sent on by nothing
 * else of the loop body, and the goroutine sends on it at most N times whatever path it takes.
 */
function roomForItsSends(ch: string, body: Node, spawn: Spawn): boolean {
  if (body.tree !== spawn.go.tree || !contains(spawn.go, body)) return false;
  const loopBody = spawn.loops[0].childForFieldName('body');
  const local = localsBefore(spawn.go).find((l) => l.name === ch);
  if (!loopBody || !local || !contains(loopBody, local.decl)) return false;
  const capacity = /^make\((?:<-)?chan.*,(\d+)\)$/.exec(local.value?.text.replace(/\s/g, '') ?? '')?.[1];
  if (!capacity) return false;
  if (sendsIn(loopBody, ch).some((s) => !contains(body, s))) return false;
  // A jump back would repeat sends.
  if (body.descendantsOfType('goto_statement').length > 0) return false;
  const paths = sendsAlong(statementsOf(body), ch);
  return Math.max(paths.through, paths.returned) <= Number(capacity);
}

/** The most sends on `ch` along paths that run through the statements, and along those that return in them. */
function sendsAlong(statements: Node[], ch: string): { through: number; returned: number } {
  let through = 0;
  let returned = -Infinity;
  for (const s of statements) {
    if (s.type === 'return_statement') {
      returned = Math.max(returned, through);
      through = -Infinity;
    } else if (s.type === 'if_statement' && sendsIn(s.childForFieldName('initializer'), ch).length + sendsIn(s.childForFieldName('condition'), ch).length === 0) {
      const then = sendsAlong(statementsOf(s.childForFieldName('consequence')), ch);
      const alt = s.childForFieldName('alternative');
      const otherwise = alt ? sendsAlong(alt.type === 'block' ? statementsOf(alt) : [alt], ch) : { through: 0, returned: -Infinity };
      returned = Math.max(returned, through + Math.max(then.returned, otherwise.returned));
      through += Math.max(then.through, otherwise.through);
    } else if (s.type === 'block') {
      const inner = sendsAlong(statementsOf(s), ch);
      returned = Math.max(returned, through + inner.returned);
      through += inner.through;
    } else {
      // Anything else: each send in it counted once, unless it may run any number of times.
      const sends = sendsIn(s, ch);
      if (sends.some((x) => repeats(x, s))) return { through: Infinity, returned: Infinity };
      through += sends.length;
    }
  }
  return { through, returned };
}

function sendsIn(node: Node | null, ch: string): Node[] {
  return node ? node.descendantsOfType('send_statement').filter((s) => s.childForFieldName('channel')?.text === ch) : [];
}

/** A send in a loop or a function literal within `s` (or `s` itself a loop). */
function repeats(send: Node, s: Node): boolean {
  for (let n: Node | null = send; n && n.id !== s.parent?.id; n = n.parent) {
    if (n.type === 'for_statement' || n.type === 'func_literal' || n.type === 'go_statement' || n.type === 'defer_statement') return true;
  }
  return false;
}

function statementsOf(block: Node | null): Node[] {
  return block?.namedChildren.find((c) => c.type === 'statement_list')?.namedChildren ?? [];
}
