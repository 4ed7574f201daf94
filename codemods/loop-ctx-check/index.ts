import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { cancellationSources } from '../../src/go/cancellation.js';
import { loopShape } from '../../src/go/loops.js';
import { doneAt } from '../../src/go/done-at.js';
import { exitStatements } from '../../src/go/results.js';
import { afterOpeningBrace, ancestors, enclosingFunction, eol, FUNCTION_TYPES, indentAt, same, touchesError, type Node } from '../../src/go/syntax.js';
import { codeOnly, regexEscaped } from '../../src/go/find-by-text.js';
import { docs } from './docs.js';
import { answeredRequest } from './serves-requests.js';
import { answeredTakenRequest } from './body-requests.js';
import { nilContextField } from './nil-field.js';
import { startedOnceReason } from './started-once.js';
import { ownCancelCall } from './own-cancel.js';
import { helperWait } from './helper-waits.js';
import { ownDeferredCancel } from './own-deferred-cancel.js';
import { drainedChannel } from './drained-channel.js';
import { drainedQueue } from './drained-queue.js';
import { handedOnlyToReturn, usedOnlyBeforeGo } from '../../src/go/setup-only-context.js';

export const loopCtxCheck: Codemod = {
  id: 'loop-ctx-check',
  title: 'An endless loop in a goroutine checks its context at the top',
  docs,
  severity: 'warning',
  enabledByDefault: false,
  options: [],
  prefilter: (text) => /\bfor\s*\{/.test(text),
  triggers: /\bfor\b/,
  find,
};

function find(ctx: FileContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const loop of ctx.tree.rootNode.descendantsOfType('for_statement')) {
    if (touchesError(loop) || loopShape(loop).kind !== 'forever') continue;
    const fn = enclosingFunction(loop);
    if (!fn || !inGoroutine(fn) || hasExit(loop, fn)) continue;
    const source = cancellationSources(loop, ctx.tree, ctx.packageIndex).find((s) => s.isContext);
    if (!source) continue;
    const body = loop.childForFieldName('body')!;
    const exit = exitStatements(fn, source, ctx.packageIndex, loop);
    const message = `endless loop in a goroutine never looks at ${source.expr}: it keeps running after ${source.expr} is cancelled`;
    if (!exit.ok) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: exit.reason });
      continue;
    }
    const nil = nilContextField(loop, source, ctx.packageIndex(), ctx.path);
    if (nil) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: nil });
      continue;
    }
    const done = doneAt(loop, fn, source);
    if (done) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the loop runs ${done}, where ${source.expr} is already done: a check at its top would end it on its first pass` });
      continue;
    }
    const once = startedOnceReason(loop, source, ctx.packageIndex());
    if (once) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: once });
      continue;
    }
    const cancels = ownCancelCall(loop, source);
    if (cancels) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the loop calls ${cancels}, ${source.expr}'s own cancel: checking ${source.expr} would end the loop on its own first pass, where it goes on after the cancel` });
      continue;
    }
    const dialed = boundsOnlySetup(loop, fn, source.expr);
    if (dialed) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `${source.expr} bounds only the setup of ${dialed.value} (${dialed.call}), which the loop uses: the loop lives as long as ${dialed.value}, and a check of ${source.expr} would end it once the setup's context is done, with ${dialed.value} still open` });
      continue;
    }
    const go = fn.parent?.parent;
    const setUp = go?.type === 'go_statement' ? usedOnlyBeforeGo(go, fn, source.expr, true) : undefined;
    if (setUp) {
      const setup = setUp.readAfter ? `${setUp.setup}; after the go statement only ${source.expr}.Err() is read` : setUp.setup;
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `${source.expr} is used only before the goroutine starts (${setup}), and the goroutine never names it: it bounds the set-up, and the loop may be meant to outlive it (a periodic save for the life of the process), where a check would end it once the set-up's context is done` });
      continue;
    }
    const drained = runsThroughDrain(loop, fn, source.expr);
    if (drained) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the function starting the goroutine goes on once ${source.expr} is done (${drained}, waiting for work in flight): the loop does nothing with ${source.expr} and runs through that drain (a progress report), and a check of ${source.expr} would stop it early` });
      continue;
    }
    const served = answeredRequest(loop, fn);
    if (served) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the loop serves requests whose senders wait for the answer (case ${served.receive}: ${served.answer}): one sent once ${source.expr} is done (a last forced save at shutdown) would wait forever for a loop a check had ended` });
      continue;
    }
    const taken = answeredTakenRequest(loop, fn);
    if (taken) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the loop serves requests whose senders wait for the answer (${taken.take}, answered by ${taken.answer}): a check of ${source.expr} would end the loop, and a request queued after that would wait forever for its answer` });
      continue;
    }
    const waits = blockingWait(loop, fn);
    if (waits) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the loop waits in its body (${waits.text}, line ${waits.startPosition.row + 1}) for what may never come once ${source.expr} is done: a check at the top would not be reached while it waits (select on ${source.expr}.Done() there instead; send-select-ctx rewrites a blocking send)` });
      continue;
    }
    const helper = helperWait(loop, fn, ctx.packageIndex());
    if (helper) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the loop waits in ${helper.call} (${helper.name} does ${helper.wait} outside a select) for what may never come once ${source.expr} is done: a check at the top would not be reached while it waits (select on ${source.expr}.Done() in ${helper.name} instead)` });
      continue;
    }
    const outlives = ownDeferredCancel(fn, source);
    if (outlives) {
      const when = outlives.deferred ? 'when it returns' : 'before it returns';
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `${source.expr} is cancelled by this function's own ${outlives.cancel} ${when}, and nothing waits for the goroutine: checked at the top, the loop would end with ${outlives.starter}, where it outlived it` });
      continue;
    }
    const returned = go?.type === 'go_statement' ? handedOnlyToReturn(go, fn, source.expr) : undefined;
    if (returned) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `after the go statement, ${source.expr} is handed only to the function's return right after it (${returned}): the function returns once that call does, the goroutine never names ${source.expr} and outlives the function, and ${source.expr} may bound that call alone (a lock's acquisition, whose keep-alive runs until Unlock), where a check would end the loop with it` });
      continue;
    }
    const drains = drainedChannel(loop, fn, ctx.packageIndex(), source);
    if (drains?.others) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the loop drains ${drains.channel}, which ${drains.sender} sends on in a select whose only way out is ${drains.others}, not ${source.expr}: ended on ${source.expr}, the loop would leave those senders waiting until their own source is done, for good for one that never is` });
      continue;
    }
    if (drains) {
      const fills = drains.buffer === '0' ? 'at once, the channel unbuffered' : drains.buffer ? `once the buffer (${drains.buffer}) fills` : 'once its buffer fills';
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the loop drains ${drains.channel}, which ${drains.sender} sends on without a select: ended on ${source.expr}, its senders would block for good ${fills}` });
      continue;
    }
    const queue = drainedQueue(loop, fn, ctx.packageIndex());
    if (queue) {
      out.push({ start: loop.startIndex, end: body.startIndex, message, reason: `the loop is the only consumer of a queue kept in a field (${queue.take}), and ${queue.waiter} waits on its progress (${queue.wait}): ended on ${source.expr}, the loop would leave elements queued and ${queue.waiter} waiting for good, where each element was handled, failed or not` });
      continue;
    }
    const nl = eol(ctx.source);
    const ind = `${indentAt(ctx.source, loop.startIndex)}\t`;
    const at = afterOpeningBrace(ctx.source, body);
    const check = ['select {', `case <-${source.expr}.Done():`, ...exit.lines.map((l) => `\t${l}`), 'default:', '}'].map((l) => `${nl}${ind}${l}`).join('');
    out.push({
      start: loop.startIndex,
      end: body.startIndex,
      message,
      fix: { description: `check ${source.expr}.Done() at the top of each iteration`, edits: [{ start: at, end: at, text: check }] },
    });
  }
  return out;
}

