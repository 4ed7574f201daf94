import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { callsOf, goStatements } from '../../src/go/find-by-text.js';
import { deleteLines, eol, indentAt, lineEnd, lineStart, statementsOf, touchesError, type Node } from '../../src/go/syntax.js';
import { docs } from './docs.js';
import { waitGroupKind } from '../../src/go/wait-groups.js';
import { waitGroupGoFix } from './wait-group-go.js';
import { closedOnlyAfterWait } from './closed-after-wait.js';
import { lateAdd } from './late-add.js';
import { GO_FUNC_STATEMENT, mayHaveGoFuncLiteral } from '../../src/go/text-signals.js';

export const wgAddBeforeGo: Codemod = {
  id: 'wg-add-before-go',
  title: 'wg.Add inside the goroutine it counts moves before the go statement',
  docs,
  severity: 'error',
  enabledByDefault: true,
  options: [],
  prefilter: (text) => /\.Add\s*\(/.test(text) && /\.Done\s*\(/.test(text) && mayHaveGoFuncLiteral(text),
  triggers: GO_FUNC_STATEMENT,
  find,
};

function find(ctx: FileContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const go of goStatements(ctx.tree.rootNode, ctx.source)) {
    if (touchesError(go)) continue;
    const call = go.namedChild(0);
    const literal = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    if (literal?.type !== 'func_literal') continue;
    // The first statement that runs: deferred calls before it run only at the end.
    const stmts = statementsOf(literal.childForFieldName('body'));
    const first = stmts.find((st) => st.type !== 'defer_statement' && st.type !== 'comment');
    const add = first?.type === 'expression_statement' ? first.namedChild(0) : undefined;
    const callee = add?.type === 'call_expression' ? add.childForFieldName('function') : undefined;
    if (callee?.type !== 'selector_expression' || callee.childForFieldName('field')?.text !== 'Add') {
      const late = first ? lateAdd(literal, stmts, ctx.source) : undefined;
      if (late && waitGroupKind(late.wg, ctx) === 'wait-group') out.push(lateFinding(late.add, late.wg, first!, late.condition));
      continue;
    }
    const wg = callee.childForFieldName('operand')!;
    // It counts this goroutine: the same group is marked Done inside it.
    if (callsOf(literal, ctx.source, `${wg.text}.Done`).length === 0) continue;
    // Counted already, right before the go statement (`c.wg.Add(1); go func() { defer c.wg.Done();
    // c.wg.Add(n); …`): the Add inside counts the goroutines it starts, while the count cannot be zero.
    if (countedBefore(go, wg.text)) continue;
    // The goroutine waits for the group itself (`wg.Add(1); go func() { …; wg.Done() }(); wg.Wait()`):
    // the Add counts a goroutine it starts after it, not itself.
    if (callsOf(literal, ctx.source, `${wg.text}.Wait`).length > 0) continue;
    // Another type's Add may do more than count (hand an item on, and block).
    const kind = waitGroupKind(wg, ctx);
    if (kind === 'other') continue;
    const message = `${wg.text}.Add runs inside the goroutine it counts: ${wg.text}.Wait can return before the goroutine has started`;
    const moved = kind === 'unknown' ? { reason: `the code does not say ${wg.text} is a sync.WaitGroup: another type's Add may do more than count, and moved before the go it could block` } : plan(ctx, go, literal, call!, first!, add!, wg);
    // From Go 1.25, wg.Go where it says the same; moving the Add stays the alternative.
    const wgGo = moved.fix && waitGroupGoFix(ctx.source, ctx.goVersion, go, literal, call!, add!, wg);
    const fixes = wgGo ? { fix: wgGo, alternatives: [moved.fix!] } : moved;
    out.push({ start: add!.startIndex, end: add!.endIndex, message, ...fixes });
  }
  return out;
}

function lateFinding(add: Node, wg: Node, first: Node, condition?: Node): RawFinding {
  const line = first.startPosition.row + 1;
  const test = condition?.childForFieldName('condition')?.text;
  return {
    start: add.startIndex,
    end: add.endIndex,
    message: `${wg.text}.Add runs inside the goroutine it counts, ${condition ? 'under a condition' : 'after other statements'}: ${wg.text}.Wait can return before the goroutine has reached it`,
    reason: condition
      ? `the Add runs only if ${test} (line ${condition.startPosition.row + 1}): moved before the go statement it would need that test there too, evaluated before the goroutine starts; count it there (if ${test} { ${wg.text}.Add(1) }) if the test gives the same answer then`
      : `the goroutine runs code before the Add (from line ${line}): moved before the go statement, the Add would count a goroutine that may return before it ever reaches Done, and Wait would hang; count it where every path reaches Done`,
  };
}

function plan(ctx: FileContext, go: Node, literal: Node, call: Node, stmt: Node, add: Node, wg: Node): Pick<RawFinding, 'fix' | 'reason'> {
  const src = ctx.source;
  const nl = eol(src);
  if (go.parent?.type !== 'statement_list') return { reason: 'the go statement is not a plain statement of a block' };
  const params = literal.childForFieldName('parameters')!.namedChildren.filter((p) => p.type === 'parameter_declaration');
  const names = params.flatMap((p) => p.childrenForFieldName('name').map((n) => n.text));
  const locals = new Set(names);
  // The group as the spawning code sees it: itself, or the argument passed for a parameter.
  let outside = wg.text;
  const root = wg.text.split('.')[0];
  if (locals.has(root)) {
    if (wg.type !== 'identifier') return { reason: `${wg.text} is reached through a parameter of the goroutine` };
    const arg = call.childForFieldName('arguments')!.namedChildren[names.indexOf(root)];
    if (!arg) return { reason: 'the goroutine is called with fewer arguments than parameters' };
    outside = arg.type === 'unary_expression' && arg.text.startsWith('&') ? arg.text.slice(1) : arg.text;
    if (!/^[\w.]+$/.test(outside)) return { reason: `the group is passed as ${arg.text}` };
  }
  const closed = closedOnlyAfterWait(go, literal, outside);
  if (closed) {
    return { reason: `the goroutine loops over ${closed}, which the function closes only in a defer, after ${outside}.Wait(): counted before it starts, the goroutine would hold that Wait for good, where the Add inside let Wait pass it` };
  }
  const delta = add.childForFieldName('arguments')!.namedChildren;
  if (delta.length !== 1 || delta[0].descendantsOfType('identifier').some((id) => locals.has(id.text)) || (delta[0].type === 'identifier' && locals.has(delta[0].text))) {
    return { reason: 'the count passed to Add depends on the goroutine' };
  }
  const endOfLine = lineEnd(src, stmt.endIndex);
  const trailing = src.slice(stmt.endIndex, endOfLine).trim();
  if ((trailing !== '' && !trailing.startsWith('//')) || src.slice(lineStart(src, stmt.startIndex), stmt.startIndex).trim() !== '') {
    return { reason: 'the Add shares its line with other code' };
  }
  // The line moves whole, with a comment it carries.
  const insert = `${outside}.Add(${delta[0].text})${trailing ? ` ${trailing}` : ''}${nl}${indentAt(src, go.startIndex)}`;
  return {
    fix: {
      description: `call ${outside}.Add(${delta[0].text}) before starting the goroutine`,
      edits: [
        { start: go.startIndex, end: go.startIndex, text: insert },
        deleteLines(src, stmt),
      ],
    },
  };
}

/** Whether the statement just before the go statement adds to the same group (`wg.Add(1)`). */
function countedBefore(go: Node, wg: string): boolean {
  let prev = go.previousNamedSibling;
  while (prev?.type === 'comment') prev = prev.previousNamedSibling;
  return prev?.type === 'expression_statement' && prev.text.replace(/\s/g, '').startsWith(`${wg.replace(/\s/g, '')}.Add(`);
}
