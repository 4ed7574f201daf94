import { loopShape, loopStatement } from '../../src/go/loops.js';
import { plainReceive } from '../../src/go/receive-shapes.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, closedChannels, contains, inSelectWithDefault, rootName, unparen, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';

// Goroutines of one loop that wait on a channel they close or send on themselves: podman's pod
// start, each container's goroutine waiting for `<-started[dep]` and closing `started[c.ID]`, or a
// start barrier, the last one up closing `allUp` that every one waits for. Bounded, the goroutines
// holding the slots would wait for one that never gets a slot.

/**
 * A goroutine that waits on a channel (a receive with no other case to take, or a range over it)
 * that another goroutine of the loop closes or sends on: an element of the same map or slice
 * under another index (`<-started[dep]`, `close(started[c.ID])`), the same field of another value
 * (`<-d.doneCh`, `close(v.doneCh)`), or, closed, the same channel shared by all of them (`<-allUp`,
 * `close(allUp)`). The reason, or undefined.
 */
export function waitOnEachOther(spawn: Spawn, bodies: { body: Node; via?: string }[]): string | undefined {
  for (const { body, via } of bodies) {
    // Nodes of the body itself: not of goroutines it starts in turn.
    const own = (n: Node) => !ancestors(n).some((a) => a.type === 'go_statement' && contains(body, a) && a.id !== n.id);
    const closes = closedChannels(body).filter(own).map((c) => ({ ch: unparen(c), how: `close(${c.text})` }));
    const sends = body
      .descendantsOfType('send_statement')
      .filter((s) => own(s) && !inSelectWithDefault(s))
      .map((s) => ({ ch: unparen(s.childForFieldName('channel')!), how: s.text }));
    for (const wait of waitsIn(body, own)) {
      const shared = (ch: Node) => !via && sharedByAll(ch, spawn, body);
      const release = closes.find((r) => sibling(wait.ch, r.ch) || (r.ch.text === wait.ch.text && shared(r.ch))) ?? sends.find((r) => sibling(wait.ch, r.ch));
      if (release) {
        const where = via ? ` in ${via}` : '';
        const by = release.how.startsWith('close(') ? 'closed' : 'sent on';
        return `the goroutines wait on each other${where} (${wait.how}, ${by} by another goroutine of the loop with ${release.how}): bounded, those holding the slots could wait for one that never gets a slot`;
      }
    }
  }
  return undefined;
}

/** The channels a body waits on: plain receives (`<-started[dep]`, `v := <-ch`) and ranges over a channel expression. */
function waitsIn(body: Node, own: (n: Node) => boolean): { ch: Node; how: string }[] {
  const receives = body
    .descendantsOfType('unary_expression')
    .filter((u) => own(u) && u.childForFieldName('operator')?.text === '<-' && plainReceive(u))
    .map((u) => ({ ch: unparen(u.childForFieldName('operand')!), how: u.text }));
  const ranges = body
    .descendantsOfType('for_statement')
    .filter(own)
    .flatMap((loop) => {
      const { kind, over } = loopShape(loop);
      return kind === 'range' && over && (over.type === 'identifier' || over.type === 'selector_expression' || over.type === 'index_expression') ? [{ ch: unparen(over), how: `range ${over.text}` }] : [];
    });
  return [...receives, ...ranges];
}

/**
 * Two channels of one family, told apart: elements of the same map or slice under different
 * indexes (`started[dep]`, `started[c.ID]`), or the same field of different values (`d.doneCh`,
 * `v.doneCh`).
 */
function sibling(a: Node, b: Node): boolean {
  if (a.type !== b.type || a.text === b.text) return false;
  if (a.type === 'index_expression') return a.childForFieldName('operand')!.text === b.childForFieldName('operand')!.text;
  if (a.type === 'selector_expression') return a.childForFieldName('field')!.text === b.childForFieldName('field')!.text && !/\(/.test(a.text + b.text);
  return false;
}

/**
 * A channel every goroutine of the loop sees as the same one: named from a variable declared
 * before the loop (not the loop's variables, the goroutine's parameters or its own locals).
 */
function sharedByAll(ch: Node, spawn: Spawn, body: Node): boolean {
  if (ch.type !== 'identifier' && ch.type !== 'selector_expression') return false;
  const root = rootName(ch);
  if (!root || /\(/.test(ch.text)) return false;
  const found = declarationOf(root.text, ch);
  if (!found) return false;
  const decl = 'local' in found ? found.local.decl : found.param.fn;
  const loop = loopStatement(spawn.loop);
  // A parameter of the goroutine's literal, or a local of the loop or the goroutine: its own.
  return 'local' in found ? !contains(loop, decl) && !contains(body, decl) : !contains(loop, decl);
}
