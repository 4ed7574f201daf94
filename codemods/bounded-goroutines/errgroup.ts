import type { FileContext, RawFinding } from '../../src/engine/types.js';
import { callsByText, callsOf, codeOnly } from '../../src/go/find-by-text.js';
import { packageName } from '../../src/go/imports.js';
import { enclosingLoops, isFixedCountLoop, loopStatement } from '../../src/go/loops.js';
import { localsBefore } from '../../src/go/scope.js';
import { eol, enclosingFunction, indentAt, lineEnd, same, touchesError, type Node } from '../../src/go/syntax.js';
import { limitExpr } from './fix.js';
import { whyBoundMayStall } from './lifetime.js';
import { passedFunctionsReason } from './passed-functions.js';
import { hasBound } from './detect.js';

/**
 * `g.Go(…)` once per loop iteration on an errgroup.Group that never gets a limit: add
 * `g.SetLimit(n)` right after the group is made (Go then blocks until a slot is free).
 */
export function errgroupFindings(ctx: FileContext): RawFinding[] {
  const pkg = packageName(ctx.tree, 'golang.org/x/sync/errgroup');
  if (!pkg) return [];
  const out: RawFinding[] = [];
  const nl = eol(ctx.source);
  // One SetLimit per group: reported once, at the first of its calls in a loop.
  const limited = new Set<number>();
  for (const call of callsByText(ctx.tree.rootNode, ctx.source, '.Go', (callee) => callee.endsWith('.Go'))) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'selector_expression' || fn.childForFieldName('field')?.text !== 'Go' || touchesError(call)) continue;
    const group = fn.childForFieldName('operand');
    if (group?.type !== 'identifier') continue;
    const loops = enclosingLoops(call);
    if (loops.length === 0 || loops.some(isFixedCountLoop)) continue;
    // Bounded already (`sem.Acquire(ctx, 1)` before each Go, released in the goroutine).
    if (call.parent?.type === 'expression_statement' && hasBound(call.parent, loops[0], ctx.source)) continue;
    const outer = loopStatement(loops[loops.length - 1]);
    const decl = localsBefore(outer).find((l) => l.name === group.text);
    const isGroup = decl && (decl.value?.text.startsWith(`${pkg}.WithContext(`) || decl.typeNode?.text === `${pkg}.Group` || /^&?\s*errgroup\.Group\{\}$/.test(decl.value?.text ?? ''));
    if (!decl || !isGroup) continue;
    const owner = enclosingFunction(call);
    if (owner && callsOf(owner, ctx.source, `${group.text}.SetLimit`).length > 0) continue;
    const { expr, imports } = limitExpr(ctx);
    const stmt = decl.decl.type === 'var_spec' ? decl.decl.parent! : decl.decl;
    const at = lineEnd(ctx.source, stmt.endIndex);
    const finding = {
      start: call.startIndex,
      end: call.endIndex,
      message: `errgroup goroutine per loop iteration with no SetLimit: at most ${expr} will run at once, and ${group.text}.Go waits for a free slot`,
    };
    // The limit is the group's: one goroutine of it that may stall the loop rules it out for all.
    const stall = owner ? groupStall(group.text, owner, call, ctx) : undefined;
    if (stall) {
      out.push({ ...finding, message: 'errgroup goroutine per loop iteration with no SetLimit: as many run at once as the loop has iterations', reason: stall });
      continue;
    }
    // Its limit, added with the group's first finding, bounds this call too.
    if (limited.has(stmt.id)) continue;
    limited.add(stmt.id);
    const again = owner ? madeAgain(group.text, stmt, owner, pkg) : { at: [] };
    if ('reason' in again) {
      out.push({ ...finding, message: 'errgroup goroutine per loop iteration with no SetLimit: as many run at once as the loop has iterations', reason: again.reason });
      continue;
    }
    const limit = (s: Node) => ({ start: lineEnd(ctx.source, s.endIndex), end: lineEnd(ctx.source, s.endIndex), text: `${nl}${indentAt(ctx.source, s.startIndex)}${group.text}.SetLimit(${expr})` });
    out.push({ ...finding, fix: { description: `${group.text}.SetLimit(${expr})`, edits: [{ start: at, end: at, text: limit(stmt).text }, ...again.at.map(limit)], imports } });
  }
  return out;
}

/**
 * Why a limit on the group could stall the loop, for any goroutine the function starts on it in a
 * loop (\`eg.Go(wait for stop)\` and \`eg.Go(start server)\` per server share one limit).
 */
