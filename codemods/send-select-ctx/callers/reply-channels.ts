import type { FileContext } from '../../../src/engine/types.js';
import { baseTypeName } from '../../../src/go/declarations.js';
import { useOf } from '../../../src/go/result-channel.js';
import { plainReceive } from '../../../src/go/receive-shapes.js';
import { callsHanding } from '../../../src/go/called-functions.js';
import { declarationOf, madeChannel } from '../../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, FUNCTION_TYPES, outermostFunction, same, unparen, type Node } from '../../../src/go/syntax.js';
import { ownerType } from '../receivers/receivers.js';

// Reply channels: a channel handed over by whoever waits for the answer on it; and tokens put back
// on a channel others wait to take them from.

/**
 * A channel that came in on another channel (`case ch := <-b.snapshot: ch <- snap`, `resp := <-reqs`),
 * or a field of a value that did (`case req := <-f.reqs: req.err <- err`), or one of a local slice
 * such channels were collected in (`errchs = append(errchs, req.errch)` … `for _, errch := range
 * errchs { errch <- err }`), or a parameter every caller hands such a channel: the reply channel
 * of a request, whose sender waits for the answer. What it was received from, if so.
 */
export function replyChannel(send: Node, ctx: FileContext): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  const received = receivedFrom(chan) ?? replyParameter(chan, ctx) ?? pendingReply(chan);
  if (received !== undefined) return received;
  // `for _, ch := range chans { ch <- v }`, or `chans[0] <- v`.
  const operand = chan.type === 'index_expression' ? chan.childForFieldName('operand') : undefined;
  const slice = chan.type === 'identifier' ? rangedSlice(chan) : operand?.type === 'identifier' ? operand.text : undefined;
  const fn = slice && enclosingFunction(send);
  if (!slice || !fn) return undefined;
  for (const call of fn.descendantsOfType('call_expression')) {
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (call.childForFieldName('function')?.text !== 'append' || args[0]?.text !== slice) continue;
    for (const added of args.slice(1)) {
      const from = receivedFrom(unparen(added));
      if (from !== undefined) return from;
    }
  }
  return undefined;
}

/**
 * A channel parameter that every call of its function in the package hands a reply channel (`case
 * c := <-p.get: p.getPayload(c)`, then `c <- p.currentPayload` there): what the callers received
 * it from.
 */
function replyParameter(chan: Node, ctx: FileContext): string | undefined {
  const found = chan.type === 'identifier' ? declarationOf(chan.text, chan) : undefined;
  const handing = found && 'param' in found ? callsHanding(found.param, ctx.packageIndex()) : undefined;
  if (!handing || handing.calls.length === 0) return undefined;
  const from = handing.calls.map(({ arg }) => arg && receivedFrom(unparen(arg)));
  return from.every((f) => f !== undefined) ? `${from[0]} by ${handing.callee}'s caller` : undefined;
}

/**
 * A channel looked up in a map of calls waiting for their answers (`rchan, ok :=
 * c.pending[msg.id]`): the caller registered it there and waits on it. The map, e.g. `c.pending`.
 */
function pendingReply(chan: Node): string | undefined {
  const found = chan.type === 'identifier' ? declarationOf(chan.text, chan) : undefined;
  const value = found && 'local' in found && found.local.value ? unparen(found.local.value) : undefined;
  const map = value?.type === 'index_expression' ? value.childForFieldName('operand') : undefined;
  const field = map?.type === 'selector_expression' ? map.childForFieldName('field')?.text : undefined;
  return field && PENDING.test(field) ? map!.text : undefined;
}

/** A map of calls waiting for their answers: `pending`, `inflight`, `waiters`, `pendingCalls`. */
const PENDING = /^(pending|inflight|inFlight|waiters|awaiting|outstanding)\w*$/;

/** What an expression (`ch`, `req.err`) was received from, when its variable came in on a channel. */
function receivedFrom(expr: Node): string | undefined {
  let root = expr;
  while (root.type === 'selector_expression') root = unparen(root.childForFieldName('operand')!);
  if (root.type !== 'identifier') return undefined;
  // `case ch := <-x:` around it, or `for t := range tasks` (one variable: a channel's values).
  for (const a of ancestors(expr)) {
    if (FUNCTION_TYPES.has(a.type)) break;
    const clause = a.type === 'for_statement' ? a.namedChildren.find((c) => c.type === 'range_clause') : undefined;
    const left = clause?.childForFieldName('left')?.namedChildren ?? [];
    if (clause && left.length === 1 && left[0].text === root.text && expr.type === 'selector_expression' && /:=/.test(clause.text)) return clause.childForFieldName('right')?.text;
    const comm = a.type === 'communication_case' ? a.childForFieldName('communication') : undefined;
    if (comm?.type !== 'receive_statement' || !/^[\w\s,]*:=/.test(comm.text)) continue;
    if (comm.childForFieldName('left')?.namedChildren.some((n) => n.text === root.text)) return comm.childForFieldName('right')?.text.replace(/^<-\s*/, '');
  }
  const found = declarationOf(root.text, expr);
  if (!found || !('local' in found)) return undefined;
  const value = found.local.value;
  if (value && unparen(value).type === 'unary_expression' && value.text.startsWith('<-')) return value.text.replace(/^<-\s*/, '');
  // `var finishChan chan error`, then `case finishChan = <-s.start:`: given only by receives.
  if (!value && found.local.decl.type === 'var_spec') return assignedOnlyByReceives(root.text, found.local.decl);
  // `req, ok := s.queue.Pop()`: a request taken from a queue carries its reply channel as well.
  const right = found.local.decl.childForFieldName('right')?.namedChildren ?? [];
  const taken = value ?? (right.length === 1 ? right[0] : undefined);
  const called = taken && unparen(taken).type === 'call_expression' ? unparen(taken).childForFieldName('function') : undefined;
  const callee = called?.text;
  if (callee && QUEUE_TAKE.test(callee)) return `${callee}()`;
  // `case fn := <-e.syncCh: ack := fn()`: made by a function a requester handed over, the channel it waits on.
  const handedFn = called?.type === 'identifier' ? receivedFrom(called) : undefined;
  return handedFn !== undefined ? `${handedFn}, as what ${callee}() gives` : undefined;
}

