import { declarationOf, declaredTypeName, type Param } from '../../../src/go/scope.js';
import { givenToGo, goroutineStarts } from './goroutine-starts.js';
import { drainedWhereReturned } from '../callers/returned-drained.js';
import { baseTypeName } from '../../../src/go/declarations.js';
import { ancestors, contains, enclosingFunction, FUNCTION_TYPES, same, unparen, type Node } from '../../../src/go/syntax.js';
import type { FileContext } from '../../../src/engine/types.js';
import { plainReceive, receiveCase, timedReceive } from '../../../src/go/receive-shapes.js';
import { drainedAfterRegistering } from './registered-channels.js';
import { parametersGiven } from '../../../src/go/called-functions.js';
import { readByCall } from './field-consumers.js';
import { breaksOut, leavesLoop } from '../../../src/go/loops.js';
import { countedByCollector } from './counted-receives.js';
import { declaresName } from '../../../src/go/top-level-names.js';
import { receiveThroughGetter } from './getter-receives.js';

// Who takes a send's value: the package's own receivers of the channel, a requester waiting for
// its reply, a registry draining a collector. Each either makes the send safe or says a select
// that gives up would leave a receiver waiting.

/**
 * A send on a field (`p.retries <- msg`) that a loop of the package receives from (`for { msg =
 * <-p.retries … }`, `for m := range p.retries`): an internal pipeline, drained for the object's
 * life, shutdowns included. Or a send on a channel parameter that the package drains under the
 * same name (`dbUpdateChan chan<- job` handed down from the function that started
 * `dbUpdaterRoutine(dbUpdateChan <-chan job)`, which ranges over it until it is closed). The
 * receiving text, if so.
 */
export function drainedBy(send: Node, ctx: FileContext): string | undefined {
  const chan = send.childForFieldName('channel');
  // Or one of a field's channels, received as one of them (`b.in[idx]`, `<-b.in[i]` in each
  // batcher's loop: promscale's traces), not by a range over them all.
  const indexed = chan?.type === 'index_expression' && chan.childForFieldName('operand')?.type === 'selector_expression' ? chan.childForFieldName('operand')!.childForFieldName('field')?.text : undefined;
  const field = sentField(send) ?? indexed;
  // Or a package-level channel (`writeLoginAttempt <- a`, drained for the process's life by a
  // writer goroutine's loop: mox's login attempts).
  const global = chan?.type === 'identifier' && !declarationOf(chan.text, send) && declaresName(ctx.packageIndex(), chan.text);
  const param = chan?.type === 'identifier' && (global || isSendOnlyParameter(chan.text, send)) ? chan.text : undefined;
  if (!field && !param) return chan?.type === 'identifier' ? (drainedByOwnWorkers(send, chan.text, ctx) ?? drainedAfterRegistering(send, ctx) ?? countedByCollector(send, chan.text)) : undefined;
  const index = ctx.packageIndex();
  const after = indexed ? '\\s*\\[' : '\\b(?!\\s*\\()';
  return perPackage(drainers, index, field ? `.${field}${indexed ? '[]' : ''}` : global ? `var ${param}` : param!, () => {
    const receive = field
      ? new RegExp(`<-\\s*[\\w.]+\\.${field}${after}|\\brange\\s+[\\w.]+\\.${field}${after}`, 'g')
      : new RegExp(`<-\\s*${param}\\b(?!\\s*[.(\\[])|\\brange\\s+${param}\\b(?!\\s*[.(\\[])`, 'g');
    // For a parameter: only functions whose signature names it with a channel type are parsed.
    const signature = param && !global ? new RegExp(`^[^{]*\\b${param}\\b[^{]*\\bchan\\b`) : undefined;
    const inLoop = index
      .nodesMatching(receive, undefined, signature && ((decl) => signature.test(decl)))
      .find((n) => n.type !== 'comment' && ancestors(n).some((a) => a.type === 'for_statement') && waits(n) && (!param || global || !!parameterNamed(param, n)));
    return inLoop?.parent?.text ?? (global ? undefined : param ? (drainedWhereMade(param, ctx) ?? drainedWhereReturned(send, param, ctx)) : indexed ? undefined : readByCall(field!, index));
  });
}

/**
 * The function of the package that makes a channel of that name (`copyChan := make(chan T, n)`),
 * hands it down under it, and starts workers that range over it (`go f.copierRoutine(ctx,
 * copyChan, out)`, ranging `for state := range in` to the end). The call and the range.
 */
