import type { CancellationSource } from '../../../src/go/cancellation.js';
import { enclosingLoops } from '../../../src/go/loops.js';
import { declaredBy } from '../../../src/go/scope.js';
import { ancestors, closedOnExit, contains, enclosingFunction, firstLine, FUNCTION_TYPES, rootName, same, unparen, type Node } from '../../../src/go/syntax.js';
import { registeredCallbackReason } from './registered-callback-send.js';
import { preferredOrder } from '../sources/source-order.js';
import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';

// A forwarder: a loop that takes a value from elsewhere (a poll, a receive) and sends it on a
// channel the function closes on its way out. Its reader reads until that close, so the plain
// send is always taken; a select giving up on another context would drop a value its source
// already counts as delivered (cloudevents' Kafka consumer: the offset stored, the message lost).

/** Why a send handing on a value taken from elsewhere is to stay plain, if it is. */
export function forwardedReason(send: Node, sources: CancellationSource[], packageTexts: () => string[]): string | undefined {
  return forwardedOnClosedReason(send, sources, packageTexts) ?? handedOverReason(send, sources, packageTexts) ?? registeredCallbackReason(send, sources);
}

/**
 * Why a send is to stay plain: it hands on a value this pass of the loop received from a field
 * channel without room (`case event := <-mp.events:`, then `for ch := range txFeed { ch <- event
 * }`), which the package sends on elsewhere (`mp.events <- Event{…}` in Add, done once the value is
 * taken), and the loop's own select stops on the source the fix would take: the value is already
 * counted as delivered, and a select giving up once the source is done would drop it for a
 * subscriber still reading (neo-go's block and mempool event fan-outs, a block accepted by AddBlock
 * lost to a subscriber as the chain closed).
 */
function handedOverReason(send: Node, sources: CancellationSource[], packageTexts: () => string[]): string | undefined {
  const value = send.childForFieldName('value');
  const source = preferredOrder(send, sources)[0];
  if (!value || !source) return undefined;
  // The loop whose pass received it: the innermost one may only walk the readers (`for ch := range txFeed`).
  const fn = enclosingFunction(send);
  const loop = enclosingLoops(send).find((l) => contains(fn!, l) && loopStops(l, source).some((s) => s.expr === source.expr));
  // `&event.block.Header`: the address of a part of it.
  const taken = unparen(value).type === 'unary_expression' && unparen(value).childForFieldName('operator')?.text === '&' ? unparen(unparen(value).childForFieldName('operand')!) : unparen(value);
  const origin = loop ? producedBy(taken, send, loop, 0) : undefined;
  const from = origin && isReceive(origin) ? origin.childForFieldName('operand')!.text.replace(/\s/g, '') : undefined;
  const m = from ? /^(\w+)\.(\w+)$/.exec(from) : null;
  if (!m) return undefined;
  const field = regexEscaped(m[2]);
  const texts = packageTexts();
  const sent = texts.some((t) => new RegExp(`\\w\\.${field}\\s*<-`).test(codeOnly(t)));
  const roomless = texts.some((t) => new RegExp(`\\.${field}\\s*=\\s*make\\(\\s*chan\\s[^,()]+\\)|\\b${field}\\s*:\\s*make\\(\\s*chan\\s[^,()]+\\)`).test(t));
  if (!sent || !roomless) return undefined;
  return `${firstLine(value.text)} was just received from ${from} (line ${origin!.startPosition.row + 1}), a channel without room the package sends on elsewhere: its sender counts the value delivered once taken, and a select giving up once ${source.expr} is done would drop it for a reader still reading`;
}

/**
 * Why a send is to stay plain: the function closes its channel on its way out (its own defer:
 * `defer func() { …; close(p.consumerIncoming) }()`), the value was produced in the same pass of
 * an enclosing loop by a receive or a call (`ev := p.consumer.Poll(…)`, then `switch e :=
 * ev.(type)`; not a constant or a counter), and the source the fix would take is not a stop that
 * loop already checks, while it checks one of its own (it checks `p.consumerCtx`, made from `ctx`;
 * the fix would take `ctx`): its stop is chosen, and the fix would add another.
 */