/** What a variable declared without a value is received from, when every assignment to it is a receive from one channel. */
function assignedOnlyByReceives(name: string, decl: Node): string | undefined {
  const fn = enclosingFunction(decl);
  if (!fn) return undefined;
  const sources = fn
    .descendantsOfType(['assignment_statement', 'receive_statement'])
    .filter((a) => a.childForFieldName('left')?.namedChildren.some((l) => l.text === name))
    .map((a) => {
      const right = a.childForFieldName('right');
      const operand = right?.type === 'expression_list' ? right.namedChildren[0] : right;
      return operand && a.childForFieldName('left')!.namedChildren.length === 1 && operand.text.startsWith('<-') ? operand.text.replace(/^<-\s*/, '') : undefined;
    });
  return sources.length > 0 && sources.every((s) => s !== undefined && s === sources[0]) ? sources[0] : undefined;
}

/**
 * A field named for the answer (`RespCh`) of a request handed in as a parameter: `func (l *lock)
 * handleAcquire(event *Acquire) { … event.RespCh <- claim }`, or taken from a call (`request :=
 * c.removeRequest(id)`, then `request.responseChan <- resp`), or of one of a batch of requests,
 * ranged over or indexed (`for _, msg := range batch { msg.respCh <- r }`, `batch[i].respCh <-
 * r`). The request and its handler, or the batch, if so.
 */
export function requestReply(send: Node): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  if (chan.type !== 'selector_expression' || !REPLY_FIELD.test(chan.childForFieldName('field')?.text ?? '')) return undefined;
  const root = unparen(chan.childForFieldName('operand')!);
  if (root.type === 'index_expression') {
    const batch = root.childForFieldName('operand');
    return batch?.type === 'identifier' && declarationOf(batch.text, chan) ? `the requests in ${batch.text}` : undefined;
  }
  const found = root.type === 'identifier' ? declarationOf(root.text, chan) : undefined;
  if (found && 'local' in found && found.local.decl.type === 'range_clause') {
    return `the request ${root.text} of ${found.local.decl.childForFieldName('right')?.text}`;
  }
  // `request := c.removeRequest(id)`: a request taken from where it waited for its answer.
  const value = found && 'local' in found ? found.local.value : undefined;
  const taken = value && unparen(value).type === 'call_expression' ? unparen(value).childForFieldName('function')?.text : undefined;
  if (taken) return `the request ${root.text} (from ${taken}())`;
  if (!found || !('param' in found)) return undefined;
  const name = found.param.fn.childForFieldName('name')?.text;
  return `the request ${root.text}${name ? ` handed to ${name}()` : ''}`;
}

/** A field named for the answer to a request: `Res`, `RespCh`, `replyC`, `resultChan`, `ack`. */
const REPLY_FIELD = /^(res|resp|response|reply|result|answer|ack)(ch|chan|c)?$/i;

/** Calls that take the next item off a queue: `s.pop()`, `q.Dequeue()`, `s.sq.Pop()`. */
const QUEUE_TAKE = /(^|\.)(pop|Pop|dequeue|Dequeue|shift|Shift)\w*$/;

/** The local slice a range variable ranges over (`for _, ch := range chans`), by name. */
function rangedSlice(variable: Node): string | undefined {
  for (const a of ancestors(variable)) {
    if (FUNCTION_TYPES.has(a.type)) break;
    const clause = a.type === 'for_statement' ? a.namedChildren.find((c) => c.type === 'range_clause') : undefined;
    const right = clause?.childForFieldName('right');
    if (!clause || right?.type !== 'identifier') continue;
    const names = clause.childForFieldName('left')?.namedChildren ?? [];
    if (names.length === 2 && names[1].text === variable.text) return right.text;
  }
  return undefined;
}