/** The loop runs in a goroutine: its function, or one it is called from inline, is a `go func`. */
function inGoroutine(fn: Node): boolean {
  for (let f: Node | null = fn; f; f = f.parent) {
    if (f.type === 'function_declaration' || f.type === 'method_declaration') return false;
    if (f.type === 'func_literal' && f.parent?.type === 'call_expression' && f.parent.parent?.type === 'go_statement') return true;
  }
  return false;
}

/** A return, a break leaving this loop, a goto, or any wait on Done() inside it. */
function hasExit(loop: Node, fn: Node): boolean {
  if (loop.text.includes('.Done()')) return true;
  for (const n of loop.descendantsOfType(['return_statement', 'break_statement', 'goto_statement', 'call_expression'])) {
    if (!same(enclosingFunction(n), fn)) continue;
    if (n.type === 'return_statement' || n.type === 'goto_statement') return true;
    if (n.type === 'call_expression') {
      const callee = n.childForFieldName('function')?.text;
      if (callee === 'panic' || callee === 'os.Exit' || callee === 'runtime.Goexit' || /\.(Fatal|Fatalf|Panic|Panicf)$/.test(callee ?? '')) return true;
      continue;
    }
    const label = n.namedChildren.find((c) => c.type === 'label_name')?.text;
    if (label) {
      if (loop.parent?.type === 'labeled_statement' && loop.parent.namedChildren.find((c) => c.type === 'label_name')?.text === label) return true;
      continue;
    }
    // An unlabelled break leaves the innermost for/switch/select around it.
    const target = [...ancestors(n)].find((a) => ['for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement'].includes(a.type));
    if (target && same(target, loop)) return true;
  }
  return false;
}


