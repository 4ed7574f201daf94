import { declarationOf, localClosure, testingParameter, writtenType } from '../../src/go/scope.js';
import { deferredPanicHandler } from './panic-handlers.js';
import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { packageName } from '../../src/go/imports.js';
import { subscribedChannelRanged } from './subscribed-channel.js';
import { rangedOfUnknownType } from './unknown-range.js';
import { afterOpeningBrace, ancestors, contains, eol, firstLine, FUNCTION_TYPES, indentAt, insideLiteral, statementsOf, touchesError, type Node } from '../../src/go/syntax.js';
import { docs } from './docs.js';
import { waitedOrMeant } from './waited-for.js';
import { outcomeHandedBack } from './outcome-handed-back.js';
import { workerPerItem } from './workers.js';
import { foreignServer } from './foreign-server.js';
import { callbackReason, handedFunctionReason, calledOrHanded } from './handed-functions.js';
import { functionsInTurnReason } from './functions-in-turn.js';
import { loopInModulePackage } from './module-loops.js';
import { releaseInModulePackage } from './module-releases.js';
import { skippedReleaseReason } from './own-releases.js';
import { genericLauncherReason } from './generic-launcher.js';
import { countBroughtDownLast } from './count-brought-down.js';
import { releaseDeferredInCallee } from './release-in-callee.js';
import { clearInCallee } from './clear-in-callee.js';
import { endToldAfterWork } from './end-told.js';
import { settledInDefer } from './settled-in-defer.js';
import { stateResetAfterWork } from './state-reset.js';
import { wrapUpReadsOutcome } from './deferred-wrap-up.js';
import { cancelWaited } from './cancel-waited.js';
import { starterNeverReturns } from './never-returns.js';
import { panicLoggerAt } from './logger.js';
import { panicsOnPurpose, recoversForGood, safeRunner } from './panics-on-purpose.js';
import { mayHaveGoFuncLiteral } from '../../src/go/text-signals.js';
import { calledName, calledTextWhere } from '../../src/go/called-functions.js';
import { rangedChannel } from './ranged-channel.js';
import { codeWords } from '../../src/go/find-by-text.js';
import { acceptedConnLeftOpen, afterSkipping, channelHandedOn, SIGNAL_CHANNEL, guardSetBefore, lockInCallback, LOOPS_FOR_GOOD, loopsForGood, oneTimeSetup, releaseHandedOn, releaseInText, servesForGood, signalsEnd, withoutDeferred } from './skipped-work.js';
import { inTestCode } from '../../src/go/test-code.js';
import { releaseOrReArm } from './timer-reset.js';
import { lockInModulePackage, lockNotDeferred } from './module-locks.js';

export const goroutineRecover: Codemod = {
  id: 'goroutine-recover',
  title: 'Goroutines log a panic with its stack instead of crashing the process',
  docs,
  severity: 'info',
  enabledByDefault: false,
  options: [],
  prefilter: mayHaveGoFuncLiteral,
  triggers: /\bgo\b/,
  find,
};

/**
 * A channel the goroutine's own loop receives from (\`for { select { case ev := <-l.channel: … } }\`,
 * \`for job := range jobs\`), made outside it: the goroutine is its consumer. Not a done channel,
 * a context's \`Done()\` or a timer's: those tell it when to stop or run, not what to take.
 */
