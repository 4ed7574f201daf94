import { goAtLeast } from '../../src/engine/go-module.js';
import type { FileContext, Fix } from '../../src/engine/types.js';
import { loopShape, loopStatement } from '../../src/go/loops.js';
import { declaredBy, isReassigned } from '../../src/go/scope.js';
import { afterOpeningBrace, eol, freshNameIn, indentAt, same, unparen, usedNames, type Node } from '../../src/go/syntax.js';
import { spawnedFunction, type Spawn } from './detect.js';

export type Plan = { ok: true; fix: Fix; limit: string } | { ok: false; reason: string };

/** The limit as Go source: `--max-concurrency N`, or runtime.GOMAXPROCS(0). */
export function limitExpr(ctx: FileContext): { expr: string; imports: string[] } {
  const v = ctx.options['max-concurrency'];
  const expr = v === undefined || v === '' ? 'runtime.GOMAXPROCS(0)' : String(v);
  return { expr, imports: /\bruntime\./.test(expr) ? ['runtime'] : [] };
}

/**
 * Bound a goroutine-per-iteration with a semaphore: `sem <- struct{}{}` before spawning,
 * `defer func() { <-sem }()` first in the goroutine, the semaphore made before the loop. Also
 * when nothing waits for the goroutines: one semaphore shared by every call (a package-level
 * variable) would make a goroutine that calls the function again (a subscriber publishing) wait
 * for slots that goroutines like it hold, a deadlock, and would tie the instances of a type
 * together.
 */
export function semaphoreFix(spawn: Spawn, ctx: FileContext): Plan {
  const src = ctx.source;
  const nl = eol(src);
  const call = spawn.go.namedChild(0);
  if (call?.type !== 'call_expression') return { ok: false, reason: 'the go statement does not call a function' };
  if (spawn.go.parent?.type !== 'statement_list') return { ok: false, reason: 'the go statement is not a plain statement of a block' };
  const { expr: limit, imports } = limitExpr(ctx);
  const name = localName(spawn.fn, 'sem');
  const indent = indentAt(src, spawn.go.startIndex);
  const edits: Fix['edits'] = [];

  // The goroutine releases its slot first thing, whatever happens after.
  const release = `defer func() { <-${name} }()`;
  const fnNode = spawnedFunction(spawn.go)!;
  if (fnNode.type === 'func_literal') {
    const body = fnNode.childForFieldName('body')!;
    if (!body.text.includes('\n')) return { ok: false, reason: 'the goroutine body is on one line' };
    const at = afterOpeningBrace(src, body);
    edits.push({ start: at, end: at, text: `${nl}${indent}\t${release}` });
  } else {
    const why = unsafeToDefer(call, spawn, src);
    if (why) return { ok: false, reason: why };
    edits.push({ start: spawn.go.startIndex, end: spawn.go.endIndex, text: `go func() {${nl}${indent}\t${release}${nl}${indent}\t${call.text}${nl}${indent}}()` });
  }

  // Acquire before spawning (before a wg.Add that precedes the go statement, so a wait never counts a goroutine not yet started).
  const prev = spawn.go.previousNamedSibling;
  const acquireAt = prev && /^\w+(\.\w+)*\.Add\(/.test(prev.text) && prev.endIndex <= spawn.go.startIndex ? prev : spawn.go;
  const copies = loopVariableCopies(spawn, ctx);
  edits.push({ start: acquireAt.startIndex, end: acquireAt.startIndex, text: [...copies, `${name} <- struct{}{}`].map((l) => `${l}${nl}${indent}`).join('') });

  const stmt = loopStatement(spawn.loop);
  edits.push({ start: stmt.startIndex, end: stmt.startIndex, text: `${name} := make(chan struct{}, ${limit})${nl}${indentAt(src, stmt.startIndex)}` });
  return { ok: true, limit, fix: { description: `bound with a semaphore ${name} of ${limit}`, edits, imports } };
}

/**
 * `go f(a, b)` evaluates f and its arguments at once; wrapped in a closure they are read when
 * the goroutine runs. Allowed only for side-effect-free expressions that do not change later.
 */
function unsafeToDefer(call: Node, spawn: Spawn, source: string): string | undefined {
  const parts = [call.childForFieldName('function')!, ...call.childForFieldName('arguments')!.namedChildren];
  // Loop variables are per iteration (copied below Go 1.22); anything else the loop assigns is not.
  const loopVars = new Set(spawn.loops.flatMap((l) => loopShape(l).variables));
  for (const p of parts) {
    const e = unparen(p);
    if (!['identifier', 'selector_expression', 'int_literal', 'interpreted_string_literal', 'raw_string_literal', 'float_literal', 'true', 'false', 'nil'].includes(e.type)) {
      return `the argument ${e.text} is evaluated when the goroutine starts; wrapping the call would evaluate it later (pass it through a variable first)`;
    }
    const base = e.type === 'selector_expression' ? e.text.split('.')[0] : e.type === 'identifier' ? e.text : undefined;
    if (base && !loopVars.has(base) && isReassigned(spawn.loop, source, base, 0)) return `${base} is assigned in the loop; wrapping the call would read a later value`;
  }
  return undefined;
}

/** Below Go 1.22 loop variables are shared by all iterations: copy the ones the goroutine uses. */
function loopVariableCopies(spawn: Spawn, ctx: FileContext): string[] {
  if (goAtLeast(ctx.goVersion, '1.22')) return [];
  const vars = new Set(spawn.loops.flatMap((l) => loopShape(l).variables));
  const literal = spawn.go.namedChild(0)?.childForFieldName('function');
  const params = new Set(literal?.type === 'func_literal' ? literal.childForFieldName('parameters')!.descendantsOfType('identifier').map((n) => n.text) : []);
  const used = new Set(spawn.go.descendantsOfType('identifier').map((n) => n.text));
  const out: string[] = [];
  for (const v of vars) {
    const capturedByLiteral = literal?.type === 'func_literal' && !params.has(v) && literal.childForFieldName('body')!.descendantsOfType('identifier').some((n) => n.text === v);
    const argOfCall = literal?.type !== 'func_literal' && used.has(v);
    if ((capturedByLiteral || argOfCall) && !redeclaredInLoop(spawn, v)) out.push(`${v} := ${v}`);
  }
  return out;
}

/**
 * Whether the loop body already declares `name` where the goroutine sees it (`proxy := proxy`
 * before it, in its block or one around it), or anywhere in the goroutine's own block, where
 * another `name := name` would not compile.
 */
function redeclaredInLoop(spawn: Spawn, name: string): boolean {
  const declares = (s: Node) => declaredBy(s).some((d) => d.name === name);
  const body = spawn.loop.childForFieldName('body');
  for (let at: Node = spawn.go; at.parent && !same(at, body); at = at.parent) {
    if (at.parent.type !== 'statement_list' && at.parent.type !== 'block') continue;
    const siblings = at.parent.namedChildren;
    if (siblings.some((s) => (same(at.parent!, spawn.go.parent) || s.startIndex < at.startIndex) && declares(s))) return true;
  }
  return false;
}

/** `base`, or base2, base3… when the function already uses the name (or another fix of it does). */
function localName(fn: Node, base: string): string {
  return freshNameIn(fn, base, usedNames(fn));
}
