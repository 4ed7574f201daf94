import { reArmsTimer } from './timer-reset.js';
import { calledName, everyCalledBody } from '../../src/go/called-functions.js';
import { regexEscaped, receivesFrom } from '../../src/go/find-by-text.js';
import { declarationOf, paramsOf } from '../../src/go/scope.js';
import { receiverOf } from '../../src/go/declarations.js';
import { contains, enclosingFunction, firstLine, same, inSelectWithDefault, isReleaseCall, onOwnPath, statementsOf, type Node } from '../../src/go/syntax.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { afterSkipping, ENDS_PROCESS, SIGNAL_CHANNEL, signalsEnd } from './skipped-work.js';
import { cancelLeft, madeCancelCall } from './made-cancel.js';
import { afterStart, beforeStart } from './waited-for.js';
import { endedInDefer, handedSignal, handedWhere } from './handed-literal-sends.js';
import { handedCancel } from './handed-cancel.js';

// Releases in the goroutine's own statements that a recovered panic would skip.

/**
 * A release in the goroutine's own statements, not deferred (`wg.Done()`, `mu.Unlock()`,
 * `close(ch)`, `w.Close()`, a send, a cancel), or the end of the process (`os.Exit(0)`, the way a
 * CLI run in a goroutine ends `main`, which waits for a signal meanwhile): a panic before it skips
 * it. Deferred ones still run.
 */
function releaseAPanicSkips(stmts: Node[], go: Node, index: () => PackageIndex): Node | undefined {
  // One in a literal the goroutine hands to a call only when none is on its own path.
  return skippedRelease(stmts, go, index, false) ?? skippedRelease(stmts, go, index, true);
}

/**
 * Why a recovered panic would skip what the goroutine must do: a release of its own statements
 * (see releaseAPanicSkips), or the end of the process from a defer after other work. The reason.
 */
export function skippedReleaseReason(stmts: Node[], go: Node, index: () => PackageIndex): string | undefined {
  const skipped = releaseAPanicSkips(stmts, go, index);
  if (skipped) return `the goroutine runs ${firstLine(skipped.text)} (line ${skipped.startPosition.row + 1})${handedWhere(skipped, stmts)} outside a defer: after a recovered panic it would be skipped, and ${leftBySkipping(skipped, go, index)} where the process used to crash`;
  const exit = exitAfterWorkInDefer(stmts);
  if (exit) return `the goroutine ends the process from a defer (${firstLine(exit.text)}, line ${exit.startPosition.row + 1}) after other work there: a panic in that work, recovered by a recover deferred before it (and so run after it), would skip the exit, and the process would run on where it used to crash and end`;
  return undefined;
}

/** What skipping that release would leave, for the reason: a context's cancel names its context. */
function leftBySkipping(skipped: Node, go: Node, index: () => PackageIndex): string {
  const cancel = madeCancelCall(skipped, go, index);
  return cancel ? cancelLeft(cancel) : afterSkipping(skipped.text);
}

/** `defer func() { logger.Info(…); os.Exit(code) }()`: a call ending the process, not the first statement of a deferred literal. */
function exitAfterWorkInDefer(stmts: Node[]): Node | undefined {
  for (const st of stmts) {
    const literal = st.type === 'defer_statement' ? st.namedChild(0)?.childForFieldName('function') : undefined;
    if (literal?.type !== 'func_literal') continue;
    const first = statementsOf(literal.childForFieldName('body')).find((c) => c.type !== 'comment');
    const exit = literal.descendantsOfType('call_expression').find((c) => ENDS_PROCESS.test(c.childForFieldName('function')?.text ?? ''));
    if (exit && first && !contains(first, exit)) return exit;
  }
  return undefined;
}

