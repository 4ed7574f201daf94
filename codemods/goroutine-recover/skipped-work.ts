import type { FileContext } from '../../src/engine/types.js';
import { calledTextWhere } from '../../src/go/called-functions.js';
import { loopShape } from '../../src/go/loops.js';
import { ticksFromCall } from './tick-range.js';
import { pollsWithoutTimeout } from './poll-forever.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, CHANNEL_NON_READERS, contains, firstLine, insideLiteral, statementsOf, onOwnPath, type Node } from '../../src/go/syntax.js';
import { lastBeforeLogging } from './loop-then-log.js';

export { acceptedConnLeftOpen } from './accepted-conn.js';

// What a recovered panic would skip, beyond the goroutine's own releases: each of these made the
// process hang or run on without the goroutine's work where it used to crash and restart.

/** A channel that tells when to stop or run, not what to take: a done channel, a timer's or ticker's. */
export const SIGNAL_CHANNEL = /\.C$|^time\.|(^|\.)(done|quit|stop|closing|closed|exit|shutdown|die)\w*$/i;

/** Calls that end the process: `os.Exit`, and any logger's `Fatal` (`log.Fatalln`, zap's `Fatal`), or `log.Panic`. */
export const ENDS_PROCESS = /^(os\.Exit|syscall\.Exit)$|(^|\.)Fatal(f|ln|w)?$|^log\.Panic(f|ln)?$/;

/** Words of a call giving back what was taken for the work: a reservation, a queued item, a transaction. */
const GIVES_BACK = 'Unreserve|Requeue|Rollback';
/** Such a call in a statement, and a method name holding such a word (`RunReservePluginsUnreserve`). */
const GIVES_BACK_CALL = new RegExp(`(${GIVES_BACK})\\w*\\(`);
const GIVES_BACK_NAME = new RegExp(`(^|[a-z])(${GIVES_BACK})([A-Z]\\w*)?$`);

/** A message's acknowledgement or its refusal (`d.Ack(false)`, `d.Nack(false, true)`, `m.Nak()`): the broker holds the message until one comes. */
const ACKNOWLEDGES = 'Ack|Nack|Nak|Reject';
const ACKNOWLEDGED = new RegExp(`^[\\w.]+\\.(${ACKNOWLEDGES})\\w*\\(`);
const ACKNOWLEDGE_CALL = new RegExp(`(?<![\\w.])[\\w.]+\\.(?:${ACKNOWLEDGES})\\([^()\\n]*\\)`);
/** Names of calls that tell another side the goroutine's work ended (see signalsEnd). */
const END_NAME = new RegExp(`^(Send|send|Trigger|trigger)?([Cc]lose|Done|Finish|Complete|[Rr]elease|[Ss]hut[Dd]own|Restart|Signal|Broadcast|[Ss]top|GracefulStop|Cancel|Terminate|Quit|Kill|Abort|Disconnect|Drain|${ACKNOWLEDGES}|Flush|End)([A-Z]\\w*)?$`);