function groupStall(group: string, owner: Node, at: Node, ctx: FileContext): string | undefined {
  const all = callsOf(owner, ctx.source, `${group}.Go`);
  // A goroutine of the group starting more on it (a tree walk): parents waiting in Go for a slot
  // would hold every one.
  const nested = all.find((c) => !same(enclosingFunction(c), owner) && runsInGroup(enclosingFunction(c)!, all));
  if (nested) return `a goroutine of the group starts more on it (${group}.Go on line ${nested.startPosition.row + 1}): with a limit, goroutines waiting in ${group}.Go for a slot would hold every slot`;
  const calls = all.filter((c) => same(enclosingFunction(c), owner));
  const shared = channelBetween(calls, owner);
  if (shared) return `goroutines of the group hand values to each other through ${shared.channel} (lines ${shared.lines.join(' and ')}): a limit could run one without the other, which would then wait forever`;
  for (const call of calls) {
    const loops = enclosingLoops(call);
    if (call.parent?.type !== 'expression_statement' || loops.length === 0 || !same(enclosingFunction(call), owner)) continue;
    const spawn = { go: call.parent, loop: loops[loops.length - 1], loops, fn: owner, shape: 'joined' } as const;
    const stall = whyBoundMayStall(spawn, ctx) ?? passedFunctionsReason(spawn, ctx);
    if (stall) return same(call, at) ? stall : `${stall} (the ${group}.Go on line ${call.startPosition.row + 1}, which the same limit would bound)`;
  }
  return undefined;
}

/**
 * Whether a function literal runs as one of the group's goroutines: given to `g.Go` itself, or a
 * closure held in a variable that such a goroutine calls (`walk := func(n) { … g.Go(…) }`, then
 * `g.Go(func() error { return walk(r) })`).
 */
function runsInGroup(literal: Node, calls: Node[]): boolean {
  const given = (call: Node) => call.childForFieldName('arguments')?.namedChildren.some((a) => same(a, literal));
  if (calls.some(given)) return true;
  const holder = literal.parent?.type === 'expression_list' ? literal.parent.parent : undefined;
  const name = holder && (holder.type === 'assignment_statement' || holder.type === 'short_var_declaration') ? holder.childForFieldName('left')?.namedChildren[0]?.text : undefined;
  return !!name && calls.some((c) => new RegExp(`(?<![\\w.])${name}\\s*\\(`).test(c.childForFieldName('arguments')?.text ?? ''));
}

/**
 * A channel of the function (made there, or a parameter of channel type) that two of the group's
 * goroutines both use (\`eg.Go(func() error { return importStatus(ctx, ch) })\` and \`eg.Go(func()
 * error { return j.Status(ctx, ch) })\`): a producer and its consumer. The channel and the lines.
 */
function channelBetween(calls: Node[], owner: Node): { channel: string; lines: number[] } | undefined {
  const text = owner.text;
  const names = new Set([...text.matchAll(/(\w+)\s*:?=\s*make\(\s*(?:<-\s*)?chan\b/g), ...text.matchAll(/(\w+)\s+(?:<-\s*)?chan\b[^,)]*[,)]/g)].map((m) => m[1]));
  for (const name of names) {
    const word = new RegExp(`(?<![\\w.])${name}\\b`);
    const using = calls.filter((c) => word.test(codeOnly(c.childForFieldName('arguments')?.text ?? '')));
    if (using.length >= 2) return { channel: name, lines: using.slice(0, 2).map((c) => c.startPosition.row + 1) };
  }
  return undefined;
}

/**
 * The assignments that make the group again after its declaration (\`if failfast { g, ctx =
 * errgroup.WithContext(ctx) }\`, go-task): a limit set only where it is declared would be lost with
 * the group it was set on, so each gets one too. A reason instead when one assigns it something
 * other than a new group, or is in a function literal (where the limit may come too late).
 */
function madeAgain(group: string, decl: Node, owner: Node, pkg: string): { at: Node[] } | { reason: string } {
  const at: Node[] = [];
  for (const assign of owner.descendantsOfType('assignment_statement')) {
    if (assign.startIndex < decl.endIndex) continue;
    const left = assign.childForFieldName('left')?.namedChildren ?? [];
    const right = assign.childForFieldName('right')?.namedChildren ?? [];
    const i = left.findIndex((l) => l.type === 'identifier' && l.text === group);
    if (i < 0) continue;
    const value = right.length === left.length ? right[i] : i === 0 && right.length === 1 ? right[0] : undefined;
    const line = assign.startPosition.row + 1;
    const fresh = value && (value.text.startsWith(`${pkg}.WithContext(`) || new RegExp(`^&?\\s*${pkg}\\.Group\\{\\}$`).test(value.text));
    if (!fresh) return { reason: `${group} is assigned on line ${line} something other than a new group (${assign.text.split('\n')[0]}): a limit set where it is declared may not be the one its goroutines run under` };
    if (!same(enclosingFunction(assign), owner)) return { reason: `${group} is made again in a function literal (line ${line}): a limit set after it there may come after its goroutines start` };
    at.push(assign);
  }
  return { at };
}
