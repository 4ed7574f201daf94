import { goAtLeast } from '../../src/engine/go-module.js';
import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { packageName } from '../../src/go/imports.js';
import { enclosingLoops, loopStatement } from '../../src/go/loops.js';
import { isReassigned } from '../../src/go/scope.js';
import { callsOf, codeWords } from '../../src/go/find-by-text.js';
import { enclosingFunction, eol, freshNameIn, indentAt, touchesError, usedNames, type Node } from '../../src/go/syntax.js';
import { docs } from './docs.js';
import { mayHaveLoop } from '../../src/go/text-signals.js';

export const timeAfterInLoop: Codemod = {
  id: 'time-after-in-loop',
  title: 'time.After in a select loop becomes one reused timer (modules below Go 1.23)',
  docs,
  severity: 'warning',
  enabledByDefault: true,
  options: [],
  // `includes` first: a search for a plain string is far faster than for the pattern.
  prefilter: (text, goVersion) => !goAtLeast(goVersion, '1.23') && text.includes('.After') && /\.After\s*\(/.test(text) && mayHaveLoop(text),
  triggers: /\.After\s*\(/,
  find,
};

function find(ctx: FileContext): RawFinding[] {
  // From Go 1.23 a timer nobody references is collected before it fires.
  if (goAtLeast(ctx.goVersion, '1.23')) return [];
  const time = packageName(ctx.tree, 'time');
  if (!time) return [];
  const out: RawFinding[] = [];
  for (const call of callsOf(ctx.tree.rootNode, ctx.source, `${time}.After`)) {
    if (touchesError(call)) continue;
    const loops = enclosingLoops(call);
    if (loops.length === 0) continue;
    // `<-time.After(d)` on its own, a sleep: every timer fires before the next pass, none left behind.
    if (call.parent?.type === 'unary_expression' && call.parent.parent?.type === 'expression_statement') continue;
    const d = call.childForFieldName('arguments')!.namedChildren[0];
    const message = `${call.text} in a loop starts a new timer every iteration, each alive until it fires (${d?.text ?? '?'}) even when another case wins`;
    const plan = reuseTimer(call, loops[0], ctx, time);
    out.push({ start: call.startIndex, end: call.endIndex, message, ...plan });
  }
  return out;
}

/** The simple shape: `case <-time.After(d):` in a select that is a statement of the loop body, d unchanged by the loop. */
function reuseTimer(call: Node, loop: Node, ctx: FileContext, time: string): Pick<RawFinding, 'fix' | 'reason'> {
  const unary = call.parent;
  const recv = unary?.parent;
  const kase = recv?.parent;
  const select = kase?.parent;
  if (unary?.type !== 'unary_expression' || recv?.type !== 'receive_statement' || recv.childForFieldName('left') || kase?.type !== 'communication_case' || select?.type !== 'select_statement') {
    return { reason: 'only `case <-time.After(d):` directly in a select is rewritten' };
  }
  const bodyList = loop.childForFieldName('body')?.namedChildren.find((c) => c.type === 'statement_list');
  if (select.parent?.id !== bodyList?.id) return { reason: 'the select is not a statement of the loop body itself' };
  if (select.descendantsOfType('call_expression').filter((c) => c.childForFieldName('function')?.text === `${time}.After`).length !== 1) {
    return { reason: 'the select waits on more than one time.After' };
  }
  const d = call.childForFieldName('arguments')!.namedChildren[0];
  const changing = d.descendantsOfType('identifier').concat(d.type === 'identifier' ? [d] : []).find((id) => isReassigned(loop, ctx.source, id.text, 0) || declaredIn(loop, id.text));
  if (d.descendantsOfType('call_expression').length > 0 || d.type === 'call_expression' || changing) {
    return { reason: `the duration ${d.text} may differ from one iteration to the next` };
  }
  const stmt = loopStatement(loop);
  if (stmt.parent?.type !== 'statement_list') return { reason: 'the loop is not a plain statement' };
  // The timer is made and its Stop deferred before the loop: inside another loop, each pass
  // would defer one more, each timer kept until the function returns.
  const outer = enclosingLoops(stmt);
  if (outer.length > 0) return { reason: `the loop is inside another loop (line ${outer[0].startPosition.row + 1}): a timer made and deferred on each of its passes would pile up until the function returns` };
  const fn = enclosingFunction(loop);
  // Names of the function and of the package: the timer must not shadow a type or a variable.
  const used = fn ? usedNames(fn) : codeWords(ctx.source);
  const index = ctx.packageIndex();
  const timer = freshNameIn(fn ?? ctx.tree.rootNode, 'timer', { has: (name) => used.has(name) || index.nameTaken(name) });
  const nl = eol(ctx.source);
  const li = indentAt(ctx.source, stmt.startIndex);
  const si = indentAt(ctx.source, select.startIndex);
  const reset = [`if !${timer}.Stop() {`, '\tselect {', `\tcase <-${timer}.C:`, '\tdefault:', '\t}', '}', `${timer}.Reset(${d.text})`];
  return {
    fix: {
      description: `one ${time}.NewTimer, stopped, drained and reset before each select`,
      edits: [
        { start: stmt.startIndex, end: stmt.startIndex, text: `${timer} := ${time}.NewTimer(${d.text})${nl}${li}defer ${timer}.Stop()${nl}${li}` },
        { start: select.startIndex, end: select.startIndex, text: reset.map((l) => `${l}${nl}${si}`).join('') },
        { start: call.startIndex, end: call.endIndex, text: `${timer}.C` },
      ],
    },
  };
}

function declaredIn(loop: Node, name: string): boolean {
  return loop.descendantsOfType(['short_var_declaration', 'var_spec', 'range_clause']).some((d) => {
    const left = d.childForFieldName('left') ?? undefined;
    const names = left ? left.namedChildren : d.childrenForFieldName('name');
    return names.some((n) => n.text === name);
  });
}