function skippedRelease(stmts: Node[], go: Node, index: () => PackageIndex, handed: boolean): Node | undefined {
  let first = true;
  const last = stmts.filter((st) => st.type !== 'comment').at(-1);
  for (const st of stmts) {
    if (st.type === 'defer_statement' || st.type === 'go_statement') continue;
    // The first statement, a signal that runs no code of the program's (\`started.Done()\`,
    // \`close(ready)\`): nothing before it can panic, so nothing skips it (jaeger's crossdock
    // servers, told started first).
    if (first && st.type === 'expression_statement' && plainCall(st.namedChild(0))) {
      first = false;
      continue;
    }
    for (const n of [st, ...st.descendantsOfType(['send_statement', 'call_expression'])]) {
      // Deferred in a nested block (`if … { defer cancel() }`), or started apart: it still runs.
      // Or in a literal handed to a call, a send, close or Done on what is shared (`fyne.Do(func() { res <- r })`).
      if (!onOwnPath(n, st) && !(handed && (handedSignal(n, st, go, stmts) || handedCancel(n, st, go, index)))) continue;
      // A send that cannot block counts too when the function waits for it after the goroutine
      // starts (`select { case errCh <- f(): default: }`, then `case err := <-errCh` beside a
      // timeout: ziti's agent commands, recovered, reported a timeout instead of the panic).
      // Not a send on a channel the goroutine closes in a defer (`defer close(eventChan)` around a
      // stream's sends): its receiver sees the close either way, and waits for nothing.
      if (n.type === 'send_statement' && (!inSelectWithDefault(n) || receivedAfter(n.childForFieldName('channel')!.text, go))) {
        if (endedInDefer(n.childForFieldName('channel')!.text, stmts)) continue;
        return n;
      }
      // A slot given back after the work (`<-sem`, `<-limitation`), not a wait for a signal.
      if (!first && n.type === 'expression_statement' && slotGivenBack(n)) return n;
      if (!first && slotGivenBackInCallee(n, index)) return n;
      if (!first && answersStream(n, go)) return n;
      if (!first && (givesBackTaken(n, go) || lowersRaisedCount(n, go) || (st === last && notifiesHandler(n) && !inLoopWithin(n, st)) || removesSharedEntry(n, go))) return n;
      if (isReleaseCall(n) || signalsEnd(n) || (!first && reArmsTimer(n, index)) || madeCancelCall(n, go, index) || ENDS_PROCESS.test(n.type === 'call_expression' ? (n.childForFieldName('function')?.text ?? '') : '')) return n;
      // A deadline set after work, to unblock the other side (`right.SetReadDeadline(time.Now())`:
      // glider's relay), not one set before it, nor a timeout for the goroutine's own read
      // (`conn.SetReadDeadline(time.Now().Add(d))`: toxiproxy's test).
      if (!first && n.type === 'call_expression' && n.parent?.type === 'expression_statement' && /\.Set(Read|Write)?Deadline$/.test(n.childForFieldName('function')?.text ?? '') && !/\.Add\(/.test(n.childForFieldName('arguments')?.text ?? '')) return n;
    }
    first = false;
  }
  return undefined;
}

/**
 * A reply sent on a stream the function starting the goroutine receives from itself (`c.Send(result)`
 * after `job, err := c.Recv()`): a peer in lock-step waits for that reply before it sends the next
 * request (loki's compactor jobs; recovered, the worker stayed connected and was never given work
 * again).
 */
function answersStream(n: Node, go: Node): boolean {
  const stream = n.type === 'call_expression' ? /^(\w+)\.Send(Msg)?$/.exec(n.childForFieldName('function')?.text ?? '')?.[1] : undefined;
  const starter = stream ? enclosingFunction(go) : undefined;
  if (!starter) return false;
  return starter.descendantsOfType('call_expression').some((c) => onOwnPath(c, starter) && c.childForFieldName('function')?.text.replace(/\s/g, '').match(/^(\w+)\.Recv(Msg)?$/)?.[1] === stream);
}

/**
 * An entry removed, after the work, from a map the goroutine shares (`delete(h.ports, key)`, a field
 * or a variable of the function around): recovered, the entry would stay for good (devspace's port
 * forwards, a dead one handed out for its pod from then on).
 */
function removesSharedEntry(n: Node, go: Node): boolean {
  // Or a mark its starter set just before (`jm.names.LoadOrStore(name, …)`, then `jm.names.Delete(name)`;
  // `atomic.CompareAndSwapInt32(&e.reloading, 0, 1)`, then `atomic.StoreInt32(&e.reloading, 0)`).
  const undone = n.type === 'call_expression' && n.parent?.type === 'expression_statement' ? markUndone(n, beforeStart(go)) : false;
  if (undone) return true;
  const args = n.type === 'call_expression' && n.childForFieldName('function')?.text === 'delete' ? n.childForFieldName('arguments')?.namedChildren : undefined;
  const map = args?.[0];
  if (!map) return false;
  if (map.type === 'selector_expression') return true;
  const found = map.type === 'identifier' ? declarationOf(map.text, n) : undefined;
  return !!found && !contains(go, 'local' in found ? found.local.decl : found.param.fn);
}

/** `X.Delete(k)` after `X.LoadOrStore(`/`X.Store(` in `before`, or an atomic store to a flag `before` swapped. */
function markUndone(call: Node, before: string): boolean {
  const fn = call.childForFieldName('function')?.text ?? '';
  const map = /^([\w.]+)\.Delete$/.exec(fn)?.[1];
  if (map) return new RegExp(`(?<![\\w.])${regexEscaped(map)}\\.(LoadOrStore|Store)\\(`).test(before);
  const flag = /^atomic\.Store\w*$/.test(fn) ? call.childForFieldName('arguments')?.namedChildren[0]?.text.replace(/^&/, '') : /^([\w.]+)\.Store$/.exec(fn)?.[1];
  return !!flag && new RegExp(`CompareAndSwap\\w*\\(\\s*&?${regexEscaped(flag)}\\s*,|(?<![\\w.])${regexEscaped(flag)}\\.CompareAndSwap\\(`).test(before);
}

/** A signal that runs no code of the program's: \`wg.Done()\`, \`mu.Unlock()\`, \`close(ready)\`. */
function plainCall(n: Node | null): boolean {
  return n?.type === 'call_expression' && /^(close\(\s*[\w.]+\s*\)|[\w.]+\.(Done|Unlock|RUnlock)\(\s*\))$/.test(n.text);
}

/** Whether the function around the go statement receives from the channel after it. */
function receivedAfter(channel: string, go: Node): boolean {
  return receivesFrom(afterStart(go), channel);
}

/** `<-sem` as a statement: a receive from a channel that is no done channel, context or timer. */
function slotGivenBack(stmt: Node): boolean {
  const recv = stmt.namedChild(0);
  if (recv?.type !== 'unary_expression' || recv.childForFieldName('operator')?.text !== '<-') return false;
  const from = recv.childForFieldName('operand')?.text ?? '';
  return /^[\w.]+$/.test(from) && !SIGNAL_CHANNEL.test(from) && !/(^|\.)(ready|start|cancel)\w*$/i.test(from);
}

/**
 * A call, as a statement of its own, of the package's function or method whose body gives a slot
 * back (\`c.done()\`, with \`func (c channel) done() { <-c }\` on a channel type: gws' task queue,
 * its semaphore's slot lost to each recovered panic until every later Go hung). The callee
 * itself, not those it calls, taking as many arguments, and a method receiving from its receiver;
 * none named for waiting.
 */
function slotGivenBackInCallee(n: Node, index: () => PackageIndex): boolean {
  const fn = n.type === 'call_expression' && n.parent?.type === 'expression_statement' ? n.childForFieldName('function') : undefined;
  const name = fn && calledName(fn)?.name;
  if (!name || /wait|block|until/i.test(name)) return false;
  const args = n.childForFieldName('arguments')?.namedChildCount ?? 0;
  return everyCalledBody([fn], index()).some(({ body }) => {
    const decl = body.parent!;
    if (decl.childForFieldName('name')?.text !== name || paramsOf(decl).length !== args) return false;
    // From the receiver or what it holds (`<-c`, `<-p.sem`): not a channel of its own made to wait on (`<-ch // wait for unlock`).
    const recv = receiverOf(decl)?.name;
    return statementsOf(body).some((st) => st.type === 'expression_statement' && slotGivenBack(st) && !!recv && new RegExp(`^<-\\s*${recv}\\b`).test(st.text));
  });
}

/**
 * What the function starting the goroutine took just before it, given back after the work
 * (`multi.Take(size)`, then `go func() { res.Wait(); multi.Give(size) }()`: syncthing's request
 * limiter): skipped, the limit would stay taken and every later request wait.
 */
function givesBackTaken(n: Node, go: Node): boolean {
  const m = n.type === 'call_expression' && n.parent?.type === 'expression_statement' ? /^([\w.]+)\.(Give|Release|Put|Return|Free)$/.exec(n.childForFieldName('function')?.text ?? '') : null;
  return !!m && new RegExp(`(?<![\\w.])${regexEscaped(m![1])}\\.(Take|Acquire|Get|Reserve)\\(`).test(beforeStart(go));
}

/**
 * An in-flight count the starting function raised before the goroutine (`count :=
 * atomic.AddInt32(opCount, 1)`, more work started only while it is clear), lowered after the work
 * (`atomic.AddInt32(lopCount, -1)`, through a copy made in the goroutine too): skipped, the count
 * would stay up and no more work start (vault's leader refresh on a standby node).
 */
function lowersRaisedCount(n: Node, go: Node): boolean {
  if (n.type !== 'call_expression' || n.parent?.type !== 'expression_statement') return false;
  const text = n.text.replace(/\s/g, '');
  const m = /^atomic\.Add\w*\(&?([\w.]+),-1\)$/.exec(text) ?? /^([\w.]+)\.Add\(-1\)$/.exec(text);
  if (!m) return false;
  const found = declarationOf(m[1].split('.')[0], n);
  const copied = found && 'local' in found && found.local.value?.type === 'identifier' && !m[1].includes('.') ? found.local.value.text : m[1];
  const name = regexEscaped(copied);
  return new RegExp(`atomic\\.Add\\w*\\(\\s*&?${name}\\s*,\\s*1\\s*\\)|(?<![\\w.])${name}\\.Add\\(\\s*1\\s*\\)`).test(beforeStart(go));
}

/**
 * Whether a loop in the statement, or the statement itself, holds the node: a call made each time
 * round (gotify's cleanup, `streamHandler.NotifyDeletedClient` for each expired client, every five
 * minutes) tells no one the work ended.
 */
function inLoopWithin(n: Node, st: Node): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'for_statement') return true;
    if (same(p, st)) break;
  }
  return false;
}

/**
 * A call on a handler, listener or callback in the last statement, after the work
 * (`if len(modes) == 0 { c.handler.Disconnected(…) }`): code the
 * package may not show (a platform's, through gomobile), and perhaps the only word its user gets
 * that the work ended (sing-box's clash mode stream, recovered, left the app's UI waiting).
 */
function notifiesHandler(n: Node): boolean {
  const fn = n.type === 'call_expression' && n.parent?.type === 'expression_statement' ? n.childForFieldName('function') : undefined;
  const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand')!.text : '';
  return /(^|\.)\w*(handler|listener|callback|observer|notifier|delegate)s?$/i.test(operand);
}
