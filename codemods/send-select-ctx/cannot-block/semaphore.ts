import type { FileContext } from '../../../src/engine/types.js';
import { codeOnly, nodesByToken } from '../../../src/go/find-by-text.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, compacted, enclosingFunction, outermostFunction, same, statementsOf, type Node } from '../../../src/go/syntax.js';
import { receiverOf } from '../../../src/go/declarations.js';

/**
 * `sem <- struct{}{}` (or another constant token, `ch <- true`) where the code releases the same
 * channel: a semaphore acquire, which waits for a slot by design and is released by the goroutines. Released in a deferred receive in the
 * file, or in a receive statement of its own after the send, in the function that sends or a
 * goroutine it starts (`sem <- struct{}{}; go func() { work(); <-sem }()`, `sem <- struct{}{};
 * merge(); <-sem`), or, for a buffered channel made in the function, in a goroutine it started
 * before (a loop taking every slot, to wait for the last goroutine). A `<-done` that waits for a goroutine's signal is in the
 * function that started it, not after the send, and not `struct{}{}` sent.
 */
export function isSemaphoreAcquire(send: Node, ctx: FileContext): boolean {
  // A token: `struct{}{}`, or a constant (`ch <- true`, `slots <- 1`).
  const token = send.childForFieldName('value')?.text.replace(/\s/g, '') ?? '';
  if (!/^(struct\{\}\{\}|true|false|\d+)$/.test(token)) return false;
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  const releases = (n: Node) => n.descendantsOfType('unary_expression').some((u) => u.text.replace(/\s/g, '') === `<-${chan}`);
  if (nodesByToken(ctx.tree.rootNode, ctx.source, 'defer', 'defer_statement').some(releases)) return true;
  const fn = enclosingFunction(send);
  if (!fn) return false;
  if (semaphoreType(fn, chan, ctx)) return true;
  const release = (u: Node) => u.parent?.type === 'expression_statement' && u.text.replace(/\s/g, '') === `<-${chan}`;
  if (nodesByToken(fn, ctx.source, '<-', 'unary_expression', send.endIndex).some(release)) return true;
  // Released by goroutines the function started before (`for n := cap; n > 0; n-- { sem <- struct{}{} }`
  // after the work loop: taking every slot waits for the last of them).
  // Only a buffered channel of tokens is a semaphore: an unbuffered one hands a signal over.
  const found = declarationOf(send.childForFieldName('channel')!.text, send);
  const made = found && 'local' in found ? found.local.value?.text.replace(/\s/g, '') : undefined;
  if (!made?.startsWith('make(chanstruct{},')) return false;
  return fn.descendantsOfType('go_statement').some((go) => same(enclosingFunction(go), fn) && go.descendantsOfType('unary_expression').some(release));
}

/**
 * A method sending the token on a field of its receiver whose type has a method taking a token
 * back, as a statement of its own (`func (s semaphore) GetToken() { s.ch <- struct{}{} }` and
 * `func (s semaphore) ReleaseToken() { <-s.ch }`: restic's backend semaphore): the type is one.
 */
function semaphoreType(fn: Node, chan: string, ctx: FileContext): boolean {
  const recv = fn.type === 'method_declaration' ? receiverOf(fn) : undefined;
  const field = recv?.name && chan.startsWith(`${recv.name}.`) ? chan.slice(recv.name.length + 1) : undefined;
  if (!recv || !field || !/^\w+$/.test(field)) return false;
  const takes = new RegExp(`(^|[{;])\\s*<-\\s*\\w+\\.${field}\\s*($|[;}])`, 'm');
  return ctx.packageIndex().methodsWhere(recv.typeName, (text) => takes.test(text)).length > 0;
}

/**
 * A token given back to the channel the function took it from with a receive statement of its own
 * before (`<-c.mu`, then `defer func() { c.mu <- struct{}{} }()`: gorilla/websocket's write lock, a
 * channel used as a mutex): the receive freed the slot the send fills, so it cannot block. The
 * receive is a statement of the top-level function's body, taken on every path to the send, and
 * the send the function's own or a deferred one's, not a goroutine's (a signal sent on a channel
 * whose earlier value was received, moby's `done <- true` in a test).
 */