function drainedWhereMade(name: string, ctx: FileContext): string | undefined {
  const made = new RegExp(`(?<![\\w.])${name}\\s*:=\\s*make\\(`, 'g');
  for (const id of ctx.packageIndex().nodesMatching(made)) {
    const maker = enclosingFunction(id);
    const drained = maker && (drainingRange(maker, name)?.text ?? drainedByCalledWorkers(maker, name, ctx));
    if (drained) return drained;
  }
  return undefined;
}

/**
 * A local channel that goroutines the function starts range over until it is closed, with no
 * way out of their loop (`go func() { for batch := range ch { … } }()`): its workers, there to
 * take every send. The range clause, e.g. `batch := range ch`.
 */
function drainedByOwnWorkers(send: Node, name: string, ctx: FileContext): string | undefined {
  const found = declarationOf(name, send);
  if (!found || !('local' in found) || !MAKE_CHANNEL.test(found.local.value?.text ?? '')) return undefined;
  const maker = enclosingFunction(found.local.decl);
  return maker ? (drainingRange(maker, name)?.text ?? drainedByCalledWorkers(maker, name, ctx) ?? drainedByMaker(maker, name, ctx)) : undefined;
}

/**
 * The maker itself ranging over the channel to the end, right after it starts the goroutines (no
 * return and no wait for them on the way), or handing it to a function of the package that does
 * (`return writeChatResponse(ch)`, ranging `for rr := range ch`): it reads until the senders close
 * it, and never leaves a send waiting. The range clause, or the call and the range.
 */
export function drainedByMaker(maker: Node, name: string, ctx: FileContext): string | undefined {
  const own = (n: Node) => same(enclosingFunction(n), maker) && !ancestors(n).some((a) => a.type === 'go_statement');
  const started = maker.descendantsOfType('go_statement').filter((g) => same(enclosingFunction(g), maker));
  const from = started.length > 0 ? started[started.length - 1].endIndex : Infinity;
  // Reached for sure once the goroutines run: no return and no wait for them on the way.
  const stops = maker.descendantsOfType(['return_statement', 'call_expression']).filter((n) => own(n) && n.startIndex >= from && (n.type === 'return_statement' || /\.Wait$/.test(n.childForFieldName('function')?.text ?? '')));
  const after = (n: Node) => n.startIndex >= from && !stops.some((s) => s.startIndex < n.startIndex && !contains(s, n));
  const range = maker.descendantsOfType('range_clause').find((c) => own(c) && after(c) && c.childForFieldName('right')?.text === name && !leavesLoop(c.parent!));
  if (range) return range.text;
  // `for { metrics, ok := <-ch; if !ok { break } … }`: read until closed, as a range does.
  const reading = maker.descendantsOfType('for_statement').map((loop) => receivedUntilClosed(loop, name)).find((r) => r !== undefined && own(r) && after(r));
  if (reading) return draining(reading);
  for (const call of maker.descendantsOfType('call_expression').filter((c) => own(c) && after(c))) {
    for (const { callee, decl, param } of parametersGiven(call, name, ctx.packageIndex())) {
      const ranged = drainingRange(decl, param, true);
      if (ranged) return `${callee}(…) ${draining(ranged)}`;
    }
  }
  return undefined;
}

/** `make(chan T, n)`, or of a named channel type (`make(fs.ObjectsChan, n)`, `make(resultsCh)`). */
const MAKE_CHANNEL = /^make\(\s*(chan\b|[\w.]*(Chan|Ch|Channel)\s*[,)])/;

/**
 * A goroutine the maker starts that hands the channel to a function of the package whose workers
 * range over it to the end (`go func() { delErr <- DeleteFiles(ctx, f, n, delChan) }()`, with
 * `for dst := range toBeDeleted` in DeleteFiles' workers). The call and the range.
 */
export function drainedByCalledWorkers(maker: Node, name: string, ctx: FileContext): string | undefined {
  for (const { go, started, literal } of goroutineStarts(maker)) {
    for (const call of go.descendantsOfType('call_expression')) {
      // `go h.doWork(jobs)`, or `go func() { defer wg.Done(); h.doWork(jobs) }()`: the function
      // runs as the goroutine, and its own loop drains.
      const isGoroutine = same(call, started) || (literal?.type === 'func_literal' && same(call.parent?.parent?.parent, literal.childForFieldName('body')));
      for (const { callee, decl, param } of parametersGiven(call, name, ctx.packageIndex())) {
        const range = drainingRange(decl, param, isGoroutine);
        if (range) return `${callee}(…) ${draining(range)}`;
      }
    }
  }
  return undefined;
}

/**
 * A `for x := range name` in a goroutine that `fn` starts (or in `fn` itself, when it runs as one),
 * with no way out of its loop: the range clause.
 */
