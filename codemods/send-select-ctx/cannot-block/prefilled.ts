import { regexEscaped } from '../../../src/go/find-by-text.js';
import { same, type Node } from '../../../src/go/syntax.js';

/**
 * A send that fills a channel just made, once per pass of a loop running as many times as its
 * capacity, before anything else uses it (`tickets := make(chan T, n)`, then `for i := 0; i < n;
 * i++ { tickets <- nil }`: wal-g's semaphore tokens). It cannot block. `runsExactly` tells
 * whether the loop runs exactly `capacity` times.
 */
export function prefilled(send: Node, decl: Node, chan: string, capacity: Node, runsExactly: (loop: Node, count: Node) => boolean): boolean {
  const block = send.parent?.type === 'statement_list' ? send.parent.parent : send.parent;
  const loop = block?.parent;
  if (block?.type !== 'block' || loop?.type !== 'for_statement' || !same(loop.parent, decl.parent)) return false;
  // The loop's body sends once and does nothing else with the channel.
  const mentions = new RegExp(`(?<![\\w.])${regexEscaped(chan)}\\b`, 'g');
  if ((block.text.match(mentions) ?? []).length !== 1) return false;
  // Nothing between the make and the loop uses the channel.
  const used = new RegExp(mentions.source);
  for (let s = decl.nextNamedSibling; s && !same(s, loop); s = s.nextNamedSibling) if (used.test(s.text)) return false;
  return loop.startIndex > decl.endIndex && runsExactly(loop, capacity);
}

/**
 * A send among the statements right after the make, in its block, before anything else uses the
 * channel (`addresses := make(chan T, 10)`, then `addresses <- first`: jupiter's registry
 * watch): it fills a free slot of a channel nobody else has yet, the capacity a constant at
 * least the number of such sends up to it. It cannot block.
 */
export function sentFirst(send: Node, decl: Node, chan: string, capacity: Node): boolean {
  // The statement declaring it (`var addresses = make(…)` declares in a spec of its own).
  while (decl.parent && decl.parent.type !== 'statement_list' && decl.parent.type !== 'block') decl = decl.parent;
  if (capacity.type !== 'int_literal' || !same(send.parent, decl.parent)) return false;
  const cap = Number(capacity.text.replace(/_/g, ''));
  const used = new RegExp(`(?<![\\w.])${regexEscaped(chan)}\\b`);
  let sends = 0;
  for (let s = decl.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (s.type === 'comment') continue;
    if (s.type === 'send_statement' && s.childForFieldName('channel')!.text === chan) {
      if (++sends > cap) return false;
      if (same(s, send)) return true;
    } else if (used.test(s.text)) return false;
  }
  return false;
}

/**
 * A send reached from an assignment of a new buffered channel (`paf.errCh = make(chan error, 1)`,
 * then `if paf.err != nil { paf.errCh <- paf.err }`: nats.go's ack future; `errCh := make(chan
 * error, 1)`, then `if err != nil { errCh <- err; return errCh }`: kitex's server) through the statements
 * after it, ifs and blocks entered on the way, nothing else using the channel in between: it
 * fills a free slot of a channel no other code has been handed yet (another goroutine reaching a
 * field without synchronisation would be a data race). The capacity is a constant, at least one.
 */
export function sentRightAfterMake(send: Node, chan: string): boolean {
  const used = new RegExp(`(?<![\\w.])${regexEscaped(chan)}\\b`);
  for (let node: Node = send; ; ) {
    for (let s = node.previousNamedSibling; s; s = s.previousNamedSibling) {
      if (s.type === 'comment') continue;
      if (!used.test(s.text)) continue;
      const assigns = (s.type === 'assignment_statement' && s.childForFieldName('operator')?.text === '=') || s.type === 'short_var_declaration';
      return assigns && s.childForFieldName('left')?.text === chan && BUFFERED_MAKE.test(s.childForFieldName('right')?.text ?? '');
    }
    const holder = node.parent?.type === 'statement_list' ? node.parent.parent : node.parent;
    // Out of a block only into an if whose test leaves the channel alone, or a block: never
    // through a loop, a case, or the function.
    const up = holder?.type === 'block' ? holder.parent : undefined;
    if (!holder || holder.type !== 'block' || !up) return false;
    if (up.type === 'if_statement') {
      if (used.test(up.childForFieldName('condition')?.text ?? '') || used.test(up.childForFieldName('initializer')?.text ?? '')) return false;
      node = up;
    } else if (up.type === 'block' || up.type === 'statement_list') node = holder;
    else return false;
  }
}

/** `make(chan T, n)` with a constant capacity of at least one. */
const BUFFERED_MAKE = /^make\(\s*(?:<-\s*)?chan\b[^,]*,\s*[1-9][\d_]*\s*\)$/;