/** What skipping a statement leaves behind: a process running on (an exit skipped), or someone waiting. */
export function afterSkipping(statement: string): string {
  // As ENDS_PROCESS, on a call's text (`log.G(ctx).WithError(err).Fatal("…")`).
  const exits = /^(os|syscall)\.Exit\(|\.Fatal(f|ln|w)?\(|^log\.Panic(f|ln)?\(/.test(statement);
  if (exits) return 'the process would run on without the goroutine';
  if (/\.(Stop|stop|GracefulStop)\w*\(/.test(statement)) return 'what it stops would run on for good (a ticker, a scheduler still running its jobs)';
  if (/^delete\(|\.Delete\(/.test(statement)) return 'the entry would stay for good (a registry handing out what is gone, a job marked running never run again)';
  if (/^atomic\.Store\w*\(|\.Store\(/.test(statement)) return 'the flag would stay set for good (the work refused from then on as already running)';
  if (/\.Reset\([^)]*\)$/.test(statement)) return 'the timer would never be re-armed, and the periodic work it runs would stop for good (a certificate never renewed again)';
  if (/^time\.AfterFunc\(/.test(statement)) return 'what it schedules would never run (a pause never lifted, a retry never made)';
  if (GIVES_BACK_CALL.test(statement)) return 'what was taken for the work would stay taken (a reservation kept, an item never queued again, a transaction left open)';
  if (/\.[Tt]rigger\w*\(\)$/.test(statement)) return 'what it tells to close or stop would never be told, and whoever waits for that (a WaitForClose) would wait forever';
  if (/\.R?Unlock\(\)$/.test(statement)) return 'the lock would stay held for good, and whoever takes it next would wait forever';
  if (ACKNOWLEDGED.test(statement)) return 'the message would stay unacknowledged, holding a slot of the consumer\'s prefetch window and never redelivered while the connection lives';
  if (/^\w+\.Send(Msg)?\(/.test(statement)) return 'the reply would never be sent, and the peer waiting for it in lock-step would wait forever (a worker left connected, never given work again)';
  if (/\.Flush\w*\([^]*\)$/.test(statement)) return 'what it buffered would never be written out (a reply, the last lines of a log)';
  if (/\.End(?:[A-Z]\w*)?\([^]*\)$/.test(statement)) return 'what it ends would stay open for good (a trace span never finished nor exported, a record left begun)';
  if (/(^c|\.C|^\w*C)ancel\w*\([^]*\)$/.test(statement)) return 'what it cancels would run on (its context never done)';
  return /\.Close\w*\([^]*\)$/.test(statement) ? 'what it closes would stay open for good (a file and its lock, a connection, a pipe whose reader would wait forever)' : 'whoever waits for it would wait forever';
}

/**
 * A call that tells someone the goroutine's work ended, by its name, whatever package it is in:
 * `Close…`, `Done`, `Finish…`, `Release…`, `Shutdown`, `Stop…`, `Restart` (mattermost's server restart,
 * which shuts down and execs itself anew), `Signal`, `Broadcast`, `End` (a trace span's), and `Send…` forms of them
 * (mosdns' `SendCloseSignal(err)`). Not a context's `Done()` received from.
 */
export function signalsEnd(call: Node): boolean {
  if (call.type !== 'call_expression' || call.parent?.type === 'unary_expression') return false;
  // `c.Run(ctx.Done())`: a context's done channel handed on, not a release.
  if (call.parent?.type === 'argument_list' && /\.Done$/.test(call.childForFieldName('function')?.text ?? '') && call.childForFieldName('arguments')?.namedChildCount === 0) return false;
  const fn = call.childForFieldName('function');
  const name = fn?.type === 'selector_expression' ? fn.childForFieldName('field')!.text : '';
  // `cancelCh := h.Context().Done()`, `if status.Signal() == syscall.SIGKILL`: a getter whose value
  // is used, not a call that tells anyone anything.
  if (/^(Done|Signal)$/.test(name) && call.childForFieldName('arguments')?.namedChildCount === 0 && call.parent?.type !== 'expression_statement') return false;
  // Or one that gives back what was taken for the work, wherever in its name (`fwk.RunReservePluginsUnreserve(…)`,
  // `q.Requeue(item)`): clusternet's scheduler, recovered in its binding goroutine, left the
  // subscription reserved and never queued again.
  // Also a package's own, lower case (`s.stopEtcd()` after `<-ctx.Done()`: rke2's cluster reset,
  // recovered, left etcd running and exited 0), and grpc's `GracefulStop` (tink's server).
  // And client-go's workqueue `ShutDown()` (purelb's controller hung on SIGTERM), a cancel, a kill, an
  // acknowledgement or a flush: each tells another side to stop waiting, or lets it go on.
  // Also one that sets such an end going without waiting for it (`i.out.TriggerCloseNow()`,
  // `TriggerStopConsuming()`: benthos' outputs, told to close only once their pipeline had;
  // recovered, a panic in its wait left the output open and its WaitForClose blocked for good).
  // Not housekeeping named so (`tr.CloseIdleConnections()`: external-dns' token refresher), which no one waits for.
  if (/^CloseIdle/.test(name)) return false;
  // A span's \`End()\`, not \`EndRecords(…)\`: what a start just before began (startedBefore) says more.
  if (/^End[A-Z]/.test(name)) return false;
  return END_NAME.test(name) || GIVES_BACK_NAME.test(name);
}

/**
 * In a function the goroutine reaches: a release, a send or the end of the process outside a
 * defer (`close(s.Close)` in sish's `CleanUp`, `os.Exit(1)` in AdGuard's `fatalOnError`). As
 * written.
 */
export function releaseInText(text: string): string | undefined {
  const own = withoutDeferred(text);
  // As statements of their own: `<-ctx.Done()` waits, it releases nothing.
  // And a send (`resCh <- &Result{…}` in ali's `Attack`): its receiver waits for it.
  // And a resource closed after its use (`w.Close()` after `whisper.Open…`: go-carbon's reads,
  // recovered, kept the file and its shared flock, and the persister's exclusive lock hung).
  // Not a variable declared a receive-only channel (`tickerCh <-chan time.Time` in a `var (…)` group).
  const m = /(?:^|[{;])\s*(close\([^)]*\)|[\w.]+\.(?:Done|Unlock|RUnlock|Close)\(\)|(?!(?:case|return|go|defer|else)\b)[\w.]+(?:\[[^\]\n]*\])?\s*<-\s*(?!chan\b)[^\n;]+?)(?:\s*;|\s*$|\s+\})|\b(os\.Exit\([^)]*\)|[\w.]+\.Fatal(?:f|ln|w)?\([^)]*\))/m.exec(own);
  // Or an action scheduled for later (`s.enableTimer = time.AfterFunc(d, r.EnableBlocking)`: blocky's
  // pause of blocking, recovered half-way, was never lifted).
  // Or a message acknowledged after its handling, in a check of its error too (`if err = d.Ack(false); err != nil`).
  const ack = ACKNOWLEDGE_CALL.exec(own)?.[0];
  const found = m?.[1] ?? m?.[2] ?? ack ?? (/\btime\.AfterFunc\(/.test(own) ? 'time.AfterFunc(…)' : undefined);
  // A value written over several lines: its first line, marked as cut.
  return found && (found.split('{').length > found.split('}').length || found.split('(').length > found.split(')').length) ? `${found}…` : found;
}

/**
 * A function's text without its deferred statements (a `defer func() {…}()` whole), or with
 * `keyword` 'go', without the goroutines it starts.
 */
export function withoutDeferred(text: string, keyword: 'defer' | 'go' = 'defer'): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(new RegExp(`\\b${keyword}\\b`, 'g'))) {
    if (m.index! < at) continue;
    out += text.slice(at, m.index);
    let end = text.indexOf('\n', m.index);
    if (new RegExp(`^${keyword}\\s+func\\s*\\(`).test(text.slice(m.index))) {
      let depth = 0;
      for (let i = text.indexOf('{', m.index); i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    at = end < 0 ? text.length : end;
  }
  return out + text.slice(at);
}

/**
 * A flag set just before the goroutine starts that the package clears once the work is done
 * (`l.flushPending = true; go func() { l.flushLogBuffer(ctx) }()`, cleared in `encodeEntries`): a
 * guard against a second start. After a recovered panic it would stay set, and the work never
 * start again (AdGuard's query log stopped being written). Or a ready flag cleared just before,
 * that the goroutine sets once its work is done (`conf.StoragesLoaded = false`, then `…;
 * conf.StoragesLoaded = true` at its end: alist refused every request until then): after a
 * recovered panic it would stay cleared. A field, or a package variable. The assignment, and
 * whether it is a ready flag.
 */
export function guardSetBefore(go: Node, ctx: FileContext): { assignment: string; ready: boolean } | undefined {
  const literal = go.namedChild(0)?.childForFieldName('function');
  const goBody = literal?.type === 'func_literal' ? withoutDeferred(literal.childForFieldName('body')?.text ?? '') : '';
  // Six statements back: a start that sets its flag, then checks its options and makes its
  // channels (m3's in-process dbnode: `d.started = true`, an early return, two makes, then go).
  for (let prev = go.previousNamedSibling, n = 0; prev && n < 6; prev = prev.previousNamedSibling, n++) {
    if (prev.type !== 'assignment_statement') continue;
    const left = prev.childForFieldName('left')?.namedChildren[0];
    const right = prev.childForFieldName('right')?.namedChildren[0]?.text ?? '';
    const name = left?.type === 'selector_expression' ? `\\.${left.childForFieldName('field')!.text}` : left?.type === 'identifier' && !declarationOf(left.text, prev) ? `(?<![\\w.])${left.text}` : undefined;
    if (!name) continue;
    if (/^(true|[1-9]\d*)$/.test(right) && ctx.packageIndex().anyTextMatches(new RegExp(`${name}\\s*=\\s*(false|0)\\b`))) return { assignment: prev.text, ready: false };
    if (/^(false|0)$/.test(right) && new RegExp(`${name}\\s*=\\s*(true|[1-9]\\d*)\\b`).test(goBody)) return { assignment: prev.text, ready: true };
  }
  return undefined;
}

/**
 * A function literal made in the goroutine (a callback it hands on: `PublicKeyCallback:
 * func(…) { p.kubeExecMu.Lock(); … p.kubeExecMu.Unlock() }`) that takes a lock without a deferred
 * unlock: it runs on the goroutine, and a panic under the lock would leave it held. The lock.
 */
export function lockInCallback(body: Node, lockNotDeferred: (text: string) => string | undefined): string | undefined {
  for (const literal of body.descendantsOfType('func_literal')) {
    const lock = lockNotDeferred(literal.text);
    if (lock) return lock;
  }
  return undefined;
}

/**
 * A release handed to other code as a value (`f(s.wg.Done, s.closeSignal)`, `run(cancel)`): the
 * callee calls it when it is done, maybe not in a defer. As written, with the call.
 */
export function releaseHandedOn(body: Node): { release: string; call: string } | undefined {
  for (const call of body.descendantsOfType('call_expression')) {
    if (insideLiteral(call, body)) continue;
    const arg = call.childForFieldName('arguments')?.namedChildren.find((a) => /^([\w.]+\.(Done|Unlock|RUnlock)|cancel\w*)$/.test(a.text));
    if (arg) return { release: arg.text, call: `${firstLine(call.childForFieldName('function')!.text)}()` };
  }
  return undefined;
}

/**
 * The goroutine ends in a loop meant to run for the life of the process: `for { err := l.Start();
 * …; time.Sleep(d) }`, left only on its stop if at all, `for range t.C`, or one going on while a
 * call says so (kine's TTL worker, `for handle(ctx, …) {}`). A recovered panic would end
 * the loop for good, where the crash used to restart the process (routedns' listener restarts).
 * The loop's first line.
 */
export function loopsForGood(body: Node): string | undefined {
  const statements = statementsOf(body).filter((s) => s.type !== 'comment');
  // Or it waits for its stop after its setup (`setup(); <-ctx.Done(); …`): it keeps what it set up
  // alive until then. Not a hook run on cancel, which waits first (`<-ctx.Done(); f()`).
  const stopWait = statements.slice(1).find((s) => s.type === 'expression_statement' && /^<-\s*[\w.]+\.Done\(\)$/.test(s.text));
  if (stopWait) return stopWait.text;
  // Or never ends on purpose (`store.Switchboard(); <-make(chan struct{})`, `select {}`: mox's serve).
  const forever = statements.find((s) => /^<-\s*make\(\s*chan\b[^()]*(\(\))?\)$|^select\s*\{\s*\}$/.test(s.text));
  if (forever) return forever.text;
  // A labeled loop too (`loop: for { … break loop }`: koanf's AppConfig poller).
  const ended = lastBeforeLogging(statements);
  const last = ended?.type === 'labeled_statement' ? ended.namedChildren.find((c) => c.type === 'for_statement') : ended;
  if (last?.type !== 'for_statement') return undefined;
  const shape = loopShape(last);
  // Also over a local holding the ticks (`t := time.Tick(d)`, then `for range t`: orchestrator's metrics loop).
  const over = shape.kind === 'range' ? shape.over : undefined;
  const found = over?.type === 'identifier' ? declarationOf(over.text, over) : undefined;
  const held = found && 'local' in found ? found.local.value?.text : undefined;
  const ticks = [over?.text, held].some((t) => /(\.C|time\.Tick\(.*\))$/.test(t ?? '') || ticksFromCall(t));
  // `for handle(ctx, queue) {}`, `for ctx.Err() == nil {`: a worker looping while a call says so.
  const cond = shape.kind === 'conditional' ? last.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment') : undefined;
  const working = !!cond && cond.descendantsOfType('call_expression').length + (cond.type === 'call_expression' ? 1 : 0) > 0;
  // `for true {` is `for {` (skycoin's message pump).
  if (shape.kind !== 'forever' && !ticks && !working && cond?.text !== 'true') return undefined;
  // Its ways out, if any, are its stop (`if o.IsClosed() { break }`: goreplay's flusher).
  return firstLine(last.text);
}

/**
 * A one-time set-up (`once.Do(…)`, a `sync.Once`'s) the goroutine runs, in its own statements or
 * in a function of the package it reaches: a panic inside it, recovered, leaves the Once done with
 * its set-up unfinished, and every later call uses what it never set (gorush's push client, made
 * in a `once.Do` that panics when its token fetch fails). The call, or the call leading to it.
 */
export function oneTimeSetup(body: Node, calls: Node[], index: PackageIndex): string | undefined {
  const own = ONCE_DO.exec(body.text);
  if (own) return `${own[0]}…)`;
  return calledTextWhere(calls, index, (text) => ONCE_DO.test(text))?.via;
}

const ONCE_DO = /\b[\w.]*[oO]nce\w*\.Do\(/;

/**
 * A function the goroutine reaches that runs for good or until stopped: it loops (`for {`, `for
 * range t.C`, `for ctx.Err() == nil {`: dapr's Solace subscription, recovered, was never consumed again;
 * `for scanner.Scan() {` after a process's pipe, a connection or stdin is opened, a stream read for as
 * long as it lasts, a `tail -f`: casdoor's audit log collector; not a parse of a buffer), waits for its stop as a statement of its own (`<-ctx.Done()`, after its setup:
 * boringproxy's tunnels), or serves (`server.ListenAndServe()`: sealos' pprof server).
 */
export const LOOPS_FOR_GOOD = /\bfor\s*(?:true\s*)?\{|(?<=(StdoutPipe|StderrPipe|\.Accept|net\.Dial\w*)\([\s\S]*|os\.Stdin\b[\s\S]*)\bfor\s+[\w.]+\.Scan\(\)\s*\{|\bfor\s+[\w.]+\.Err\(\)\s*==\s*nil\s*\{|\bfor\s+range\s+([\w.]+\.C|time\.Tick\([^)]*\))\s*\{|^[ \t]*<-\s*[\w.]+\.Done\(\)[ \t]*$|\bListenAndServe\w*\(|\.Serve\(/m;

/**
 * A server the goroutine runs in its own statements (`srv.Serve(l)`, `http.ListenAndServe(…)`,
 * `s.runLoop()`): meant to serve for the life of the process, and recovered, a panic would leave
 * the process up with nothing serving where the crash used to restart it (Dragonfly's managers).
 * The call's function, as written.
 */
export function servesForGood(body: Node): string | undefined {
  const call = body
    .descendantsOfType('call_expression')
    .find((c) => !ancestors(c).some((a) => (a.type === 'func_literal' || a.type === 'defer_statement') && contains(body, a)) && serves(c));
  return call?.childForFieldName('function')?.text;
}

/** An argument that tells a runner when to stop: a context or a stop channel. */
const STOP_ARG = /ctx|context|stop|done|quit|shutdown/i;

/**
 * A call named for serving or looping (`Serve`, `ListenAndServe`, `runLoop`), or a method `Start`
 * or `Run` (or a function value `run`, `start`) given nothing but maybe a context or a stop
 * channel, and a period (`c.nginxStatus.Start()`: ingress-nginx's scrape loop, behind an interface;
 * `routeManager.Run(stopChan, 2*time.Minute)`: ovn-kubernetes' route manager;
 * `cache.Start(stopChan)`: the VPC CNI's informer cache, recovered, left start-up waiting for its
 * sync for good), a command's aside
 * (`cmd.Run()` runs a process).
 */
function serves(call: Node): boolean {
  const fn = call.childForFieldName('function')?.text ?? '';
  // And a web framework's own server start (echo's `e.StartTLS(addr, cert, key)`: gotenberg's API).
  if (/(^|\.)(Serve\w*|ListenAndServe\w*|\w*[lL]oop|Start(TLS|Server|H2CServer|AutoTLS))$/.test(fn)) return true;
  // And a periodic runner, from the package it is in whatever it is (`wait.Until(f, period, stopCh)`,
  // `wait.Forever`, `ticker.Tick(cm.doStats, period, cm.done)`: rocketmq's stats task, recovered
  // in the goroutine starting it, was never started).
  // A poll until a condition (`wait.PollUntilContextCancel(ctx, 5*time.Second, true, restart)`:
  // rke2's kubelet supervisor, recovered, never restarted the kubelet again).
  if (fn !== 'time.Tick' && /(^|\.)(Until|UntilWithContext|JitterUntil\w*|NonSlidingUntil\w*|Forever|Tick|Poll\w*(Until|Infinite)\w*)$/.test(fn)) return true;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (pollsWithoutTimeout(fn, args)) return true;
  // Or any call given its stop channel and a period (`s.silences.Maintenance(interval, snap,
  // s.stopc, gc)`: signoz's silence maintenance, in alertmanager's package, recovered, stopped for good).
  const period = (a: Node) => /[Ii]nterval|[Pp]eriod|\btime\.(Second|Minute|Hour|Millisecond)\b/.test(a.text);
  if (args.some((a) => /^[\w.]+$/.test(a.text) && /(^|\.)(stop|done|quit|shutdown)\w*$/i.test(a.text)) && args.some(period)) return true;
  // Or given nothing but a context and a period (`co.gc.GarbageCollectWatches(ctx, time.Minute)`:
  // crossplane's watch collector, behind an interface, recovered, never collected again).
  // A statement of its own, its result not taken (not \`context.WithTimeout(ctx, d)\`, nor a range's ticks).
  if (call.parent?.type === 'expression_statement' && args.length === 2 && args.some((a) => /^[\w.]+$/.test(a.text) && /(^|\.)(ctx|context)\w*$/i.test(a.text)) && args.some(period)) return true;
  // Or a function value named so (`run, _ := e.server.GetEventsListener(…)`, then `run()`:
  // tetragon's exporter loop).
  const named = /\.(Start|Run)$/.test(fn) || /^(run|start|serve|listen)$/i.test(fn);
  return named && !/(^|\.)([cC]md|[cC]ommand|c?[pP]roc|[pP]rocess|[eE]xec)([A-Z_\d]\w*)?\.\w+$/.test(fn) && args.length <= 2 && (args.length === 0 || args.some((a) => STOP_ARG.test(a.text))) && args.every((a) => STOP_ARG.test(a.text) || /time\.|^\d/.test(a.text));
}

/** A call named for sending on the channel it is given: `WriteNonBlocking`, `trySend`, `notify`, `signalDone`. */
const SENDS_ON = /(^|\.)(write|send|trySend|notify|signal|emit|publish|put|push)\w*$/i;

/**
 * A channel the goroutine hands to a call in its own statements (`attacker.Attack(ctx, url,
 * resultCh, opts)`, declared a channel in the file or named for one): the callee sends on it or
 * closes it, maybe out of sight, and after a recovered panic its reader would wait forever (ali's
 * chart froze). The channel, with the call.
 */
export function channelHandedOn(body: Node, source: string): { channel: string; call: string } | undefined {
  for (const call of body.descendantsOfType('call_expression')) {
    if (!onOwnPath(call, body)) continue;
    const fn = call.childForFieldName('function')?.text ?? '';
    if (CHANNEL_NON_READERS.test(fn)) continue;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      // Not a slice spread (\`opts...\`): no channel, and no name to look for.
      if (!/^[\w.]*\w$/.test(arg.text)) continue;
      const name = arg.text.split('.').pop()!;
      const declared = new RegExp(`\\b${name}\\s+(<-\\s*)?chan\\b|\\b${name}\\s*:?=\\s*make\\(\\s*(<-\\s*)?chan\\b`).test(source);
      if (declared || /[a-z](Ch|Chan|Channel)$/.test(name)) {
        // A stop signal handed on is the callee's to read, unless the call is named for sending
        // (`chanutil.WriteNonBlocking(stoppedCh, struct{}{})`: calico's deferred controller, its
        // loop never told that the inner one had stopped, never restarted it).
        if (SIGNAL_CHANNEL.test(arg.text) && !SENDS_ON.test(fn)) continue;
        return { channel: arg.text, call: `${firstLine(fn)}()` };
      }
    }
  }
  return undefined;
}