export function drainingRange(fn: Node, name: string, isGoroutine = false): Node | undefined {
  const started = (n: Node) => isGoroutine || ancestors(n).some((a) => (a.type === 'go_statement' || givenToGo(a)) && contains(fn, a));
  const range = fn.descendantsOfType('range_clause').find((c) => c.childForFieldName('right')?.text === name && started(c) && !leavesLoop(c.parent!));
  return range ?? fn.descendantsOfType('for_statement').map((loop) => receivedUntilClosed(loop, name)).find((r) => r !== undefined && started(r));
}

/** How a draining loop takes the values: `ranging x := range ch`, or `reading v, ok := <-ch until it is closed`. */
function draining(loop: Node): string {
  return loop.type === 'range_clause' ? `ranging ${loop.text}` : `reading ${loop.text.replace(/:$/, '')} until it is closed`;
}

/**
 * A `for {` loop that receives `v, ok := <-name` (a statement, or a select case) and leaves only
 * under `if !ok` (`case result, ok := <-resultCh: if !ok { break loop }`): it drains the channel
 * until it is closed, as a range does. The receive.
 */
function receivedUntilClosed(loop: Node, name: string): Node | undefined {
  const body = loop.childForFieldName('body');
  if (!body || loop.namedChildren.some((c) => c.type === 'for_clause' || c.type === 'range_clause' || (c.type !== 'block' && c.type !== 'comment'))) return undefined;
  const receive = body.descendantsOfType(['receive_statement', 'short_var_declaration']).find((r) => {
    const right = r.childForFieldName('right');
    const value = right?.type === 'expression_list' ? right.namedChildren[0] : right;
    return value?.type === 'unary_expression' && value.childForFieldName('operator')?.text === '<-' && value.childForFieldName('operand')?.text === name && (r.childForFieldName('left')?.namedChildCount ?? 0) === 2;
  });
  const ok = receive?.childForFieldName('left')?.namedChildren[1]?.text;
  if (!receive || !ok || ok === '_') return undefined;
  // Every way out (a return, a goto, a break of this loop) lies under `if !ok`.
  const own = (n: Node) => same(enclosingFunction(n), enclosingFunction(loop));
  const exits = body.descendantsOfType(['return_statement', 'goto_statement', 'break_statement']).filter((e) => own(e) && (e.type !== 'break_statement' || breaksOut(e, loop)));
  const underNotOk = (e: Node) => ancestors(e).some((a) => a.type === 'if_statement' && a.childForFieldName('condition')?.text.replace(/\s/g, '') === `!${ok}` && contains(a.childForFieldName('consequence')!, e));
  return exits.length > 0 && exits.every(underNotOk) ? receive : undefined;
}


/** The field a send's channel names (`p.retries <- m`: `retries`), if it is one. */
function sentField(send: Node): string | undefined {
  const chan = send.childForFieldName('channel');
  return chan?.type === 'selector_expression' ? chan.childForFieldName('field')?.text : undefined;
}

/** An answer about a package, found once per package index and key. */
function perPackage(cache: WeakMap<object, Map<string, string | undefined>>, index: object, key: string, find: () => string | undefined): string | undefined {
  let byKey = cache.get(index);
  if (!byKey) cache.set(index, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, find());
  return byKey.get(key);
}

/** A send-only channel parameter (`out chan<- T`) of a function around the send: a stage handing its output on. */
function isSendOnlyParameter(name: string, at: Node): boolean {
  return /^chan\s*<-/.test(parameterNamed(name, at)?.typeNode.text ?? '');
}

/** The parameter of a function around the node that the name refers to (parameter lists read first: most names are not one). */
function parameterNamed(name: string, at: Node): Param | undefined {
  const word = new RegExp(`\\b${name}\\b`);
  if (!ancestors(at).some((a) => FUNCTION_TYPES.has(a.type) && word.test(a.childForFieldName('parameters')?.text ?? ''))) return undefined;
  const found = declarationOf(name, at);
  return found && 'param' in found ? found.param : undefined;
}

/** What `drainedBy` found, by package index and field (`.name`) or parameter name. */
const drainers = new WeakMap<object, Map<string, string | undefined>>();

/**
 * A send on a field (`b.start.errCh <- err`) that the package also receives with a plain
 * `<-x.errCh` (a statement or an expression, not a select case, which has other ways on: `return
 * <-h.value` in a `case <-r.done:` branch too), the field closed nowhere: that receive waits for
 * the value, and a sender that gave up on a cancellation would leave it waiting. The receive and
 * the function holding it, if so.
 */
