import { closedFieldForWaiter } from './closed-field.js';
import { calledTextWhere } from '../../src/go/called-functions.js';
import { receivesFrom, regexEscaped } from '../../src/go/find-by-text.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { ancestors, enclosingFunction, firstLine, FUNCTION_TYPES, isLogStatement, previousStatement, same, statementsOf, type Node } from '../../src/go/syntax.js';
import { declarationOf } from '../../src/go/scope.js';
import { pipeClosedOnExit, pipeDrainedAlone, pipeFedAlone, streamClosedOnExit } from './pipes.js';
import { fieldGroupWaited } from './field-groups.js';
import { countedReceives } from './counted-receives.js';
import { polledCounter } from './polled-counter.js';
import { handlesSignals } from './signals-handled.js';
import { polledOutcome } from './polled-outcome.js';
import { doneByChildrenReason } from './done-by-children.js';

// Goroutines whose work someone goes on with, or whose panic is meant to stop the process:
// recovered, the loss of their work would pass for success, or the process run on.

/** Why the goroutine's panic must not be recovered, for these reasons, if one holds. */
export function waitedOrMeant(stmts: Node[], go: Node, undeferred: Node[], index: PackageIndex): string | undefined {
  const children = doneByChildrenReason(go.namedChild(0)?.childForFieldName('function')?.childForFieldName('body') ?? go, go);
  if (children) return children;
  const text = stmts.map((s) => s.text).join('\n');
  const late = lateRelease(stmts);
  if (late) {
    return `the goroutine defers ${late.release} only after other statements (line ${late.row}): a panic in those, recovered, would leave it never called, and whoever waits for it would wait forever where the process used to crash`;
  }
  const signals = handlesSignals(text, go);
  if (signals) {
    return `the goroutine handles the signals signal.Notify sends on ${signals}, which no longer end the process by default: recovered, a panic would leave later ones unhandled (Ctrl+C no longer stopping the program) where the crash used to end it`;
  }
  const status = statusSetBefore(text, go);
  if (status) {
    return `the goroutine starts after ${status}, a status it sets again when its work ends: recovered, a panic would leave that status set for good (an upgrade still running, a record still waiting) where the crash used to restart the process and its start-up reset it`;
  }
  const started = startedBefore(text, go);
  if (started) {
    return `the goroutine finishes what ${started.start} began (${started.end}): recovered, a panic would leave it begun for good (a run record still waiting, no failure reported) where the crash used to restart the process and its start-up close it`;
  }
  const pipe = pipeClosedOnExit(stmts, go, index);
  if (pipe) {
    return `the goroutine closes the write end of a pipe in a defer (${pipe}): recovered, a panic would end the data early with a clean end of file, and its reader would take the cut-off data as complete where the process used to crash`;
  }
  const stream = streamClosedOnExit(stmts, go.namedChild(0)?.childForFieldName('function')?.childForFieldName('body') ?? go, go, index);
  if (stream) {
    return `the goroutine closes the channel its values go out on in a defer (${stream}): recovered, a panic would end the stream early with a clean close, and its reader would take the cut-off values as complete where the process used to crash`;
  }
  const fed = pipeFedAlone(stmts, go) ?? pipeDrainedAlone(stmts, go, index);
  if (fed) return fed;
  // Or in a deferred literal (`defer func() { if err := stream.CloseSend(); err != nil { … } }()`).
  const sendEnd = stmts.map((st) => (st.type === 'defer_statement' ? /(?<![\w.])[\w.]+\.CloseSend\(\)/.exec(st.text)?.[0] : undefined)).find(Boolean);
  if (sendEnd) {
    return `the goroutine ends its side of a stream in a defer (${sendEnd}): recovered, a panic would end the request early as if complete, and the peer would answer the part it got where the process used to crash`;
  }
  const marker = markerClearedAfter(stmts);
  if (marker) {
    return `the goroutine marks its work in ${marker.map} (${marker.store}) and clears the mark after it, outside a defer (${marker.clear}): recovered, a panic would leave the mark set for good (a task still marked running, skipped from then on) where the crash used to clear it`;
  }
  const paired = undoneAfter(stmts, go);
  if (paired) {
    return `the goroutine undoes ${paired.done} after its work, outside a defer (${paired.undo}): recovered, a panic would skip it and leave the count or registration raised for good (a gauge of open entries drifting up with each panic) where the crash used to reset it`;
  }
  const notify = notifiesAfterWait(stmts, go);
  if (notify) {
    return `the goroutine waits (${notify.wait}) and then calls ${notify.callback}, a function its caller hands in to be told: a signal someone may wait for, and recovered, a panic in it would leave them waiting where the process used to crash`;
  }
  const published = publishedLast(stmts);
  if (published && !published.handsOn) {
    return `the goroutine ends by publishing its outcome (${published.call}): recovered, a panic would leave the last value standing (a health gauge still reading healthy) where the crash used to make the failure seen`;
  }
  const polled = published ? undefined : polledOutcome(stmts, go, index);
  if (polled) return `the goroutine ends by publishing its outcome through ${polled.call}, which sets ${polled.field}, and ${polled.poller} polls for it (${polled.poll}): recovered, a panic would leave it unset and the poller waiting forever where the crash used to make the failure seen`;
  const joined = joinedAfter(stmts, go);
  if (joined) {
    const who = joined.byCaller ? `the caller that hands ${joined.group} in` : joined.around ? 'the function around the closure that starts the goroutine' : 'the function that starts the goroutine';
    return `${who} waits for it (${joined.wait}) and goes on with what it did: recovered, a panic would leave its part undone, and ${joined.byCaller ? 'the caller' : 'the function'} would go on as if it had succeeded (a fan-out returning partial results with no error) where the process used to crash`;
  }
  const field = fieldGroupWaited(stmts, go, index);
  if (field) return `${field.by} waits for it (${field.wait}) and goes on with what it did: recovered, a panic would leave its part undone, and ${field.by} would go on as if it had succeeded (a workflow reported finished with a step never traced) where the process used to crash`;
  const closed = closedForWaiter(stmts, go, index);
  if (closed) {
    return `the goroutine signals its end with a deferred ${closed.close}, and ${closed.waiter} waits for it and goes on: recovered, a panic would still ${closed.close.startsWith('close(') ? 'close it' : 'send it'}, and the failure would pass for success (a clean-up reported done, a log drained to its end) where the process used to crash`;
  }
  const panics = calledTextWhere(undeferred, index, (text) => PANICS.test(text));
  if (panics) {
    return `the goroutine reaches ${panics.via}, which panics on purpose: recovered, the process would go on where it was meant to stop`;
  }
  if (published?.handsOn) {
    return `the goroutine ends by handing on what its work gave (${published.call}): recovered, a panic would skip it, and whoever waits for it would wait for good or read nothing (a request never answered, an exit code read as 0: a clean stop, not restarted) where the crash used to make the failure seen`;
  }
  return undefined;
}