function forwardedOnClosedReason(send: Node, sources: CancellationSource[], packageTexts: () => string[]): string | undefined {
  const fn = enclosingFunction(send);
  const value = send.childForFieldName('value');
  const source = preferredOrder(send, sources)[0];
  if (!fn || !value || !source) return undefined;
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  const close = closedOnExit(fn).find((c) => c.text.replace(/\s/g, '') === chan);
  const loop = enclosingLoops(send)[0];
  if (!close || !loop || !contains(fn, loop)) return undefined;
  const origin = producedBy(unparen(value), send, loop, 0);
  if (!origin) return undefined;
  const stops = loopStops(loop, source);
  const how = origin.type === 'unary_expression' ? 'received' : 'taken';
  // A loop with no stop of its own (`for scanner.Scan()`) is left to the fix, as is one stopping on
  // its source: its reader may stop reading once the source is done. Unless the package never
  // reads the channel and only hands it out (`func (c *Conn) Receiver() <-chan *Message`): its
  // readers, elsewhere, read until the close (kraken's peer connections, a piece read off the
  // network dropped as the connection closed, where the dispatcher's range would have taken it).
  const stop = stops[0];
  if (!stop || stops.some((s) => s.expr === source.expr)) {
    const getter = handedOutOnly(chan, packageTexts());
    return getter && `the function closes ${chan} on its way out (deferred close(${close.text})), and the package never reads it, only hands it out (${getter}): its readers, elsewhere, take values until that close; ${firstLine(value.text)} was just ${how} by ${firstLine(origin.text)} (line ${origin.startPosition.row + 1}) in this pass of the loop, and a select giving up once ${source.expr} is done would drop it where the plain send delivered it`;
  }
  const loopWord = `the loop stops on ${stop.text} (line ${stop.node.startPosition.row + 1}), not on ${source.expr}`;
  return `the function closes ${chan} on its way out (deferred close(${close.text})): its reader takes values until that close, so the plain send is always taken; ${firstLine(value.text)} was just ${how} by ${firstLine(origin.text)} (line ${origin.startPosition.row + 1}) in this pass of the loop, and ${loopWord}: a select giving up once ${source.expr} is done would drop a value its source already counts as delivered (a polled message whose offset is stored)`;
}

/**
 * The receive or call in the loop's body that produced `value` in this pass: the value itself,
 * or what an identifier (or a field of one) was declared from before the send, inside the loop,
 * through a type switch's alias (`switch e := ev.(type)`) or a select case's receive (`case v :=
 * <-in:`). Not a constant, a counter or a conversion of one (`strconv.Itoa(i)`, `time.Now()`).
 * Kept apart from forwarded-until-stop-hook.ts' takenFrom: that one asks within the whole function (no loop) for a receive from another channel only.
 */
function producedBy(value: Node, at: Node, loop: Node, depth: number): Node | undefined {
  if (depth > 4) return undefined;
  if (isReceive(value) || isFetch(value)) return value;
  const root = value.type === 'identifier' ? value : value.type === 'selector_expression' ? rootName(value) : undefined;
  if (!root || root.type !== 'identifier') return undefined;
  const name = root.text;
  for (const a of ancestors(at)) {
    if (same(a, loop) || FUNCTION_TYPES.has(a.type)) break;
    if (a.type === 'type_switch_statement' && a.childForFieldName('alias')?.namedChildren.some((n) => n.text === name)) {
      const subject = a.childForFieldName('value');
      return subject ? producedBy(unparen(subject), a, loop, depth + 1) : undefined;
    }
    if (a.type === 'communication_case') {
      const comm = a.childForFieldName('communication');
      const right = comm?.type === 'receive_statement' ? comm.childForFieldName('right') : undefined;
      if (right && comm!.childForFieldName('left')?.namedChildren.some((n) => n.text === name)) return unparen(right);
    }
    if (a.type !== 'statement_list' && a.type !== 'block') continue;
    const before = a.namedChildren.filter((s) => s.endIndex <= at.startIndex).reverse();
    for (const stmt of before) {
      const decl = declaredBy(stmt).find((d) => d.name === name) ?? assigned(stmt, name);
      if (!decl) continue;
      return decl.value ? producedBy(unparen(decl.value), stmt, loop, depth + 1) : undefined;
    }
  }
  return undefined;
}

