import type { Codemod, FileContext, Fix, RawFinding } from '../../src/engine/types.js';
import { lingeringTimePackage, timersLinger } from '../../src/go/lingering-timers.js';
import { enclosingLoops, loopShape, loopsRepeating, loopStatement } from '../../src/go/loops.js';
import { callsOf, codeWords, identifiersNamed, regexEscaped } from '../../src/go/find-by-text.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, contains, eol, enclosingFunction, freshNameIn, indentAt, lineEnd, same, touchesError, usedNames, type Node } from '../../src/go/syntax.js';
import { docs } from './docs.js';

export const tickerStop: Codemod = {
  id: 'ticker-stop',
  title: 'Tickers a function starts are stopped when it returns',
  docs,
  severity: 'warning',
  enabledByDefault: true,
  options: [],
  // `includes` first: a search for a plain string is far faster than for the pattern.
  // From Go 1.23 on (a module's go line, or no module: today's toolchain) a ticker nothing refers
  // to any more is collected, stopped or not: nothing to report, as for time.After in loops. Unless
  // `asynctimerchan=1` (go.mod, go.work or `//go:debug`) brings the old timers back.
  prefilter: (text, goVersion, godebug) => timersLinger(goVersion, godebug) && text.includes('Tick') && /\.(NewTicker|Tick)\s*\(/.test(text),
  triggers: /\.(NewTicker|Tick)\s*\(/,
  find,
};

function find(ctx: FileContext): RawFinding[] {
  const time = lingeringTimePackage(ctx);
  if (!time) return [];
  const out: RawFinding[] = [];
  const calls = [...callsOf(ctx.tree.rootNode, ctx.source, `${time}.NewTicker`), ...callsOf(ctx.tree.rootNode, ctx.source, `${time}.Tick`)].sort((a, b) => a.startIndex - b.startIndex);
  for (const call of calls) {
    const callee = call.childForFieldName('function')?.text;
    if (touchesError(call)) continue;
    if (callee === `${time}.NewTicker`) {
      const f = newTicker(call, ctx);
      if (f) out.push(f);
    } else if (callee === `${time}.Tick`) {
      const f = tick(call, ctx, time);
      if (f) out.push(f);
    }
  }
  return out;
}

const NEVER_COLLECTED = 'it keeps firing, and is never collected, after the function returns';

/**
 * The function never returns: no return of its own, and it ends in a loop with no condition, or
 * over the ticker's channel (`t.C`, `time.Tick(d)`), that nothing breaks out of (TarsGo's endpoint
 * refresher, comqtt's examples). Its ticker outlives nothing: a deferred Stop would never run.
 */
function neverReturns(fn: Node, body: Node, channel: string, made?: Node): boolean {
  const own = (n: Node) => same(enclosingFunction(n), fn);
  if (body.descendantsOfType('return_statement').some(own)) return false;
  const lastOf = (block: Node | null | undefined) => {
    const last = block?.namedChildren.filter((c) => c.type !== 'comment').at(-1);
    return last?.type === 'statement_list' ? last.namedChildren.filter((c) => c.type !== 'comment').at(-1) : last;
  };
  let loop = lastOf(body);
  // The loop ending an if with no else that ends the function, the ticker made in it (`if !optOut {
  // for range time.Tick(d) {…} }`): made only where the function never returns.
  while (made && loop?.type === 'if_statement' && !loop.childForFieldName('alternative') && contains(loop, made)) loop = lastOf(loop.childForFieldName('consequence'));
  if (loop?.type !== 'for_statement') return false;
  const shape = loopShape(loop);
  if (shape.kind !== 'forever' && !(shape.kind === 'range' && shape.over?.text === channel)) return false;
  return !loop.descendantsOfType(['break_statement', 'goto_statement']).some(own);
}

/** `t := time.NewTicker(d)` never stopped in its function: `defer t.Stop()` after it. */
function newTicker(call: Node, ctx: FileContext): RawFinding | undefined {
  // `tick := time.NewTicker(d).C`: the ticker itself is dropped, and nothing can stop it.
  if (call.parent?.type === 'selector_expression' && call.parent.childForFieldName('field')?.text === 'C') {
    const fn = enclosingFunction(call);
    const body = fn?.childForFieldName('body');
    // Ranged over to the end of a function that never returns (`for range time.NewTicker(d).C {`).
    if (!fn || !body || neverReturns(fn, body, `${call.text}.C`, call) || (fn.type === 'function_declaration' && fn.childForFieldName('name')?.text === 'main')) return undefined;
    return reported(call, `${call.text}.C keeps the ticker's channel only: the ticker can never be stopped, and ${NEVER_COLLECTED}`, { reason: 'the ticker itself is not kept: stopping it needs it in a variable of its own (t := time.NewTicker(d); defer t.Stop(); then t.C), a change of the statement goconc leaves to its author' });
  }
  const decl = call.parent?.parent;
  if (decl?.type !== 'short_var_declaration' || decl.childForFieldName('left')!.namedChildCount !== 1) return undefined;
  const name = decl.childForFieldName('left')!.namedChild(0)!.text;
  const fn = enclosingFunction(decl);
  const body = fn?.childForFieldName('body');
  if (!body) return undefined;
  const uses = identifiersNamed(body, ctx.source, name).filter((id) => id.startIndex > decl.endIndex);
  if (uses.some((id) => id.parent?.type === 'selector_expression' && id.parent.childForFieldName('field')?.text === 'Stop')) return undefined;
  if (neverReturns(fn!, body, `${name}.C`)) return undefined;
  const message = `ticker ${name} is never stopped: ${NEVER_COLLECTED}`;
  const escapes = uses.find((id) => id.parent?.type !== 'selector_expression' || !['C', 'Reset'].includes(id.parent.childForFieldName('field')?.text ?? ''));
  if (escapes) return reported(call, message, { reason: `${name} leaves the function (${escapes.parent?.text ?? name}): whoever owns it must stop it` });
  // `ticker.C` handed on (`p.tick = t.C`, `return t.C`) rather than received from here.
  const channel = uses.find((id) => id.parent!.childForFieldName('field')?.text === 'C' && !receivedHere(id.parent!));
  if (channel) return reported(call, message, { reason: `${name}.C leaves the function (${channel.parent!.parent?.text ?? name}): its reader must stop the ticker` });
  // Used by a goroutine or closure that may run after the function returns: stopped there, it
  // would never tick for them.
  const later = uses.find((id) => ancestors(id).some((a) => a.type === 'func_literal' && contains(body, a)));
  if (later) return reported(call, message, { reason: `${name} is used by a function literal (a goroutine the function starts) that may run after it returns: stopped on return, it would stop ticking for that code` });
  if (decl.parent?.type !== 'statement_list') return reported(call, message, { reason: 'the ticker is made in a statement header' });
  // One ticker per iteration: a deferred Stop would pile up, one per pass, each ticker kept until
  // the function returns (aresdb's keep-alive, a session long).
  const repeating = loopsRepeating(decl).find((l) => contains(body, l));
  if (repeating) return reported(call, message, { reason: `${name} is made on each pass of a loop (line ${repeating.startPosition.row + 1}): a deferred Stop would run only when the function returns, keeping every pass's ticker until then; stop it at the end of each pass instead` });
  const nl = eol(ctx.source);
  const at = lineEnd(ctx.source, decl.endIndex);
  return reported(call, message, {
    fix: { description: `defer ${name}.Stop()`, edits: [{ start: at, end: at, text: `${nl}${indentAt(ctx.source, decl.startIndex)}defer ${name}.Stop()` }] },
  });
}

/**
 * `time.Tick(d)` makes a ticker nobody can stop. In `for range time.Tick(d)` it becomes a
 * NewTicker stopped on return; elsewhere inside a loop or a function other than main it is reported.
 */
function tick(call: Node, ctx: FileContext, time: string): RawFinding | undefined {
  const fn = enclosingFunction(call);
  const inLoop = loopsRepeating(call).length > 0;
  const fnName = fn?.childForFieldName('name')?.text;
  if (!inLoop && fnName === 'main' && fn?.type === 'function_declaration') return undefined;
  const message = `${call.text} starts a ticker that can never be stopped${inLoop ? ', here once per loop iteration' : ''}`;
  const clause = call.parent;
  const loop = clause?.type === 'range_clause' && clause.childForFieldName('right')?.id === call.id ? clause.parent : undefined;
  const body = fn?.childForFieldName('body');
  if (loop && !inLoop && body && neverReturns(fn!, body, call.text, call)) return undefined;
  if (inLoop || (loop && enclosingLoops(loop).length > 0)) {
    return reported(call, message, { reason: 'only `for range time.Tick(d)` outside other loops is rewritten; hoisting a ticker out of a loop would change when it fires' });
  }
  if (!loop || loopStatement(loop).parent?.type !== 'statement_list') {
    // `tick := time.Tick(d)`, then `for range tick` or `case <-tick:` (orchestrator's pollers).
    const kept = call.parent?.type === 'expression_list' ? call.parent.parent : call.parent;
    const where = kept && /^(short_var_declaration|assignment_statement|var_spec)$/.test(kept.type) ? 'its channel is kept in a variable' : 'its channel is used in an expression, not ranged over';
    return reported(call, message, { reason: `only \`for range time.Tick(d)\` as a statement of its own is rewritten: here ${where}, and a ticker made with NewTicker would need each use of it changed to its C field` });
  }
  const d = call.childForFieldName('arguments')!.namedChildren.map((a) => a.text).join(', ');
  if (!positiveConstant(d, time) && !positiveConstant(constantValue(d, call, ctx) ?? '', time)) {
    return reported(call, message, { reason: `time.Tick returns nil for a duration of zero or less, where NewTicker panics, and ${d} is not a positive constant written here` });
  }
  const name = freshNameIn(fn ?? ctx.tree.rootNode, 'ticker', fn ? usedNames(fn) : codeWords(ctx.source));
  const stmt = loopStatement(loop);
  const nl = eol(ctx.source);
  const ind = indentAt(ctx.source, stmt.startIndex);
  return reported(call, message, {
    fix: {
      description: `a ${time}.NewTicker stopped on return`,
      edits: [
        { start: stmt.startIndex, end: stmt.startIndex, text: `${name} := ${time}.NewTicker(${d})${nl}${ind}defer ${name}.Stop()${nl}${ind}` },
        { start: call.startIndex, end: call.endIndex, text: `${name}.C` },
      ],
    },
  });
}

/** The finding at the call: with its fix, or the reason there is none. */
function reported(call: Node, message: string, plan: { fix: Fix } | { reason: string }): RawFinding {
  return { start: call.startIndex, end: call.endIndex, message, ...plan };
}

/** `5 * time.Second`, `time.Minute`, `(3*time.Second)`: positive numbers and time units multiplied. */
function positiveConstant(d: string, time: string): boolean {
  const unit = `${regexEscaped(time)}\\.(?:Nanosecond|Microsecond|Millisecond|Second|Minute|Hour)`;
  const factor = `(?:[1-9][\\d_]*|${unit})`;
  return new RegExp(`^\\(?\\s*${factor}(?:\\s*\\*\\s*${factor})*\\s*\\)?$`).test(d);
}

/**
 * The value of the package's `const name = …` (alone, or in a `const (…)` block), as written, where
 * `name` at `at` is not a local or parameter.
 */
function constantValue(name: string, at: Node, ctx: FileContext): string | undefined {
  if (!/^\w+$/.test(name) || declarationOf(name, at)) return undefined;
  const spec = (indent: string) => new RegExp(`^${indent}${name}\\s*(?:[\\w.]+\\s*)?=\\s*(.+?)\\s*(?://.*)?$`, 'm');
  for (const text of ctx.packageIndex().allTexts()) {
    if (!text.includes(name)) continue;
    const single = spec('const\\s+').exec(text);
    if (single) return single[1];
    for (const block of text.matchAll(/^const \($([\s\S]*?)^\)$/gm)) {
      const inBlock = spec('\\s+').exec(block[1]);
      if (inBlock) return inBlock[1];
    }
  }
  return undefined;
}

/** `<-t.C` or `for range t.C`: a receive from the ticker's channel right here. */
function receivedHere(selector: Node): boolean {
  const p = selector.parent;
  if (p?.type === 'unary_expression' && p.childForFieldName('operator')?.text === '<-') return true;
  return p?.type === 'range_clause' && same(p.childForFieldName('right'), selector);
}