/**
 * A send, or a receive from a channel that is no timer's, that the loop's own code waits on outside
 * a select (`pollChan <- struct{}{}`: boringproxy's poller): the top-of-loop check would never be
 * reached while it waits, and the goroutine would still leak.
 */
function blockingWait(loop: Node, fn: Node): Node | undefined {
  const own = (n: Node) => same(enclosingFunction(n), fn) && !ancestors(n).some((a) => a.type === 'select_statement' && loop.startIndex <= a.startIndex);
  const send = loop.descendantsOfType('send_statement').find(own);
  if (send) return send;
  return loop.descendantsOfType('unary_expression').find((u) => own(u) && u.childForFieldName('operator')?.text === '<-' && !/^time\.|\.C$/.test(u.childForFieldName('operand')?.text ?? ''));
}

/**
 * A value the loop uses that the starting function set up with the context, before the goroutine
 * (`conn, err := d.DialContext(ctx, …)`, `Connect…`, `Listen…`, `Open…`): the context bounds
 * only the setup (a dialer's contract: once connected, its end does not touch the connection),
 * and the loop serves the value for its life. The value and the call, as written up to its paren.
 */
function boundsOnlySetup(loop: Node, fn: Node, ctx: string): { value: string; call: string } | undefined {
  const starter = ancestors(fn).find((a) => FUNCTION_TYPES.has(a.type));
  if (!starter) return undefined;
  const before = starter.text.slice(0, fn.startIndex - starter.startIndex);
  const setup = new RegExp(`(\\w+)\\s*(?:,\\s*\\w+\\s*)?:?=\\s*([\\w.]*?\\b(?:Dial|Connect|Listen|Open)\\w*)\\(\\s*${regexEscaped(ctx)}\\s*[,)]`, 'g');
  for (const m of before.matchAll(setup)) {
    if (new RegExp(`\\b${m[1]}\\b`).test(loop.text)) return { value: m[1], call: `${m[2]}(${ctx}, …)` };
  }
  return undefined;
}

/**
 * The function starting the goroutine waits for the context's end and then for its work in
 * flight (`case <-ctx.Done():` … `s.wg.Wait()`, or a grace period: `time.Sleep(DrainGrace)`
 * before it closes the connection the loop reads), and the loop never names the context: the
 * goroutine serves the whole run, drain included. The wait, as written.
 */
function runsThroughDrain(loop: Node, fn: Node, ctx: string): string | undefined {
  const starter = ancestors(fn).find((a) => FUNCTION_TYPES.has(a.type));
  if (!starter || new RegExp(`(?<![\\w.])${regexEscaped(ctx)}\\b`).test(codeOnly(loop.text))) return undefined;
  const after = starter.text.slice(fn.endIndex - starter.startIndex);
  const done = new RegExp(`<-\\s*${regexEscaped(ctx)}\\.Done\\(\\)`).exec(after);
  // A wait for work in flight, or a grace period for it (`time.Sleep(DrainGrace)` before the close).
  return done ? /(?<![\w.])[\w.]+\.Wait\(\)|\btime\.Sleep\([^()\n]*(\([^()\n]*\)[^()\n]*)*\)/.exec(after.slice(done.index + done[0].length))?.[0] : undefined;
}