/** `x = f()`: the value an assignment gives `name`. */
function assigned(stmt: Node, name: string): { value: Node | undefined } | undefined {
  if (stmt.type !== 'assignment_statement' || !/^=$/.test(stmt.childForFieldName('operator')?.text ?? '=')) return undefined;
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = stmt.childForFieldName('right')?.namedChildren ?? [];
  const i = left.findIndex((n) => n.text === name);
  if (i < 0) return undefined;
  return { value: right.length === left.length ? right[i] : right.length === 1 ? right[0] : undefined };
}

function isReceive(n: Node): boolean {
  return n.type === 'unary_expression' && n.childForFieldName('operator')?.text === '<-';
}

/**
 * A call that fetches a value from elsewhere: a method call on something (`p.consumer.Poll(…)`,
 * `r.ReadMessage()`), not a conversion, a constructor or a formatting of values at hand
 * (`fmt.Sprintf`, `strconv.Itoa(i)`, `errors.New`, `make`, `append`).
 */
function isFetch(n: Node): boolean {
  if (n.type !== 'call_expression') return false;
  const callee = n.childForFieldName('function');
  if (callee?.type !== 'selector_expression') return false;
  return !/^(fmt|strconv|errors|strings|bytes|time|math|sort|filepath|path|json|proto)\./.test(callee.text);
}

/** The stops an enclosing loop checks itself: `<-x.Done()`, a context's `ctx.Err()`, `<-stop` of the source, in it (not in literals it holds). */
function loopStops(loop: Node, source: CancellationSource): { expr: string; text: string; node: Node }[] {
  const out: { expr: string; text: string; node: Node }[] = [];
  for (const n of loop.descendantsOfType(['unary_expression', 'call_expression'])) {
    if (ancestors(n).some((a) => FUNCTION_TYPES.has(a.type) && contains(loop, a))) continue;
    const checked = n.type === 'call_expression' ? /^(.*(ctx|Ctx|Context|context))\.Err$/.exec(n.childForFieldName('function')?.text ?? '')?.[1] : undefined;
    const operand = isReceive(n) ? n.childForFieldName('operand')!.text : undefined;
    const done = operand ? (/^(.+)\.Done\(\)$/.exec(operand)?.[1] ?? (operand === source.expr ? operand : undefined)) : undefined;
    const expr = (checked ?? done)?.replace(/\s/g, '');
    if (expr) out.push({ expr, text: n.text, node: n });
  }
  return out;
}

/**
 * For a receiver's field channel (`c.receiver`): the getter that returns it (`return c.receiver`,
 * as written), when the package's texts never receive from it nor range over it.
 */
function handedOutOnly(chan: string, texts: string[]): string | undefined {
  const m = /^(\w+)\.(\w+)$/.exec(chan);
  if (!m) return undefined;
  const field = regexEscaped(m[2]);
  const read = new RegExp(`<-\\s*\\w+\\.${field}\\b|\\brange\\s+\\w+\\.${field}\\b`);
  if (texts.some((t) => read.test(codeOnly(t)))) return undefined;
  const returned = new RegExp(`\\breturn\\s+\\w+\\.${field}\\s*$`, 'm');
  for (const t of texts) {
    const r = returned.exec(t);
    if (r) return r[0].trim();
  }
  return undefined;
}
