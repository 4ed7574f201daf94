import { DONE_NAME } from '../../src/go/cancellation.js';
import { loopStatement } from '../../src/go/loops.js';
import { isDoneCase } from '../../src/go/receive-shapes.js';
import { declarationOf, localsBefore, usesVariable } from '../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, firstLine, same, statementsOf, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';

// Goroutines whose time is spent waiting, not working: on a ticker, a delay, a grace period or a
// deadline they share. Bounded, such waits would run in turns and add up.

/**
 * A context with a timeout or deadline made before the loop (`ctx, cancel :=
 * context.WithTimeout(…)`) that the goroutine's own code uses: its name, if so.
 */
export function sharedDeadline(spawn: Spawn, literal: Node | undefined): string | undefined {
  const own = literal?.childForFieldName('body');
  const args = spawn.go.namedChild(0)?.childForFieldName('arguments')?.text ?? '';
  for (const local of localsBefore(loopStatement(spawn.loop))) {
    if (!/^context\.With(Timeout|Deadline)\w*\(/.test(local.value?.text ?? '') && !new RegExp(`^${local.name}\\s*,\\s*\\w+\\s*:?=\\s*context\\.With(Timeout|Deadline)`).test(local.decl.text)) continue;
    const word = new RegExp(`\\b${local.name}\\b`);
    if ((own && word.test(own.text)) || word.test(args)) return local.name;
  }
  return undefined;
}

/**
 * A point in time made before the loop and handed to the goroutine's calls: `deadline :=
 * time.Now().Add(MaxRTT)` (or `….Deadline()`, or any local named for a deadline that is not a
 * duration), then `udpPing(node.Address, deadline)` in each (a probe round that gives all its
 * pings one deadline). The name and its value as written, e.g. `deadline`, `time.Now().Add(MaxRTT)`.
 */
export function sharedTimeDeadline(spawn: Spawn, literal: Node | undefined): { name: string; value: string } | undefined {
  const own = literal?.type === 'func_literal' ? literal.childForFieldName('body') : undefined;
  const goArgs = spawn.go.namedChild(0)?.childForFieldName('arguments')?.namedChildren ?? [];
  const given = [...goArgs, ...(own?.descendantsOfType('argument_list').flatMap((a) => a.namedChildren) ?? [])];
  for (const local of localsBefore(loopStatement(spawn.loop))) {
    const value = local.value?.text ?? '';
    const when = /^time\.Now\(\)\.Add\(|^[\w.]+\.Deadline\(\)$/.test(value);
    const named = /deadline/i.test(local.name) && !/\bDuration\b|time\.(Nanosecond|Microsecond|Millisecond|Second|Minute|Hour)\b|^\d/.test(value || local.typeNode?.text || '');
    if (!when && !named) continue;
    if (!given.some((a) => usesVariable(a, local.name, local.decl))) continue;
    return { name: local.name, value: firstLine(value || local.decl.text) };
  }
  return undefined;
}

/** The reason a bound is refused for a deadline the goroutines share, if they share one. */
export function sharedDeadlineReason(spawn: Spawn, literal: Node | undefined): string | undefined {
  const ctx = sharedDeadline(spawn, literal);
  if (ctx) return `the goroutines share one deadline (${ctx}, made before the loop): bounded, the later ones would start late against it and run out of time, where together they all had it`;
  const at = sharedTimeDeadline(spawn, literal);
  if (!at) return undefined;
  const what = /deadline/i.test(at.name) ? at.name : `deadline ${at.name}`;
  return `the goroutines share ${what} (${at.value}), set before the loop: with a bound, the later ones would start with less of it or none`;
}

/**
 * A timeout each goroutine gives its own work (`fedCtx, cancel := context.WithTimeout(ctx,
 * timeout)` in the literal, not in a closure inside it): waits meant to run out side by side, so
 * the caller waits one timeout at most. As written, e.g. `context.WithTimeout(ctx, timeout)`.
 */
export function ownTimeout(literal: Node | undefined, go?: Node): string | undefined {
  // Or a timer made for it as it starts (`go func(timeoutCh <-chan time.Time, …) {…}(time.After(5*time.Second), m)`:
  // 1Panel's disk usage per mount, where a network mount's statfs may hang).
  const args = go?.namedChild(0)?.childForFieldName('arguments')?.namedChildren ?? [];
  const timer = args.find((a) => /^(time\.(After|NewTimer)|context\.With(Timeout|Deadline))\(/.test(a.text));
  if (timer) return timer.text;
  const body = literal?.type === 'func_literal' ? literal.childForFieldName('body') : undefined;
  if (!body || !/\bcontext\.With(Timeout|Deadline)\b/.test(body.text)) return undefined;
  const call = body.descendantsOfType('call_expression').find((c) => {
    if (!/^context\.With(Timeout|Deadline)(Cause)?$/.test(c.childForFieldName('function')?.text ?? '')) return false;
    for (let p = c.parent; p && p.id !== literal!.id; p = p.parent) if (p.type === 'func_literal') return false;
    return true;
  });
  return call?.text;
}

/**
 * A wait for a ticker or timer in the loop's own code (`case <-ticker.C:`, a `<-time.After(d)`
 * statement, a `time.Sleep(d)`; not in a goroutine or closure it starts): the loop runs once per
 * tick; a sleep only where the go statement is reached through the same branches, given `go`. As
 * written, e.g. `<-ticker.C`.
 */
export function pacedBy(loop: Node, go?: Node): string | undefined {
  const body = loop.childForFieldName('body');
  if (!body) return undefined;
  // `for range ticker.C`, `for range time.Tick(d)`: a pass per tick.
  const clause = loop.namedChildren.find((c) => c.type === 'range_clause');
  const right = clause?.childForFieldName('right');
  const over = right?.text ?? '';
  if (/^([\w.]+\.C|time\.Tick\(.*\))$/s.test(over)) return `range ${over}`;
  // `tick := time.Tick(d)` before the loop, then `for range tick` (orchestrator's agent polls).
  const found = right?.type === 'identifier' ? declarationOf(over, loop) : undefined;
  if (found && 'local' in found && /^time\.Tick\(|\.C$/.test(found.local.value?.text ?? '')) return `range ${over}, ${found.local.value!.text}`;
  const wait = body.descendantsOfType('unary_expression').find((u) => {
    const operand = u.childForFieldName('operand')?.text ?? '';
    // A ticker's or timer's channel, or a bare `<-time.After(d)` (in a select, time.After is a timeout).
    const tick = /^([\w.]+\.C|time\.Tick\(.*\))$/s.test(operand) || (/^time\.After\(/.test(operand) && u.parent?.type === 'expression_statement');
    if (u.childForFieldName('operator')?.text !== '<-' || !tick) return false;
    if (!same(enclosingFunction(u), enclosingFunction(loop))) return false;
    // In a select, the other cases may only be stop signals: beside a result, a timer is a timeout.
    const kase = ancestors(u).find((a) => a.type === 'communication_case');
    const others = kase?.parent?.namedChildren.filter((c) => c.type === 'communication_case' && c.id !== kase.id) ?? [];
    // A default branch keeps the loop from waiting for the tick: it spins, unpaced.
    if (kase?.parent?.namedChildren.some((c) => c.type === 'default_case')) return false;
    return others.every((c) => {
      const received = c.childForFieldName('communication')?.descendantsOfType('unary_expression').find((r) => r.childForFieldName('operator')?.text === '<-');
      const from = received?.childForFieldName('operand')?.text ?? '';
      return /\.Done\(\)$/.test(from) || DONE_NAME.test(from.slice(from.lastIndexOf('.') + 1));
    });
  });
  if (wait) return wait.text;
  // `time.Sleep(interval)` or `utils.SleepWithJitter(heartbeat)` in the loop's own code: a heartbeat.
  // On the go statement's path: in no branch that leaves it out (a back-off on an error path,
  // frp's UDP proxy; a pause in another select case, raft's test network).
  const onPath = (c: Node) => !go || ancestors(c).every((a) => !contains(body, a) || a.id === body.id || !BRANCHES.has(a.type) || contains(a, go));
  const sleep = body.descendantsOfType('call_expression').find((c) => c.parent?.type === 'expression_statement' && /(^|\.)Sleep\w*$/.test(c.childForFieldName('function')?.text ?? '') && same(enclosingFunction(c), enclosingFunction(loop)) && onPath(c));
  return sleep?.text;
}

/** Where a path through a loop's body may go one way or another: a branch, a case, a loop that may not run. */
const BRANCHES = new Set(['if_statement', 'communication_case', 'default_case', 'expression_case', 'type_case', 'for_statement']);

/** `time.Sleep(d)` (or `<-time.After(d)`) first in the body, or a wait `time.Until` some time: work scheduled for a time. */
export function delayedStart(body: Node): string | undefined {
  const first = statementsOf(body).find((c) => c.type !== 'comment' && c.type !== 'defer_statement');
  const sleep = /^(time\.Sleep\(|<-\s*time\.After\()/;
  if (first?.type === 'expression_statement' && sleep.test(first.text)) return first.text;
  return /time\.(Sleep|After)\(\s*time\.Until\(/.exec(body.text)?.[0].replace(/\($/, '(…))') ?? undefined;
}

/**
 * A `time.Sleep(…)` statement outside any loop of the body (not a retry's or a poll's backoff):
 * a delay of its own, e.g. `time.Sleep(shutdownDelay)` while load balancers move away. As written.
 */
export function oneTimePause(body: Node): string | undefined {
  const sleep = body.descendantsOfType('call_expression').find((c) => c.childForFieldName('function')?.text === 'time.Sleep' && c.parent?.type === 'expression_statement');
  if (!sleep) return undefined;
  for (let a = sleep.parent; a && a.id !== body.id; a = a.parent) if (a.type === 'for_statement' || a.type === 'func_literal') return undefined;
  return sleep.text;
}

/**
 * A select of the body's own that receives only, one case a timer the body made (`timer :=
 * time.NewTimer(d)` … `case <-timer.C:`) and another what it waits for (a context's `Done()`,
 * other code finishing; a reply, `case latency := <-responseCh:`): a wait bounded by a timeout
 * or grace period of its own. The two cases, as written (what it waits for other than a context's
 * `Done()` first).
 */
export function waitsForOthersUntilTimer(body: Node): { waitsFor: string; timer: string } | undefined {
  const timers = [...body.text.matchAll(/(\w+)\s*:=\s*time\.NewTimer\(/g)].map((m) => `<-${m[1]}.C`);
  // Or a `case <-time.After(timeout):` (cilium's cache-sync waits).
  if (timers.length === 0 && !body.text.includes('time.After(')) return undefined;
  for (const select of body.descendantsOfType('select_statement')) {
    const cases = select.namedChildren.filter((c) => c.type === 'communication_case');
    const comms = cases.map((c) => c.childForFieldName('communication')?.text.replace(/\s/g, '') ?? '');
    const timer = comms.find((c) => timers.includes(c) || /^<-time\.After\(/.test(c));
    const waitsFor = comms.find((c, i) => c !== timer && !isDoneCase(cases[i])) ?? comms[cases.findIndex(isDoneCase)];
    if (timer && waitsFor && comms.every((c) => /^(\w+(,\w+)?:?=)?<-/.test(c))) return { waitsFor, timer };
  }
  return undefined;
}

/**
 * The loop runs in a timer's callback (`c.timer = time.AfterFunc(in, func() { for { item, ok :=
 * c.spool.Pop() … go run(job) } })`): it starts the work due at this tick, a cron's jobs, meant to
 * run at their time and side by side. The timer call, as written up to its paren.
 */
export function inTimerCallback(spawn: Spawn): string | undefined {
  const callback = ancestors(loopStatement(spawn.loop)).find((a) => a.type === 'func_literal' && a.parent?.type === 'argument_list' && a.parent.parent?.childForFieldName('function')?.text === 'time.AfterFunc');
  return callback ? 'time.AfterFunc()' : undefined;
}
