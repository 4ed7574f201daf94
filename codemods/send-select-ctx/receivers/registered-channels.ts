import type { FileContext } from '../../../src/engine/types.js';
import { ancestors, contains, enclosingFunction, FUNCTION_TYPES, unparen, type Node } from '../../../src/go/syntax.js';
import { receiveLeftWaiting } from '../../../src/go/result-channel.js';
import { declarationOf } from '../../../src/go/scope.js';
import { plainReceive } from '../../../src/go/receive-shapes.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { parametersGiven } from '../../../src/go/called-functions.js';

/**
 * A send on each channel of a field (`for _, ch := range q.eventChannels { ch <- m }`) whose
 * channels the package registers itself and hands to its own loop: `q.eventChannels =
 * append(q.eventChannels, eventChan)`, then `q.consume(eventChan)`, whose loop receives from its
 * parameter (`case e := <-eventChan:`). Those receivers run on after a stop that ends neither, so
 * the send has its receiver, and one giving up would drop what a running loop would take. How,
 * e.g. `consume(eventChan) receives from each one in a loop`.
 */
export function drainedAfterRegistering(send: Node, ctx: FileContext): string | undefined {
  const field = rangedField(send);
  if (!field) return undefined;
  const index = ctx.packageIndex();
  const appended = new RegExp(`\\.${regexEscaped(field)}\\s*=\\s*append\\(`, 'g');
  for (const at of index.nodesMatching(appended)) {
    const assign = ancestors(at).find((a) => a.type === 'assignment_statement');
    const call = assign?.childForFieldName('right')?.namedChildren[0];
    const fn = ancestors(at).find((a) => FUNCTION_TYPES.has(a.type));
    if (call?.type !== 'call_expression' || !fn) continue;
    for (const added of (call.childForFieldName('arguments')?.namedChildren ?? []).slice(1)) {
      if (added.type !== 'identifier') continue;
      const consumer = consumerOf(added.text, fn, ctx);
      if (consumer) return `${consumer} receives from each one in a loop`;
    }
  }
  return undefined;
}

/**
 * Why a send that gives up would leave a receive waiting, if it would: one of the function that
 * made the channel (receiveLeftWaiting), or a waiter's that registered it in a field the send
 * ranges over.
 */
export function waitingReason(send: Node, ctx: FileContext, chan: string, expr: string): string | undefined {
  const waiting = receiveLeftWaiting(send, ctx.source);
  const end = `a send that gives up once ${expr} is done would leave it waiting forever`;
  if (waiting) {
    // Senders started in a loop on one channel need room for every send, not one.
    const many = send.childForFieldName('channel')?.type !== 'index_expression' && ancestors(send).some((a) => a.type === 'for_statement' && contains(enclosingFunction(waiting)!, a) && !contains(a, waiting));
    return `${waiting.type === 'range_clause' ? `for ${waiting.text}` : waiting.text} (line ${waiting.startPosition.row + 1}) waits for the value and nothing closes ${chan} before it: ${end} (${many ? 'a buffer with room for every send lets the sends' : 'a buffer of one lets the send'} finish instead)`;
  }
  const registered = registeredWaiter(send, ctx);
  if (registered) return `${registered.receive} in ${registered.maker} waits for the value on a channel it made unbuffered and added to ${registered.field}, and nothing closes it: ${end} (a buffer of one lets the send finish instead)`;
  return undefined;
}

/**
 * The receive a waiter is left in by a send on each channel of a field (`for _, pw := range
 * pr.pipeWaiters[key] { pw <- pipe }`) whose channels the package registers itself: a function
 * makes one unbuffered (`pc := make(chan *Pipe)`), adds it (`pr.pipeWaiters[key] =
 * append(pr.pipeWaiters[key], pc)`) and waits on it with a plain receive it never closes before
 * (`return <-pc`): scope's pipe router, whose waiter, skipped once the router stopped, waited forever.
 * The receive, the function that waits in it, and the field.
 */
export function registeredWaiter(send: Node, ctx: FileContext): { receive: string; maker: string; field: string } | undefined {
  const field = rangedField(send);
  if (!field) return undefined;
  const appended = new RegExp(`\\.${regexEscaped(field)}(?:\\[[^\\]\\n]*\\])?\\s*=\\s*append\\(`, 'g');
  for (const at of ctx.packageIndex().nodesMatching(appended)) {
    const call = ancestors(at).find((a) => a.type === 'assignment_statement')?.childForFieldName('right')?.namedChildren[0];
    if (call?.type !== 'call_expression') continue;
    for (const added of (call.childForFieldName('arguments')?.namedChildren ?? []).slice(1)) {
      const found = added.type === 'identifier' ? declarationOf(added.text, added) : undefined;
      const made = found && 'local' in found ? found.local : undefined;
      if (!made || !/^make\(\s*chan\b[^,]*(,\s*0\s*)?\)$/.test(made.value?.text ?? '')) continue;
      const maker = enclosingFunction(made.decl);
      const uses = maker?.descendantsOfType('identifier').filter((id) => id.text === added.text) ?? [];
      if (uses.some((id) => id.parent?.parent?.type === 'call_expression' && id.parent.parent.childForFieldName('function')?.text === 'close')) continue;
      const waits = uses.find((id) => id.parent?.type === 'unary_expression' && id.parent.childForFieldName('operator')?.text === '<-' && plainReceive(id.parent));
      if (waits) return { receive: waits.parent!.text, maker: maker!.childForFieldName('name')?.text ?? 'a function literal', field };
    }
  }
  return undefined;
}

/** `q.eventChannels` of `for _, ch := range q.eventChannels { ch <- m }`: the field's name. */
function rangedField(send: Node): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  if (chan.type !== 'identifier') return undefined;
  for (const a of ancestors(send)) {
    if (FUNCTION_TYPES.has(a.type)) break;
    const clause = a.type === 'for_statement' ? a.namedChildren.find((c) => c.type === 'range_clause') : undefined;
    const names = clause?.childForFieldName('left')?.namedChildren ?? [];
    const over = clause?.childForFieldName('right');
    // Or a field's slice kept by key (`range pr.pipeWaiters[key]`).
    const held = over?.type === 'index_expression' ? over.childForFieldName('operand') : over;
    if (names.length === 2 && names[1].text === chan.text && held?.type === 'selector_expression') return held.childForFieldName('field')?.text;
  }
  return undefined;
}

/** A call in `fn` handing `name` to a function of the package whose loop receives from that parameter: the call, e.g. `consume(eventChan)`. */
function consumerOf(name: string, fn: Node, ctx: FileContext): string | undefined {
  for (const call of fn.descendantsOfType('call_expression')) {
    const given = parametersGiven(call, name, ctx.packageIndex()).find(({ decl, param }) => {
      const body = decl.childForFieldName('body');
      return !!body && receivesInLoop(body, param);
    });
    if (given) return `${given.callee}(${(call.childForFieldName('arguments')?.namedChildren ?? []).map((a) => a.text).join(', ')})`;
  }
  return undefined;
}

/** A receive from `name` (`<-name`, a select case, `range name`) inside a loop of the body. */
function receivesInLoop(body: Node, name: string): boolean {
  const received = body.descendantsOfType('unary_expression').some((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === name && ancestors(u).some((a) => a.type === 'for_statement'));
  return received || body.descendantsOfType('range_clause').some((c) => c.childForFieldName('right')?.text === name);
}
