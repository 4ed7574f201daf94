import type { FileContext } from '../../src/engine/types.js';
import { calledName } from '../../src/go/called-functions.js';
import { DONE_NAME } from '../../src/go/cancellation.js';
import { endlessLoopBreaks } from '../../src/go/loops.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, enclosingFunction, same, statementsOf, type Node } from '../../src/go/syntax.js';
import { spawned } from './goroutine-bodies.js';
import type { Spawn } from './detect.js';

/** How many package functions deep a returned function value is followed (`runnerForCheck` → `basicRunner`). */
const FACTORY_DEPTH = 3;

/**
 * A goroutine running a function value the package makes to run until stopped: `runner()`, where
 * `runner, err := l.runnerForCheck(c)` and the package's `runnerForCheck` returns (a call of a
 * package function returning) a function literal whose body is an endless loop left only when a
 * stop signal comes (`case _, ok := <-l.stop: if !ok { return }`): datadog-agent's check runner,
 * one goroutine per check, each living until Stop. The call and the factory that makes the loop.
 */
export function runsReturnedWorker(spawn: Spawn, ctx: FileContext): { call: string; factory: string; stop: string } | undefined {
  const { fn, literal, called } = spawned(spawn);
  const candidates = literal ? called : fn ? [fn] : [];
  for (const callee of candidates) {
    if (callee.type !== 'identifier') continue;
    const found = declarationOf(callee.text, spawn.go);
    const value = found && 'local' in found ? found.local.value : undefined;
    if (value?.type !== 'call_expression') continue;
    const made = loopMadeBy(value, ctx, FACTORY_DEPTH, new Set());
    if (made) return { call: `${callee.text}()`, factory: `${value.childForFieldName('function')!.text}`, stop: made.stop };
  }
  return undefined;
}

/** A function literal, returned by the package's function (or method) the call names, or by one it calls in its return, whose body loops until a stop signal. */
function loopMadeBy(call: Node, ctx: FileContext, depth: number, seen: Set<string>): { stop: string } | undefined {
  const named = calledName(call.childForFieldName('function')!);
  if (!named || depth === 0) return undefined;
  const key = `${named.method ? '.' : ''}${named.name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  for (const decl of ctx.packageIndex().functionsNamed(named.name, named.method, (text) => /\breturn\b/.test(text))) {
    for (const ret of decl.descendantsOfType('return_statement').filter((r) => same(enclosingFunction(r), decl))) {
      const first = ret.namedChildren[0];
      const value = first?.type === 'expression_list' ? first.namedChildren[0] : first;
      const stop = value?.type === 'func_literal' ? stopOnlyLoop(value) : undefined;
      if (stop) return { stop };
      const deeper = value?.type === 'call_expression' ? loopMadeBy(value, ctx, depth - 1, seen) : undefined;
      if (deeper) return deeper;
    }
  }
  return undefined;
}

/**
 * A `for {` of the literal's own body that nothing leaves but a return inside a select case
 * receiving a stop signal (`<-l.stop`, `<-ctx.Done()`): that receive, or undefined.
 */
function stopOnlyLoop(literal: Node): string | undefined {
  for (const stmt of statementsOf(literal.childForFieldName('body'))) {
    const endless = endlessLoopBreaks(stmt);
    if (!endless || endless.breaks.length > 0) continue;
    const returns = endless.loop.descendantsOfType('return_statement').filter((r) => same(enclosingFunction(r), literal));
    const stops = returns.map(stopCaseOf);
    if (stops.length > 0 && stops.every((s) => s !== undefined)) return stops[0];
  }
  return undefined;
}

/** The stop-signal receive of the select case a return sits in (`<-l.stop`), if it does. */
function stopCaseOf(ret: Node): string | undefined {
  const arm = ancestors(ret).find((a) => a.type === 'communication_case');
  const m = /<-\s*([\w.]+(\(\))?)\s*$/.exec(arm?.childForFieldName('communication')?.text ?? '');
  if (!m) return undefined;
  const last = m[1].replace(/\(\)$/, '').split('.').pop()!;
  return /\.Done\(\)$/.test(m[1]) || DONE_NAME.test(last) ? `<-${m[1]}` : undefined;
}