export function fieldReceiveLeftWaiting(send: Node, ctx: FileContext, timed = false): string | undefined {
  const field = sentField(send);
  return field ? plainFieldReceive(field, ownerType(send.childForFieldName('channel')!, send), ctx, false, timed) : undefined;
}

/**
 * A plain receive of the field (of the owner type, when known) in the package, the field closed
 * nowhere: the receive and its function. With `evenIfClosed`, closes do not count, and the
 * receive takes the value as one (no `v, ok :=`): a close gives it a zero value instead.
 */
export function plainFieldReceive(field: string, owner: string | undefined, ctx: FileContext, evenIfClosed = false, timed = false): string | undefined {
  const index = ctx.packageIndex();
  return perPackage(plainReceivers, index, `${owner ?? ''}.${field}${evenIfClosed ? ' even if closed' : ''}${timed ? ' timed' : ''}`, () => {
    if (evenIfClosed) return plainReceiveOf(field, owner, index, (n) => !takesOk(n));
    const close = `\\bclose\\(\\s*[^()]*\\.${field}\\s*\\)`;
    const closed = index.anyTextMatches(new RegExp(close));
    // A close of the same field of another type (`close(op.errCh)`, op an *endTxnOp) frees none of these receives.
    const closes = closed ? index.nodesMatching(new RegExp(close, 'g'), (m) => m[0].indexOf('(') + 1) : [];
    if (closed && !owner && closes.length === 0) return undefined;
    const closedOwner = (arg: Node) => ownerType(ancestors(arg).find((a) => a.type === 'selector_expression' && a.childForFieldName('field')?.text === field) ?? arg, arg);
    // Not a close only an exported method the package never calls makes (yaegi's debugger
    // `Terminate()`): it runs only if a user asks for it.
    const runs = (arg: Node) => {
      const fn = ancestors(arg).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
      const name = fn?.childForFieldName('name')?.text ?? '';
      return !/^[A-Z]/.test(name) || index.callsNamed(name).length > 0;
    };
    if (closes.some((arg) => (!owner || [undefined, owner].includes(closedOwner(arg))) && runs(arg))) return undefined;
    return plainReceiveOf(field, owner, index, () => true, timed);
  });
}

/** A plain receive of the field (of the owner type, when known) that passes `test`: the receive and its function. */
function plainReceiveOf(field: string, owner: string | undefined, index: ReturnType<FileContext['packageIndex']>, test: (unary: Node) => boolean, timed = false): string | undefined {
  const receive = new RegExp(`<-\\s*(?:[\\w.]|\\[[^\\]\\n]*\\])+\\.${field}\\b`, 'g');
  const sameOwner = (n: Node) => !owner || [undefined, owner].includes(ownerType(n.parent!.childForFieldName('operand')!, n));
  // `timed`: only one selected against nothing but a timer, which waits for the value until it fires.
  const waitsHere = (u: Node) => (timed ? !!timedReceive(u) : plainReceive(u) || noWayOut(u));
  const plain = index.nodesMatching(receive).find((n) => n.parent?.type === 'unary_expression' && waitsHere(n.parent) && sameOwner(n) && test(n.parent));
  if (!plain) return owner && !timed ? receiveThroughGetter(field, owner, index, (selector) => ownerType(selector, selector), (u) => (plainReceive(u) || noWayOut(u)) && test(u)) : undefined;
  const holder = ancestors(plain).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
  return `${plain.parent!.text}${holder ? ` (in ${holder.childForFieldName('name')?.text})` : ''}${timed ? ` waits for the value up to ${timedReceive(plain.parent!)}` : ''}`;
}

/**
 * A receive in a select with no default and no case for a stop (a context's `Done()`, a timer, a
 * channel named for stopping): `select { case e := <-w.error: … case ev := <-w.events: … }`. Once
 * the other channels fall silent, it waits for this one as a plain receive does.
 */
function noWayOut(unary: Node): boolean {
  const kase = receiveCase(unary);
  const select = kase?.parent;
  if (select?.type !== 'select_statement') return false;
  return select.namedChildren.every((c) => c.type === 'communication_case' && !STOP_CASE.test(c.childForFieldName('communication')?.text ?? ''));
}

/** A case that lets a select stop waiting: a context, a timer or ticker, a channel named for it. */
const STOP_CASE = /\.Done\(\)|\btime\.|\.C\b|done|stop|quit|clos|exit|shut|die|kill|cancel|ctx|timeout|deadline|term|abort/i;