/**
 * A field the package fills, where it builds the request, with a channel the builder made and
 * then waits on with a plain receive (`completeChan := make(chan *OpenChannel, 1)`, `msgChan <-
 * &addSigsMsg{completeChan: completeChan}`, `return <-completeChan, <-errChan`): whoever sent the
 * request waits for the answer on it. The builder and its wait, e.g. `CompleteReservation() waits
 * with <-completeChan`.
 */
export function awaitedByBuilder(send: Node, ctx: FileContext): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  if (chan.type !== 'selector_expression') return undefined;
  const field = chan.childForFieldName('field')!.text;
  const owner = ownerType(chan, send) ?? typeCaseOf(chan);
  for (const key of ctx.packageIndex().nodesMatching(new RegExp(`(?<![\\w.])${field}\\s*:\\s*\\w`, 'g'))) {
    const element = ancestors(key).find((a) => a.type === 'keyed_element');
    const [k, v] = element?.namedChildren.map((n) => (n.type === 'literal_element' && n.namedChild(0) ? n.namedChild(0)! : n)) ?? [];
    const literal = element && ancestors(element).find((a) => a.type === 'composite_literal');
    if (k?.text !== field || v?.type !== 'identifier' || !literal) continue;
    if (owner && baseTypeName(literal.childForFieldName('type')?.text ?? '') !== owner) continue;
    const made = madeChannel(v.text, v);
    const builder = made ? enclosingFunction(made.decl) : undefined;
    if (!builder) continue;
    const uses = builder.descendantsOfType('identifier').filter((id) => id.text === v.text);
    if (uses.some((id) => useOf(id) === 'close')) continue;
    const wait = uses.find((id) => useOf(id) === 'receive' && plainReceive(id.parent!) && id.startIndex > literal.endIndex);
    if (wait) return `${builder.childForFieldName('name')?.text ?? 'a function literal'}() waits with ${wait.parent!.text}`;
  }
  return undefined;
}

/** The one type of the type switch case a selector's variable is the switch's alias in (`switch msg := q.(type) { case getCountMsg: msg.reply <- n }`). */
function typeCaseOf(selector: Node): string | undefined {
  const root = unparen(selector.childForFieldName('operand')!);
  if (root.type !== 'identifier') return undefined;
  const kase = ancestors(selector).find((a) => a.type === 'type_case' || FUNCTION_TYPES.has(a.type));
  const types = kase?.type === 'type_case' ? kase.childrenForFieldName('type') : [];
  const alias = kase?.parent?.type === 'type_switch_statement' ? kase.parent.childForFieldName('alias')?.text : undefined;
  return types.length === 1 && alias === root.text ? baseTypeName(types[0].text) : undefined;
}

/**
 * A receive from the same channel earlier in the function, before the send (`case <-txn.opsFlow:`
 * … `txn.opsFlow <- true`): the send puts back a token the function took, or requeues what it
 * took. A select dropping it would lose the token for every later taker. The receive.
 */
export function tokenTaken(send: Node, fn: Node): Node | undefined {
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  // Or by a function around it, before the closure that gives it back (`returnSema := func() {
  // g.syncerSema <- struct{}{} }` after `case <-g.syncerSema:`).
  for (let f: Node | undefined = fn; f; f = enclosingFunction(f)) {
    const scope = f;
    const taken = scope.descendantsOfType('unary_expression').find(
      (u) => u.startIndex < send.startIndex && u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')!.text.replace(/\s/g, '') === chan && same(enclosingFunction(u), scope) && !otherCase(u, send),
    );
    if (taken) return taken;
  }
  return undefined;
}

/**
 * A receive a select case waits on, with the send in another case of that select (`case
 * <-finished: watching--` beside `case p := <-added: go func() { finished <- … }()`): either case
 * runs, not one after the other, so nothing taken there is given back by the send.
 */
function otherCase(receive: Node, send: Node): boolean {
  const kase = receive.parent?.type === 'receive_statement' ? receive.parent.parent : undefined;
  return kase?.type === 'communication_case' && !contains(kase, send) && contains(kase.parent!, send);
}

/**
 * The channel and the value sent on it came out of one call together (`l, lockChan, err =
 * locker.AsyncLockWithCtx(ctx)`, then `lockChan <- l`): the send hands back what that call lent
 * with the channel, a token its giver waits for (a lock held until it comes back). The assignment,
 * in the top-level function around the send.
 */
export function handedBackWithChannel(send: Node, fn: Node): Node | undefined {
  const chan = send.childForFieldName('channel')!;
  const value = send.childForFieldName('value');
  if (chan.type !== 'identifier' || value?.type !== 'identifier') return undefined;
  const outer = outermostFunction(fn) ?? fn;
  const lent = (n: Node) => {
    const names = n.childForFieldName('left')?.namedChildren.map((l) => l.text) ?? [];
    const right = n.childForFieldName('right')?.namedChildren ?? [];
    return right.length === 1 && right[0].type === 'call_expression' && names.includes(chan.text) && names.includes(value.text);
  };
  // Anywhere in it: a deferred send is written before the call it hands back to.
  return outer.descendantsOfType(['assignment_statement', 'short_var_declaration']).find(lent);
}