function consumerLoop(stmts: Node[], body: Node, ctx: FileContext): string | undefined {
  const source = ctx.source;
  for (const loop of stmts.flatMap((st) => (st.type === 'for_statement' ? [st] : st.descendantsOfType('for_statement')))) {
    if (insideLiteral(loop, body)) continue;
    const received = loop.descendantsOfType('unary_expression').filter((u) => u.childForFieldName('operator')?.text === '<-' && !insideLiteral(u, body)).map((u) => u.childForFieldName('operand')!.text);
    // A range over a channel: one variable at most, and the name declared a channel in the file.
    const clause = loop.namedChildren.find((c) => c.type === 'range_clause');
    const over = clause && (clause.childForFieldName('left')?.namedChildCount ?? 0) <= 1 ? clause.childForFieldName('right')?.text : undefined;
    // Or named for one, whatever gave it (`_, winCh, isPty := s.Pty()`: sshportal's resize reader).
    // Or declared so anywhere in the package (`Events chan Event`, a field of the client: slack-go's socket-mode bots).
    const last = over && /^[\w.]+$/.test(over) ? over.split('.').pop()! : undefined;
    const declared = new RegExp(`\\b${last}\\s+(<-\\s*)?chan\\b|\\b${last}\\s*:?=\\s*make\\(\\s*chan\\b`);
    const ranged = over && last && (/[a-z](Ch|Chan|Channel)$/.test(over) || declared.test(source) || ctx.packageIndex().anyTextMatches(declared)) ? [over] : [];
    // Or a channel a call returns, the package declaring the function or method so
    // (`for range ds.IsConfigChanged()`, `IsConfigChanged() <-chan struct{}`: jupiter's config reload).
    const returned = over?.match(/^[\w.]*?(\w+)\(\)$/);
    if (returned && ctx.packageIndex().anyTextMatches(new RegExp(`\\b${returned[1]}\\s*\\([^()]*\\)\\s*(<-\\s*)?chan\\b`))) ranged.push(over!);
    // Or a value of a type another package declares, which may be a channel.
    const unknown = clause ? rangedOfUnknownType(clause, body, ctx, ranged.length > 0) : undefined;
    if (unknown) return unknown;
    // A subscription the goroutine takes itself (`w := s.Watch(ctx, key)`) is no channel of its own making.
    const subscribed = clause && ranged.length > 0 ? subscribedChannelRanged(clause, body) : undefined;
    if (subscribed) return subscribed;
    for (const text of [...ranged, ...received]) {
      if (!/^[\w.]+(\(\))?$/.test(text) || SIGNAL_CHANNEL.test(text.replace(/\(\)$/, ''))) continue;
      // Made by the goroutine itself: its own business.
      const name = text.split('.').pop()!;
      if (text === name && new RegExp(`(^|[^\\w.])${name}\\s*:=|\\bvar\\s+${name}\\b`).test(body.text)) continue;
      return text;
    }
  }
  return undefined;
}

/** Calls that read a connection or stream: in a loop, the goroutine is its reader. */
const READS = /\.(Read|ReadMessage|ReadString|ReadBytes|ReadLine|ReadMsg|ReadFrom|Recv|RecvMsg|NextReader)$/;

/**
 * A reader the goroutine reads to its end in its own statements: a \`for sc.Scan()\` loop (a
 * bufio.Scanner over a child's \`StderrPipe()\`), or \`io.Copy\`/\`io.ReadAll\`. As written, e.g.
 * \`for sc.Scan()\`.
 */
function drainsReader(stmts: Node[], body: Node): string | undefined {
  for (const st of stmts) {
    if (st.type === 'defer_statement' || st.type === 'go_statement') continue;
    for (const loop of st.type === 'for_statement' ? [st] : st.descendantsOfType('for_statement')) {
      const cond = loop.namedChildren.find((c) => c.type === 'call_expression');
      if (cond && !insideLiteral(loop, body) && /\.Scan\(\)$/.test(cond.text)) return `for ${cond.text}`;
      // `for { _, msg, err := c.Read(ctx); if err != nil { return } … }`: a connection's read loop.
      const read = insideLiteral(loop, body) ? undefined : loop.descendantsOfType('call_expression').find((c) => !insideLiteral(c, body) && READS.test(c.childForFieldName('function')?.text ?? ''));
      if (read) return `for {… ${firstLine(read.text)}`;
    }
    const copy = [st, ...st.descendantsOfType('call_expression')].find((n) => n.type === 'call_expression' && !insideLiteral(n, body) && /^io\.(Copy\w*|ReadAll)$/.test(n.childForFieldName('function')?.text ?? ''));
    if (copy) return firstLine(copy.text);
  }
  return undefined;
}