/** `v, ok := <-ch` (or `=`): the receive tells a value from a close. */
function takesOk(unary: Node): boolean {
  const list = unary.parent?.type === 'expression_list' ? unary.parent : undefined;
  const stmt = list?.parent;
  return !!stmt && (stmt.type === 'short_var_declaration' || stmt.type === 'assignment_statement' || stmt.type === 'receive_statement') && (stmt.childForFieldName('left')?.namedChildren.length ?? 0) === 2;
}

/**
 * A local channel the function stores in a struct it builds (`&Object{resCh: resCh}`), whose field
 * the package receives from with a plain receive that takes the value as one (`response :=
 * <-o.resCh`): it expects a value for each request. A send giving up once the source is done would
 * leave it waiting, or, once the channel is closed (the sender's own `defer close(resCh)`), hand it
 * a zero value as if it were an answer. The field and the receive, e.g. `Object.resCh, received by
 * <-o.resCh (in doGetRequest)`.
 */
export function storedFieldReceived(send: Node, ctx: FileContext): string | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier') return undefined;
  const found = declarationOf(chan.text, send);
  const maker = found && 'local' in found ? enclosingFunction(found.local.decl) : undefined;
  if (!maker) return undefined;
  for (const element of maker.descendantsOfType('keyed_element')) {
    const [key, value] = element.namedChildren.map((n) => (n.type === 'literal_element' && n.namedChild(0) ? n.namedChild(0)! : n));
    if (value?.text !== chan.text || !/^\w+$/.test(key?.text ?? '')) continue;
    const literal = ancestors(element).find((a) => a.type === 'composite_literal');
    const owner = baseTypeName(literal?.childForFieldName('type')?.text ?? '') || undefined;
    const plain = plainFieldReceive(key.text, owner, ctx, true);
    if (plain) return `${owner ? `${owner}.` : ''}${key.text}, received by ${plain}`;
  }
  return undefined;
}

/** The type owning a field a selector names (`request.errCh`, request an *ackListRequest: ackListRequest), when the variable's declaration says. */
export function ownerType(selector: Node, at: Node): string | undefined {
  const operand = selector.type === 'selector_expression' ? unparen(selector.childForFieldName('operand')!) : undefined;
  return operand?.type === 'identifier' ? declaredTypeName(operand.text, at) : undefined;
}

/** What `fieldReceiveLeftWaiting` found, by package index, owner type and field name. */
const plainReceivers = new WeakMap<object, Map<string, string | undefined>>();

/**
 * A receive that waits for a value: not a case of a select with a default (a poll). The select
 * nearest to it counts: a loop that polls, then waits in its default branch (`select { case c :=
 * <-ch: … default: select { case c := <-ch: … case <-time.After(t): … } }`), waits there.
 */
function waits(receive: Node): boolean {
  const select = ancestors(receive).find((a) => a.type === 'select_statement');
  return !select || !hasDefault(select);
}

function hasDefault(select: Node): boolean {
  return select.namedChildren.some((c) => c.type === 'default_case');
}

/**
 * A send on the channel parameter of a Prometheus collector's `Collect(ch chan<- prometheus.Metric)`
 * or `Describe(ch chan<- *prometheus.Desc)`: the registry calling it drains the channel until the
 * method returns, so the send always has its receiver.
 */
export function collectorChannel(send: Node): boolean {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier') return false;
  const found = declarationOf(chan.text, send);
  // Only a parameter of a metric or description channel, before the file's text is read below.
  if (!found || !('param' in found) || !/(Metric|Desc)$/.test(found.param.typeNode.text)) return false;
  // Or a helper's parameter of prometheus' own types, handed down from Collect (longhorn's
  // metrics collectors): the same channel the registry reads.
  // In prometheus' own package the types go unqualified (`ch chan<- Metric`).
  const own = /^package\s+prometheus\b/m.test(send.tree.rootNode.text.slice(0, 4096)) ? '(prometheus\\.)?' : 'prometheus\\.';
  if (new RegExp(`^chan<-\\s*(${own}Metric${own === 'prometheus\\.' ? '' : `|\\*\\s*${own}Desc`})$`).test(found.param.typeNode.text)) return true;
  const method = ancestors(send).find((a) => a.type === 'method_declaration');
  if (!method || !/^(Collect|Describe)$/.test(method.childForFieldName('name')?.text ?? '')) return false;
  // The method's own parameter, not one of a closure inside it.
  return found.param.fn.id === method.id && new RegExp(`^chan<-\\s*\\*?(\\w+\\.${own === 'prometheus\\.' ? '' : '|'})(Metric|Desc)$`).test(found.param.typeNode.text);
}