export function givesBackTakenToken(send: Node): boolean {
  if (send.childForFieldName('value')?.text.replace(/\s/g, '') !== 'struct{}{}') return false;
  if (ancestors(send).some((a) => a.type === 'go_statement')) return false;
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  const body = outermostFunction(send)?.childForFieldName('body');
  return statementsOf(body ?? null).some((st) => st.type === 'expression_statement' && st.endIndex <= send.startIndex && st.text.replace(/\s/g, '') === `<-${chan}`);
}

/**
 * A token sent on a channel the file fills to its capacity where it makes it (`p.ch =
 * make(chan struct{}, p.MaxActive)`, then `for i := 0; i < p.MaxActive; i++ { p.ch <- struct{}{} }`:
 * redigo's pool of active connections, a token bucket; or \`&throttle{tokens: make(…)}\`): each send there fills a slot just made, and
 * each elsewhere gives back a token a receive took, so none blocks. The channel by its last name
 * (`ch` of `p.ch`), in the same file; a local (`pool := make(…)`, filled by a loop or a goroutine
 * of its function: machinery's consumers) in its function, another function's `pool` being
 * another channel.
 */
export function fillsTokenBucket(send: Node, root: Node): boolean {
  if (!isToken(send)) return false;
  const channel = send.childForFieldName('channel')!;
  const name = lastName(channel);
  const scope = channel.type === 'identifier' ? outermostFunction(send) : root;
  return !!name && !!scope && scope.descendantsOfType('for_statement').some((loop) => {
    const only = statementsOf(loop.childForFieldName('body')).filter((st) => st.type !== 'comment');
    if (only.length !== 1 || only[0].type !== 'send_statement' || !isToken(only[0]) || lastName(only[0].childForFieldName('channel')!) !== name) return false;
    // Made just before, in the function that fills it, with room for as many as the loop sends
    // (not a queue fed more than it holds: etcd's benchmark requests).
    const fn = outermostFunction(loop);
    const bound = loopBound(loop);
    // Made by an assignment, or as a field of a composite literal (`&throttle{tokens: make(…)}`).
    return !!fn && !!bound && fn.descendantsOfType(['assignment_statement', 'short_var_declaration', 'keyed_element']).some((a) => {
      const keyed = a.type === 'keyed_element';
      const left = keyed ? [a.childForFieldName('key')!.namedChild(0)!] : (a.childForFieldName('left')?.namedChildren ?? []);
      const made = keyed ? a.childForFieldName('value')!.namedChild(0) : a.childForFieldName('right')?.namedChildren[0];
      const args = made?.type === 'call_expression' && made.childForFieldName('function')?.text === 'make' ? made.childForFieldName('arguments')!.namedChildren : [];
      return a.endIndex <= loop.startIndex && left.length === 1 && lastName(left[0]) === name && /^chan\s+struct\s*\{\s*\}$/.test(args[0]?.text ?? '') && !!args[1] && compacted(args[1]) === bound;
    });
  });
}

/** How many times a loop runs, as written: `n` of `for i := 0; i < n; i++` or `for range n`. */
function loopBound(loop: Node): string | undefined {
  const clause = loop.namedChildren.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
  const condition = clause?.type === 'for_clause' ? clause.childForFieldName('condition') : undefined;
  const bound = clause?.type === 'range_clause' ? (clause.childForFieldName('left') ? undefined : clause.childForFieldName('right')) : condition?.type === 'binary_expression' && condition.childForFieldName('operator')?.text === '<' ? condition.childForFieldName('right') : undefined;
  return bound ? compacted(bound) : undefined;
}

/** A send of `struct{}{}`. */
function isToken(send: Node): boolean {
  return send.childForFieldName('value')?.text.replace(/\s/g, '') === 'struct{}{}';
}