/** A panic as a call of its own (`panic(err)`), not `log.Panic` nor a method named so. */
const PANICS = /(^|[^\w.])panic\(/m;

/**
 * A release deferred after other statements (`name := e.Name; …; defer wg.Done()`): the release
 * and its line. An unlock counts only the statements after its lock (`mu.Lock(); defer
 * mu.Unlock()` holds nothing while the statements before the lock run).
 */
function lateRelease(stmts: Node[]): { release: string; row: number } | undefined {
  const own = stmts.filter((st) => st.type !== 'comment');
  for (const [i, st] of own.entries()) {
    const m = st.type === 'defer_statement' ? /^defer\s+(close\([^)]*\)|([\w.]+)\.(Done|Unlock|RUnlock|Release)\(\))\s*$/.exec(st.text) : null;
    // Or a deferred literal that signals (`defer func() { numCompleted++; mu.Unlock() }()`:
    // flyctl's deploy polled that count for good): a lock taken just before it is no work.
    const signalling = !m && st.type === 'defer_statement' && /^defer\s+func\s*\(\s*\)\s*\{[\s\S]*(\+\+|\+=|\bclose\(|\.Done\(\)|<-)/.test(st.text);
    if (signalling && own.slice(0, i).some((s) => s.type !== 'defer_statement' && !/^[\w.]+\.R?Lock\(\)$/.test(s.text))) return { release: firstLine(st.text).replace(/^defer\s+/, ''), row: st.startPosition.row + 1 };
    if (!m) continue;
    let from = 0;
    if (m[3] === 'Unlock' || m[3] === 'RUnlock') {
      const lock = `${m[2]}.${m[3] === 'Unlock' ? 'Lock' : 'RLock'}()`;
      from = own.slice(0, i).map((s) => s.text).lastIndexOf(lock) + 1;
    }
    if (own.slice(from, i).some((s) => s.type !== 'defer_statement')) return { release: m[1], row: st.startPosition.row + 1 };
  }
  return undefined;
}

/**
 * The `wg.Wait()` after the go statement, in the function that starts it, of a group the goroutine
 * marks done (`defer wg.Done()`): the function goes on with what the goroutines did. Or a group
 * that function is handed, which its caller waits for. The wait as written, and the group.
 */
function joinedAfter(stmts: Node[], go: Node): { wait: string; group: string; byCaller: boolean; around?: boolean } | undefined {
  const after = afterStart(go);
  for (const st of stmts) {
    const group = /^defer\s+([\w.]+)\.Done\(\)\s*$/.exec(st.text)?.[1];
    const wait = group ? new RegExp(`(?<![\\w.])${regexEscaped(group)}\\.Wait\\(\\)`).exec(after) : null;
    if (wait) return { wait: firstLine(wait[0]), group: group!, byCaller: false };
    // A group handed in by the caller, who waits for it and goes on (k3s' start-up hooks, given
    // `wg *sync.WaitGroup`: rke2's kube-proxy hook, recovered half-way, let start-up stage the chart
    // the user had disabled).
    const root = group?.split('.')[0];
    const found = root ? declarationOf(root, go) : undefined;
    if (found && 'param' in found && same(found.param.fn, startingFunction(go))) return { wait: `${group}.Wait()`, group: root!, byCaller: true };
    // Or a group of the function around a closure that starts it, which waits for it after
    // (`goGather := func(…) { wg.Add(1); go func() { defer wg.Done(); … }() }`, then `wg.Wait()`:
    // go-agent's utilization gatherers).
    const around = found && 'local' in found ? enclosingFunction(found.local.decl) : undefined;
    const later = around && !same(around, startingFunction(go)) ? new RegExp(`(?<![\\w.])${regexEscaped(group!)}\\.Wait\\(\\)`).exec(around.text.slice(go.endIndex - around.startIndex)) : null;
    if (later) return { wait: firstLine(later[0]), group: group!, byCaller: false, around: true };
  }
  // Or a join by counted receives (`defer func() { done <- struct{}{} }()`, then `for range stmts { <-done }`).
  return countedReceives(stmts, go) ?? polledCounter(stmts, after);
}

/**
 * A channel the goroutine closes in a defer (`defer close(done)`), made by the function that starts
 * it, which then receives from it (`select { case <-done: return nil; case <-timer.C: … }`: act's
 * runner took a panicking clean-up for a finished one), or returns it (river's cancellable sleep,
 * its end taken by a retry loop: recovered, a panic would end the sleep at once), or keeps it in a field the package
 * receives from (`cr.attachDone = done`, then `<-cr.attachDone` in `wait()`: the job's log, its
 * tail dropped, passed). The close as written, and who waits.
 */
function closedForWaiter(stmts: Node[], go: Node, index: PackageIndex): { close: string; waiter: string } | undefined {
  const fn = startingFunction(go);
  for (const st of stmts) {
    const chan = /^defer\s+close\((\w+)\)\s*$/.exec(st.text)?.[1];
    const found = chan ? declarationOf(chan, go) : undefined;
    if (!found || !('local' in found) || !/^make\(\s*chan\b/.test(found.local.value?.text ?? '')) continue;
    // Or the function making it, when the goroutine starts in a literal it hands on (`p.actions <- func() { go … }`, then `<-c`).
    const maker = enclosingFunction(found.local.decl) ?? fn;
    if (maker && receivesFrom(maker.text.slice(go.endIndex - maker.startIndex), chan!)) return { close: `close(${chan})`, waiter: same(maker, fn) ? 'the function that starts it' : 'the function that makes it, after the literal starting it,' };
    // Returned to the caller (`return doneChan`: river's CancellableSleepC, a sleep's end in a select).
    if (new RegExp(`\\breturn\\b[^\\n;]*(?<![\\w.])${chan}\\b(?!\\s*[.(\\[])`).test(afterStart(go))) return { close: `close(${chan})`, waiter: 'the caller it is returned to' };
    const field = new RegExp(`[\\w.]+\\.(\\w+)\\s*=\\s*${chan}\\b`).exec(fn?.text ?? '')?.[1];
    if (field && index.anyTextMatches(new RegExp(`<-\\s*[\\w.]*\\.${field}\\b`))) return { close: `close(${chan})`, waiter: `the code receiving from the field ${field} it is kept in` };
    // Or handed to a registry that waits on it (`mc.runningTimers.add(ch)`: gVisor's fake clock).
    const handed = new RegExp(`(?<![\\w.])((?!close\\b)[\\w.]+)\\([^()]*(?<![\\w.])${chan}\\b(?!\\s*[.(\\[])[^()]*\\)`).exec(fn?.text ?? '');
    if (handed) return { close: `close(${chan})`, waiter: `whoever gets it from ${handed[1]}(…)` };
  }
  return closedFieldForWaiter(stmts, index) ?? sentForWaiter(stmts, index);
}

/**
 * A deferred send on a field the package receives from, anywhere in the goroutine's own code
 * (`if a.done != nil { defer func() { a.done <- struct{}{} }() }`, then `<-a.done` elsewhere), or a
 * bare signal on a field, its channel handed in by whoever waits:
 * m3's async downsampler and cluster client told their waiters they were ready after a panic.
 */
function sentForWaiter(stmts: Node[], index: PackageIndex): { close: string; waiter: string } | undefined {
  for (const d of stmts.flatMap((st) => [st, ...st.descendantsOfType('defer_statement')]).filter((n) => n.type === 'defer_statement')) {
    const sent = /^defer\s+func\s*\(\)\s*\{\s*([\w.]+)\.(\w+)\s*<-\s*([^\n]*?)\s*\}\s*\(\)$/.exec(d.text);
    // A bare signal (`struct{}{}`, `true`) says only that the work ended, to whoever handed the channel in.
    const signal = sent && /^(struct\s*\{\s*\}\s*\{\s*\}|true)$/.test(sent[3]);
    if (sent && (signal || index.anyTextMatches(new RegExp(`<-\\s*[\\w.]*\\.${sent[2]}\\b`)))) return { close: `${sent[1]}.${sent[2]} <- ${sent[3]}`, waiter: `whoever receives from ${sent[1]}.${sent[2]}` };
  }
  return undefined;
}

/** The function (or literal) whose code runs the go statement. */
export function startingFunction(go: Node): Node | undefined {
  return ancestors(go).find((a) => FUNCTION_TYPES.has(a.type));
}

/** The text of the function that starts the goroutine, after its go statement. */
export function afterStart(go: Node): string {
  const fn = startingFunction(go);
  return fn ? fn.text.slice(go.endIndex - fn.startIndex) : '';
}

/** The text of the function that starts the goroutine, before its go statement. */
export function beforeStart(go: Node): string {
  const fn = startingFunction(go);
  return fn ? fn.text.slice(0, go.startIndex - fn.startIndex) : '';
}

/**
 * A status set just before the goroutine starts, which the goroutine sets again when its work
 * ends (`settingRepo.Update("SystemStatus", "Upgrading")`, then `"Free"` on the goroutine's
 * paths): recovered, a panic would leave it set for good (1Panel's panel refused every request
 * as still upgrading, where the restart's start-up hook had reset it). The statement.
 */
function statusSetBefore(text: string, go: Node): string | undefined {
  for (const prev of statementsBefore(go, 3)) {
    // A status, not a type named so (\`resCh := make(chan *unpackStatus, 1)\`: containerd's unpacker),
    // nor a call named so (\`span.SetStatus(codes.Error, …)\`: go-zero's tracing, a span's own).
    const status = /(?<![*\]]\s*|\bchan\s+)\b(\w*(?:Status|State))\b(?!\s*[{(])/.exec(prev.text)?.[1];
    if (status && /=|\(/.test(prev.text) && new RegExp(`\\b${status}\\b`).test(text)) return firstLine(prev.text);
  }
  return undefined;
}

/** The last `n` statements before the go statement in its block, nearest first, comments aside. */
function statementsBefore(go: Node, n: number): Node[] {
  const out: Node[] = [];
  for (let prev = previousStatement(go); prev && out.length < n; prev = previousStatement(prev)) out.push(prev);
  return out;
}

/**
 * A value begun by a call just before the goroutine (`record := repo.StartRecords(…)`) that the
 * goroutine ends (`repo.EndRecords(record, …)`): 1Panel's cron job runs stayed `Waiting`, with no
 * failure alert. The beginning statement and the ending call, as written up to its paren.
 */
function startedBefore(text: string, go: Node): { start: string; end: string } | undefined {
  for (const prev of statementsBefore(go, 2)) {
    const m = /^(\w+)\s*(?:,\s*\w+\s*)?:?=\s*[\w.]*?\b(?:Start|Begin|Create|Open)\w*\(/.exec(prev.text);
    const end = m ? new RegExp(`[\\w.]*\\b(?:End|Finish|Complete|Close|Stop)\\w*\\(\\s*&?${regexEscaped(m[1])}\\b`).exec(text) : null;
    if (end) return { start: firstLine(prev.text), end: `${end[0].slice(0, end[0].indexOf('(') + 1)}…)` };
  }
  return undefined;
}

/** Calls that raise a count or register something, with the calls that undo them. */
const UNDOES: Record<string, string> = {
  Add: 'Remove|Delete|Sub',
  Inc: 'Dec',
  Incr: 'Decr',
  Increment: 'Decrement',
  Acquire: 'Release',
  Register: 'Unregister|Deregister',
  Enter: 'Leave|Exit',
  Track: 'Untrack',
  Open: 'Close',
};

/**
 * A call the goroutine makes after its work, outside a defer, that undoes one made just before it
 * starts or earlier in it, on the same receiver and name (`metrics.AddNATEntry()`, then
 * `metrics.RemoveNATEntry()`; `g.Inc()`, then `g.Dec()`; `atomic.AddInt64(&n, 1)`, then
 * `atomic.AddInt64(&n, -1)`): a variant of outline-ss-server's NAT gauge, recovered, counted the
 * association open for good. Both calls as written, up to their paren.
 */
function undoneAfter(stmts: Node[], go: Node): { done: string; undo: string } | undefined {
  const own = stmts.filter((s) => s.type !== 'defer_statement').map((s) => s.text).join('\n');
  const before = statementsBefore(go, 2).map((s) => s.text).join('\n');
  for (const text of [before, own]) {
    for (const m of text.matchAll(/(?<![\w.])([\w.]+\.)?(Add|Inc|Incr|Increment|Acquire|Register|Enter|Track|Open)([A-Z]\w*)?\(/g)) {
      const [call, recv = '', verb, rest = ''] = m;
      const after = text === own ? own.slice(m.index! + call.length) : own;
      const undo = new RegExp(`(?<![\\w.])${regexEscaped(recv)}(?:${UNDOES[verb]})${rest}\\(`).exec(after);
      if (undo) return { done: `${call}…)`, undo: `${undo[0]}…)` };
      // A count raised by one and lowered by one (`n.Add(1)`, `atomic.AddInt32(&n, 1)`, then -1).
      const arg = verb === 'Add' ? /^([^,()]*?,\s*)?1\s*\)/.exec(text.slice(m.index! + call.length)) : null;
      const lowered = arg && new RegExp(`(?<![\\w.])${regexEscaped(call)}${regexEscaped(arg[1] ?? '')}-1\\s*\\)`).exec(after);
      if (lowered) return { done: `${call}${arg![0]}`, undo: lowered[0] };
    }
  }
  return undefined;
}

/**
 * The goroutine's last statement, when it publishes what the work found (`SetClusterHealth(ok)`,
 * `s.UpdateStatus(st)`, or checked for failure, `if err := r.traceStep(…); err != nil`: woodpecker's
 * step exit): goldpinger's health gauge stayed at its last value. Or hands it on (`respond(st)`,
 * `indicator.agentStopped(exitCode)`): its waiter would wait, or read nothing.
 */
export function publishedLast(stmts: Node[]): { call: string; handsOn: boolean } | undefined {
  // Logging after it aside (`if priorState == Connected { log.Debug(…) }`: prysm's peer left
  // disconnecting for good).
  const last = stmts.filter((s) => s.type !== 'comment' && (!onlyLogs(s) || !!s.childForFieldName('initializer'))).at(-1);
  const checked = last?.type === 'if_statement' && /\berr\s*!=\s*nil\b/.test(last.childForFieldName('condition')?.text ?? '');
  const call = last?.type === 'expression_statement' ? last.namedChild(0) : checked ? last.childForFieldName('initializer')?.childForFieldName('right')?.namedChildren[0] : undefined;
  const fn = call?.type === 'call_expression' ? call.childForFieldName('function')?.text ?? '' : '';
  if (/(^|\.)([Ss]et|[Uu]pdate|[Pp]ublish|[Rr]eport|[Tt]race)[A-Z]\w*$/.test(fn)) return { call: `${fn}(…)`, handsOn: false };
  // Or hands on what its work gave (`exitCode := h.ecsAgent.start()` … `indicator.agentStopped(exitCode)`:
  // the ECS agent, recovered, exited 0 and was not restarted).
  const args = checked ? [] : (call?.childForFieldName('arguments')?.namedChildren ?? []);
  const given = args.find((a) => a.type === 'identifier' && stmts.some((st) => st !== last && st.type === 'short_var_declaration' && st.childForFieldName('left')!.namedChildren.some((n) => n.text === a.text) && st.childForFieldName('right')!.namedChildren[0]?.type === 'call_expression'));
  if (given && fn && !/^(log|fmt)\./.test(fn)) return { call: `${fn}(${given.text})`, handsOn: true };
  // Or a metric of the outcome (`histObservations.WithLabelValues(…, strconv.FormatBool(err == nil)).Observe(d)`:
  // boulder's prober, recovered, recorded no failed probe and looked healthy).
  return METRIC_UPDATE.test(fn) ? { call: `${fn.replace(/\([\s\S]*\)(?=\.\w+$)/, '(…)')}(…)`, handsOn: false } : undefined;
}

/** An update of a metric: through its labels (`.WithLabelValues(…).Observe`), or one named for its kind (`probeGauge.Set`). */
const METRIC_UPDATE = /\.(With|WithLabelValues|CurryWith)\([\s\S]*\)\.(Observe|Inc|Dec|Add|Sub|Set)$|(^|\.)\w*(Gauge|Counter|Histogram|Summary|Observations)\.(Observe|Inc|Dec|Add|Sub|Set)$/i;

/** A statement that only logs, or an `if` whose branches only log, or a blank assignment. */
function onlyLogs(stmt: Node): boolean {
  if (isLogStatement(stmt) || (stmt.type === 'assignment_statement' && stmt.childForFieldName('left')?.text === '_')) return true;
  if (stmt.type !== 'if_statement') return false;
  const branches = [stmt.childForFieldName('consequence'), stmt.childForFieldName('alternative')].filter((b): b is Node => !!b);
  return branches.every((b) => (b.type === 'if_statement' ? onlyLogs(b) : statementsOf(b).every((s) => s.type === 'comment' || onlyLogs(s))));
}

/**
 * A mark the goroutine sets and clears around its work, the clearing not deferred
 * (`tasks.Store(h, t); t.Exec(ctx); tasks.Delete(h)`): the shape of flagger's load tester, whose
 * task, recovered, stayed marked as running and was skipped for good. The map, both calls as written.
 */
function markerClearedAfter(stmts: Node[]): { map: string; store: string; clear: string } | undefined {
  const text = stmts.filter((s) => s.type !== 'defer_statement').map((s) => s.text).join('\n');
  for (const m of text.matchAll(/([\w.]+)\.(?:Store|LoadOrStore)\(\s*([^,()]+(?:\([^()]*\))?)\s*,/g)) {
    const clear = new RegExp(`${regexEscaped(m[1])}\\.Delete\\(\\s*${regexEscaped(m[2].trim())}\\s*\\)`).exec(text.slice(m.index! + m[0].length));
    if (clear) return { map: m[1], store: `${m[1]}.Store(${m[2].trim()}, …)`, clear: clear[0] };
  }
  return undefined;
}

/**
 * A goroutine that waits for something (`s.ready.Wait()`, `<-done`) and then calls a function
 * parameter of the function starting it as its last statement (`readyFunc()`): a notification its
 * caller asked for. The wait and the callback, as written.
 */
function notifiesAfterWait(stmts: Node[], go: Node): { wait: string; callback: string } | undefined {
  const code = stmts.filter((st) => st.type !== 'comment');
  const last = code.at(-1);
  const call = last?.type === 'expression_statement' ? last.namedChild(0) : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (callee?.type !== 'identifier') return undefined;
  const found = declarationOf(callee.text, callee);
  if (!found || !('param' in found) || !same(found.param.fn, startingFunction(go)) || found.param.typeNode.type !== 'function_type') return undefined;
  const wait = code.slice(0, -1).find((st) => st.type === 'expression_statement' && /(\.Wait\(\)|^<-\s*[\w.]+)$/.test(st.text));
  return wait && { wait: wait.text, callback: `${callee.text}()` };
}