/**
 * A mutex the goroutine hands to a call (`lvmnode.Start(&ControllerMutex, stopCh)`, the mutex
 * declared a `sync.Mutex` or `sync.RWMutex`, or a pointer to one): the callee locks it out of
 * sight, maybe without a deferred unlock. Only a callee the package does not declare.
 */
function mutexHandedOn(body: Node, ctx: FileContext): { mutex: string; call: string } | undefined {
  for (const call of body.descendantsOfType('call_expression')) {
    if (insideLiteral(call, body)) continue;
    // One the package declares is read for its locks by the check after this one.
    const named = calledName(call.childForFieldName('function')!);
    if (!named || ctx.packageIndex().functionsNamed(named.name, named.method).length > 0) continue;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const name = arg.type === 'unary_expression' && arg.childForFieldName('operator')?.text === '&' ? arg.childForFieldName('operand') : arg;
      // The address of a field named for a lock, whatever package types it (`&vm.ctx.Lock`: avalanchego's chain lock).
      if (name?.type === 'selector_expression' && arg !== name && /^(mu|mtx|mutex|lock|Lock|Mu|Mutex|\w*[a-z](Mu|Mtx|Mutex|Lock))$/.test(name.childForFieldName('field')!.text)) return { mutex: arg.text, call: `${firstLine(call.childForFieldName('function')!.text)}()` };
      if (name?.type !== 'identifier') continue;
      const type = writtenType(name.text, call) ?? '';
      if (/^\*?sync\.(RW)?Mutex(\{\})?$/.test(type.replace(/\s/g, ''))) return { mutex: arg.text, call: `${firstLine(call.childForFieldName('function')!.text)}()` };
    }
  }
  return undefined;
}

/** The top-level function (or the outermost node below the file) around a node. */
function outermost(node: Node): Node {
  return [...ancestors(node)].reverse().find((a) => a.type !== 'source_file') ?? node;
}