/** `ch` of `p.ch` or of `ch`. */
function lastName(expr: Node): string | undefined {
  return expr.type === 'identifier' ? expr.text : expr.type === 'selector_expression' ? expr.childForFieldName('field')?.text : undefined;
}

/**
 * A value sent back on the channel it was taken from (`case tok := <-t.tokens:`, then `defer
 * func() { t.tokens <- tok }()`, or `tok := <-pool` then `pool <- tok`: chi's throttler): the
 * receive freed the slot the send fills, so it cannot block. The send in the case's (or the
 * declaration's) own block, or a function deferred there, no goroutine or loop between.
 */
export function givesBackReceived(send: Node, ctx: FileContext): boolean {
  const value = send.childForFieldName('value');
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  if (value?.type !== 'identifier') return false;
  // Only a buffered channel has a slot to free (an unbuffered one's receive took a handover):
  // asked last, once the shape is found, as it reads the package.
  const buffered = () => madeBuffered(send.childForFieldName('channel')!, ctx);
  for (let a: Node | null = send.parent; a; a = a.parent) {
    if (a.type === 'go_statement' || a.type === 'for_statement' || a.type === 'function_declaration' || a.type === 'method_declaration') return false;
    if (a.type === 'func_literal' && a.parent?.parent?.type !== 'defer_statement') return false;
    // `case tok := <-t.tokens:` around the send.
    const taken = a.type === 'communication_case' ? a.childForFieldName('communication') : undefined;
    if (taken?.type === 'receive_statement') return receives(taken, value.text, chan) && buffered();
    // `tok := <-pool` earlier in the same block.
    if (a.type === 'statement_list' || a.type === 'block') {
      const before = a.namedChildren.filter((st) => st.endIndex <= send.startIndex && st.type === 'short_var_declaration');
      if (before.some((st) => receives(st, value.text, chan))) return buffered();
    }
  }
  return false;
}

/** Whether the statement declares `name` as what it receives from `chan` (`tok := <-t.tokens`). */
function receives(st: Node, name: string, chan: string): boolean {
  const left = st.childForFieldName('left')?.namedChildren ?? [];
  const right = st.type === 'receive_statement' ? st.childForFieldName('right') : st.childForFieldName('right')?.namedChildren[0];
  return left.length === 1 && left[0].text === name && right?.type === 'unary_expression' && right.text.replace(/\s/g, '') === `<-${chan}`;
}

/**
 * Whether every make of the channel has a capacity: a local's declaration (\`pool := make(chan T,
 * n)\`), or each make the package writes for a field of its name (\`tokens: make(chan token, limit)\`,
 * \`t.tokens = make(…)\`), at least one; not one of capacity 0.
 */
function madeBuffered(chan: Node, ctx: FileContext): boolean {
  if (chan.type === 'identifier') {
    const found = declarationOf(chan.text, chan);
    const value = found && 'local' in found ? found.local.value : undefined;
    const args = value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'make' ? value.childForFieldName('arguments')!.namedChildren : [];
    return args.length === 2 && args[1].text !== '0';
  }
  const field = chan.type === 'selector_expression' ? chan.childForFieldName('field')!.text : undefined;
  if (!field) return false;
  const made = new RegExp(`(?<![\\w])${field}\\s*(?::|=)\\s*make\\(\\s*chan\\b`, 'g');
  let count = 0;
  for (const text of ctx.packageIndex().allTexts().map(codeOnly)) {
    for (const m of text.matchAll(made)) {
      // The make's arguments, to its closing paren: a comma at their top level gives a capacity.
      let depth = 0;
      let capacity = '';
      for (let i = text.indexOf('(', text.indexOf('make', m.index!)); i < text.length; i++) {
        const c = text[i];
        if (c === '(' || c === '[' || c === '{') depth++;
        else if (c === ')' || c === ']' || c === '}') {
          if (--depth === 0) break;
        }
        else if (c === ',' && depth === 1) capacity = ' ';
        else if (capacity) capacity += c;
      }
      if (!capacity.trim() || capacity.trim() === '0') return false;
      count++;
    }
  }
  return count > 0;
}