function find(ctx: FileContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const go of ctx.tree.rootNode.descendantsOfType('go_statement')) {
    const literal = go.namedChild(0)?.childForFieldName('function');
    if (literal?.type !== 'func_literal' || touchesError(go)) continue;
    const body = literal.childForFieldName('body')!;
    // Its own deferred recover, not one of a goroutine nested inside it.
    const stmts = statementsOf(body);
    // Or a deferred helper that recovers (`defer slogutil.RecoverAndLog(ctx, l)`), or handles a panic by
    // its name (`defer common.LogOnPanic()`, status-go's, which logs and panics again: a recover above it would swallow that).
    if (stmts.some((st) => (st.type === 'defer_statement' && /\brecover\(\)|^defer\s+[\w.]*([Rr]ecover|OnPanic|[Hh]andlePanic|[Cc]atchPanic|[Ll]ogPanic)\w*\(/.test(st.text)) || deferredPanicHandler(st, ctx))) continue;
    const owner = [...ancestors(go)].find((a) => a.type === 'function_declaration' || a.type === 'method_declaration')?.childForFieldName('name')?.text ?? 'an anonymous function';
    const message = `a panic in this goroutine (started in ${owner}) crashes the whole process`;
    const logger = panicLoggerAt(go, ctx.tree);
    const debug = packageName(ctx.tree, 'runtime/debug') ?? 'debug';
    const hidden = [logger.name, debug].find((name) => (name !== logger.name || logger.path) && declarationOf(name, body));
    if (hidden) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `a variable ${hidden} of the function hides the package the recovery would call` });
      continue;
    }
    const skipped = skippedReleaseReason(stmts, go, () => ctx.packageIndex());
    if (skipped) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: skipped });
      continue;
    }
    const drained = drainsReader(stmts, body);
    if (drained) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine drains a reader (${drained}): after a recovered panic nothing would read it any more, and its writer (a child process, the other end of a pipe) would block forever where the process used to crash` });
      continue;
    }
    const consumed = consumerLoop(stmts, body, ctx);
    if (consumed) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine is a loop receiving from ${consumed}${/ subscribes to /.test(consumed) ? '' : ', declared outside it'}: after a recovered panic nothing would take from it any more, and its senders would wait forever (or their values be lost) where the process used to crash` });
      continue;
    }
    const calls = calledOrHanded(body);
    const meant = panicsOnPurpose(calls, body);
    if (meant) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: meant });
      continue;
    }
    const recovering = calledTextWhere(calls, ctx.packageIndex(), recoversForGood) ?? safeRunner(calls);
    if (recovering) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine runs its work through ${recovering.via}, which recovers panics itself: what it leaves outside (a failure handler that may escalate on purpose) is left to crash by design` });
      continue;
    }
    // The package's own policy for panics: log them and crash (`defer utilruntime.HandleCrash()` in its controllers' Run: longhorn's manager).
    if (ctx.packageIndex().once('goroutine-recover:handle-crash', () => ctx.packageIndex().anyTextMatches(/\bdefer\s+[\w.]*\bHandleCrash\(/))) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: 'the package defers HandleCrash elsewhere, which logs a panic and lets it crash the process: its policy for panics is to crash, and a recover here would go against it' });
      continue;
    }
    const handed = mutexHandedOn(body, ctx);
    if (handed) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine hands ${handed.mutex} to ${handed.call}, code this package does not show: if it panics while holding that lock, recovered, the lock would stay held and every later Lock would hang where the process used to crash` });
      continue;
    }
    const locking = calledTextWhere(calls, ctx.packageIndex(), (text) => lockNotDeferred(text) !== undefined, true);
    if (locking) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine reaches ${locking.via}, which runs ${lockNotDeferred(locking.text)} without a deferred unlock: after a recovered panic the lock would stay held, and every later Lock would hang where the process used to crash` });
      continue;
    }
    // A deferred call runs, whole, as the panic unwinds, and one started on a goroutine of its own (`go handleConnection(c)`) is not this goroutine's: their releases are not skipped.
    const undeferred = calls.filter((f) => !ancestors(f).some((a) => (a.type === 'defer_statement' || a.type === 'go_statement') && contains(body, a)));
    const released = calledTextWhere(undeferred, ctx.packageIndex(), (t) => releaseOrReArm(t, ctx.packageIndex()) !== undefined, true) ?? releaseInModulePackage(undeferred, ctx, (t) => releaseOrReArm(t, ctx.packageIndex()) !== undefined);
    if (released) {
      const release = releaseOrReArm(released.text, ctx.packageIndex())!;
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine reaches ${released.via}, which runs ${release} outside a defer: after a recovered panic it would be skipped, and ${afterSkipping(release)} where the process used to crash` });
      continue;
    }
    // Or in a closure of the function around, called by name (`doCancel()`, whose `close(cancel)` is the goroutine's whole point: zgrab2's request timeout, recovered, left Do blocked).
    // Or one calling an end by its name (`shutdownServer := func() { if err := srv.Shutdown(ctx); … }`: talos' static pod server).
    const closure = undeferred.map((f) => {
      const body = localClosure(f, f)?.childForFieldName('body');
      const ends = () => body!.descendantsOfType('call_expression').find((c) => signalsEnd(c) && !ancestors(c).some((a) => (a.type === 'defer_statement' || a.type === 'go_statement') && contains(body!, a)))?.text;
      return { f, release: body && (releaseInText(body.text) ?? ends()) };
    }).find(({ release }) => release);
    if (closure) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine calls ${closure.f.text}(), a closure that runs ${closure.release} outside a defer: after a recovered panic it would be skipped, and ${afterSkipping(closure.release!)} where the process used to crash` });
      continue;
    }
    // A goroutine looping for good itself is told so below, not by a loop of what it calls (a file read to its end).
    const ownLoop = loopsForGood(body);
    const found = ownLoop ? undefined : calledTextWhere(undeferred, ctx.packageIndex(), (text) => LOOPS_FOR_GOOD.test(withoutDeferred(text, 'go')));
    const looping = found ? { via: found.via, loop: LOOPS_FOR_GOOD.exec(withoutDeferred(found.text, 'go'))![0].trim() } : ownLoop ? undefined : loopInModulePackage(undeferred, ctx);
    if (looping) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine reaches ${looping.via}, which runs until it is stopped (${looping.loop}…): recovered, a panic would end it for good, with the process up, where the crash used to restart it` });
      continue;
    }
    // Or a function of the package that ranges over a channel named so (`for stat := range s.metaUpdateChan`).
    const consumer = calledTextWhere(undeferred, ctx.packageIndex(), (text) => !!rangedChannel(text, ctx.packageIndex()));
    if (consumer) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine reaches ${consumer.via}, which ranges over ${rangedChannel(consumer.text, ctx.packageIndex())}: after a recovered panic nothing would take from it any more, and its senders would wait forever where the process used to crash` });
      continue;
    }
    const once = oneTimeSetup(body, undeferred, ctx.packageIndex());
    if (once) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine runs a one-time set-up (${once}): a panic inside it, recovered, would leave the Once done with its set-up unfinished, and every later call would use what it never set, where the crash used to restart the process and run it again` });
      continue;
    }
    const callback = lockInCallback(body, lockNotDeferred);
    if (callback) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `a function literal made in the goroutine runs ${callback} without a deferred unlock: called on the goroutine, a recovered panic under the lock would leave it held, and every later Lock would hang where the process used to crash` });
      continue;
    }
    const channel = channelHandedOn(body, ctx.source);
    if (channel) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine hands ${channel.channel} to ${channel.call}, which may send on it or close it: after a recovered panic its reader would wait forever where the process used to crash` });
      continue;
    }
    const handedRelease = releaseHandedOn(body);
    if (handedRelease) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine hands ${handedRelease.release} to ${handedRelease.call}, to call when it is done: after a recovered panic it may never be called, and whoever waits for it would wait forever where the process used to crash` });
      continue;
    }
    const guard = guardSetBefore(go, ctx);
    if (guard) {
      const reason = guard.ready
        ? `the goroutine starts after ${guard.assignment}, a ready flag it sets back once its work is done: after a recovered panic it would stay cleared, and what waits for it wait for good where the process used to crash`
        : `the goroutine starts after ${guard.assignment}, a flag the package clears once the work is done: after a recovered panic it would stay set, and the work never start again where the process used to crash`;
      out.push({ start: go.startIndex, end: body.startIndex, message, reason });
      continue;
    }
    // Or one the starter set earlier, undone in a function the goroutine calls.
    const cleared = clearInCallee(undeferred, go, body, ctx.packageIndex());
    if (cleared) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: cleared });
      continue;
    }
    const worker = workerPerItem(go, body, ctx.packageIndex());
    if (worker) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `${worker.starter} starts the goroutine for each of ${worker.items}, to run ${worker.call}, code the package does not show: a worker per item, likely meant to run for the component's life, and recovered, a panic would leave the process up with it gone where the crash used to restart it` });
      continue;
    }
    const server = servesForGood(body);
    if (server) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine runs ${server}(), a server or loop meant to run for the life of the process: recovered, a panic would leave the process up with it gone where the crash used to restart it` });
      continue;
    }
    // Not in test code, whose reason says more: a test's server is no process's.
    const foreign = inTestCode(ctx.path) || ancestors(go).some((a) => FUNCTION_TYPES.has(a.type) && testingParameter(a)) ? undefined : foreignServer(body, ctx.packageIndex());
    if (foreign) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine runs ${foreign}, named for serving, whose code this package does not declare (another package's server, its loop out of sight): the process's own server, meant to run for its life, and recovered, a panic in it would leave the process up with nothing serving (its health checks may still pass) where the crash used to get it restarted` });
      continue;
    }
    const handedFn = handedFunctionReason(undeferred, ctx.packageIndex());
    if (handedFn) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: handedFn });
      continue;
    }
    const forever = ownLoop;
    if (forever) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: forever.startsWith('<-')
          ? `the goroutine waits for its stop (${forever}) after its setup, keeping what it set up alive until then: recovered, a panic in the setup would leave it down for good, with the process up, where the crash used to restart it`
          : `the goroutine ends in a loop meant to run for the life of the process (${forever}), left only on its stop if at all: a recovered panic would end the loop for good where the crash used to restart the process` });
      continue;
    }
    // An error first; another value after the checks below, whose reasons say more.
    const reported = outcomeHandedBack(stmts, literal);
    const handedBack = reported && `the goroutine hands its outcome back in ${reported.variable}, a variable it shares, and signals its end with ${reported.signal}: after a recovered panic that signal would still come, and its waiter take ${reported.variable}'s zero value (${reported.error ? 'nil: a success' : 'as the result'}) where the process used to crash`;
    if (reported?.error) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: handedBack });
      continue;
    }
    // Or under a directory of tests (`tests/certification/flow/flow.go`: dapr's async test steps).
    if (inTestCode(ctx.path)) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: 'the goroutine is in test code (a _test.go file, or a directory of tests): a panic there fails the test run, and recovered it would only be logged while the test could pass (or hang on what the goroutine never did)' });
      continue;
    }
    const testing = ancestors(go).filter((a) => a.type === 'function_declaration' || a.type === 'method_declaration' || a.type === 'func_literal').map(testingParameter).find(Boolean);
    if (testing) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: `the goroutine runs in test code (a function given ${testing}, a suite shared by other packages' tests): a panic there fails the test run, and recovered it would only be logged while the test could pass` });
      continue;
    }
    const waited = waitedOrMeant(stmts, go, undeferred, ctx.packageIndex()) ?? cancelWaited(stmts, go) ?? acceptedConnLeftOpen(go, literal, ctx.packageIndex()) ?? handedBack ?? callbackReason(undeferred, ctx.packageIndex()) ?? releaseDeferredInCallee(undeferred, go, body, ctx.packageIndex()) ?? endToldAfterWork(stmts, body, ctx.packageIndex()) ?? settledInDefer(stmts, body) ?? stateResetAfterWork(stmts, literal) ?? wrapUpReadsOutcome(stmts, ctx.packageIndex()) ?? starterNeverReturns(go) ?? countBroughtDownLast(stmts, body, ctx.packageIndex()) ?? genericLauncherReason(body, go, ctx.packageIndex()) ?? lockInModulePackage(calls, body, ctx) ?? functionsInTurnReason(body, ctx.packageIndex());
    if (waited) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: waited });
      continue;
    }
    // Last: a reason of substance first, where one holds.
    if (!body.text.includes('\n')) {
      out.push({ start: go.startIndex, end: body.startIndex, message, reason: 'the goroutine body is on one line' });
      continue;
    }
    const nl = eol(ctx.source);
    const ind = `${indentAt(ctx.source, go.startIndex)}\t`;
    // Not a name of the code around (a receiver \`r\`): the recovered value would shadow it.
    const words = codeWords(ctx.source.slice(outermost(go).startIndex, outermost(go).endIndex));
    const r = ['r', 'rec', 'recovered'].find((n) => !words.has(n)) ?? 'r';
    const wrapper = [
      'defer func() {',
      `\tif ${r} := recover(); ${r} != nil {`,
      `\t\t${logger.call(`goroutine started in ${owner} panicked`, r, `${debug}.Stack()`)}`,
      '\t}',
      '}()',
    ];
    const at = afterOpeningBrace(ctx.source, body);
    out.push({
      start: go.startIndex,
      end: body.startIndex,
      message,
      fix: {
        description: 'recover, and log the panic with its stack',
        edits: [{ start: at, end: at, text: wrapper.map((l) => `${nl}${ind}${l}`).join('') }],
        imports: [...(logger.path ? [logger.path] : []), 'runtime/debug'],
      },
    });
  }
  return out;
}
