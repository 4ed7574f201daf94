import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { lingeringTimePackage, timersLinger } from '../../src/go/lingering-timers.js';
import { breaksOut, enclosingLoops } from '../../src/go/loops.js';
import { callsOf, codeWords } from '../../src/go/find-by-text.js';
import { declaresName } from '../../src/go/top-level-names.js';
import { enclosingFunction, eol, freshNameIn, indentAt, lineEnd, statementsOf, touchesError, usedNames, type Node } from '../../src/go/syntax.js';
import { docs } from './docs.js';
import { mayHaveLoop } from '../../src/go/text-signals.js';

export const timeAfterInLoop: Codemod = {
  id: 'time-after-in-loop',
  title: 'time.After in a select loop becomes a timer stopped when another case wins (modules below Go 1.23, or with asynctimerchan=1)',
  docs,
  severity: 'warning',
  enabledByDefault: true,
  options: [],
  // `includes` first: a search for a plain string is far faster than for the pattern.
  prefilter: (text, goVersion, godebug) => timersLinger(goVersion, godebug) && text.includes('.After') && /\.After\s*\(/.test(text) && mayHaveLoop(text),
  triggers: /\.After\s*\(/,
  find,
};

function find(ctx: FileContext): RawFinding[] {
  // From Go 1.23 a timer nobody references is collected before it fires (not with asynctimerchan=1).
  const time = lingeringTimePackage(ctx);
  if (!time) return [];
  const out: RawFinding[] = [];
  for (const call of callsOf(ctx.tree.rootNode, ctx.source, `${time}.After`)) {
    if (touchesError(call)) continue;
    const loops = enclosingLoops(call);
    // A loop whose every pass ends it (`for { select { case <-ctx.Done(): return …; case
    // <-time.After(d): return nil } }`: cadence's mocks) makes one timer, as a plain select would.
    if (loops.length === 0 || (loops.length === 1 && endsOnFirstPass(loops[0])) || leavesAfter(call, loops)) continue;
    // `<-time.After(d)` on its own, a sleep: every timer fires before the next pass, none left behind.
    if (call.parent?.type === 'unary_expression' && call.parent.parent?.type === 'expression_statement') continue;
    const d = call.childForFieldName('arguments')!.namedChildren[0];
    const message = `${call.text} in a loop starts a new timer every iteration, each alive until it fires (${d?.text ?? '?'}) even when another case wins`;
    const plan = timerPerPass(call, loops[0], ctx, time);
    out.push({ start: call.startIndex, end: call.endIndex, message, ...plan });
  }
  return out;
}

/**
 * Whether every pass reaching the call then leaves the loops: a statement holding it is followed,
 * in the same list inside the loop, by a return (or a break out of the only loop), with no
 * \`continue\` or \`goto\` on the way (\`case <-ctx.Done(): select { case <-done: case
 * <-time.After(d): }; return\`: a last wait at shutdown). One timer per run of the loop, not per pass.
 */
function leavesAfter(call: Node, loops: Node[]): boolean {
  for (let st: Node | null = call; st && st.id !== loops[0].id; st = st.parent) {
    if (st.parent?.type !== 'statement_list') continue;
    const rest: Node[] = [];
    for (let next: Node | null = st; next; next = next.nextNamedSibling) {
      rest.push(next);
      const leaves = next.type === 'return_statement' || (next.type === 'break_statement' && loops.length === 1 && breaksOut(next, loops[0]));
      if (leaves) return !rest.some((r) => r.descendantsOfType(['continue_statement', 'goto_statement']).length > 0 || r.type === 'continue_statement' || r.type === 'goto_statement');
    }
  }
  return false;
}

/** A loop whose body is one select, each case of which ends in a return or a break out of the loop. */
function endsOnFirstPass(loop: Node): boolean {
  const stmts = statementsOf(loop.childForFieldName('body')).filter((st) => st.type !== 'comment');
  if (stmts.length !== 1 || stmts[0].type !== 'select_statement') return false;
  const cases = stmts[0].namedChildren.filter((c) => c.type === 'communication_case' || c.type === 'default_case');
  return cases.length > 0 && cases.every((c) => {
    const last = c.namedChildren.find((n) => n.type === 'statement_list')?.namedChildren.filter((n) => n.type !== 'comment').at(-1);
    return last?.type === 'return_statement' || (last?.type === 'break_statement' && breaksOut(last, loop));
  });
}

/** The simple shape: `case <-time.After(d):` in a select that is a statement of the loop body, d computed by no call. */
function timerPerPass(call: Node, loop: Node, ctx: FileContext, time: string): Pick<RawFinding, 'fix' | 'reason'> {
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
  // Read again on each pass, before the select rather than among its cases: the same value, unless
  // a call computes it (\`time.Duration(n)\`, a conversion, aside).
  const calls = [d, ...d.descendantsOfType('call_expression')].filter((c) => c.type === 'call_expression' && c.childForFieldName('function')?.text !== `${time}.Duration`);
  if (calls.length > 0) {
    return { reason: `the duration ${d.text} is computed by a call (${calls[0].childForFieldName('function')!.text}), which would run before the select's other cases rather than among them` };
  }
  const before = workBeforeTimer(select, kase);
  if (before) {
    if (before.type === 'unary_expression') return { reason: `${before.text}, in a case before it, is waited for before ${time}.After starts its timer: a timer made before the select would count that wait too, and could fire with the value already taken` };
    return { reason: `${before.text}, in a case before it, is computed before ${time}.After starts its timer: a timer made before the select would count that call's time too` };
  }
  const fn = enclosingFunction(loop);
  // Names the function uses, and the package's top-level ones: the timer must not shadow a type
  // or a variable. Another function's local `timer` is no reason for a `timer2`.
  const used = fn ? usedNames(fn) : codeWords(ctx.source);
  const index = ctx.packageIndex();
  const timer = freshNameIn(fn ?? ctx.tree.rootNode, 'timer', { has: (name) => used.has(name) || declaresName(index, name) });
  const nl = eol(ctx.source);
  const si = indentAt(ctx.source, select.startIndex);
  // The timer stopped as soon as another case wins: it no longer lives until it fires.
  const others = select.namedChildren.filter((c) => (c.type === 'communication_case' || c.type === 'default_case') && c.id !== kase.id);
  const stops = others.map((c) => {
    const colon = c.children.find((t) => t.type === ':')!;
    const at = lineEnd(ctx.source, colon.endIndex);
    return { start: at, end: at, text: `${nl}${indentAt(ctx.source, c.startIndex)}\t${timer}.Stop()` };
  });
  return {
    fix: {
      description: `a ${time}.NewTimer made before the select, stopped when another case wins`,
      edits: [
        { start: select.startIndex, end: select.startIndex, text: `${timer} := ${time}.NewTimer(${d.text})${nl}${si}` },
        { start: call.startIndex, end: call.endIndex, text: `${timer}.C` },
        ...stops,
      ],
    },
  };
}

/**
 * A call the select evaluates before it reaches `time.After`: a value sent (`out <- s.nextPage(ctx)`),
 * or a channel given by a call (`s.events()`, which may wait for a lock held meanwhile: fosite's
 * device flow). Go starts the timer after them; the rewrite, before. A context's `Done()` (also
 * `x.Context().Done()`) costs nothing.
 */
const FREE = /^[\w.]+(\.Context\(\))?\.Done\(\)$/;

function workBeforeTimer(select: Node, kase: Node): Node | undefined {
  for (const c of select.namedChildren) {
    if (c.id === kase.id) return undefined;
    const comm = c.childForFieldName('communication');
    if (!comm) continue;
    const value = comm.type === 'send_statement' ? comm.childForFieldName('value') : undefined;
    const valueCall = value && [value, ...value.descendantsOfType('call_expression')].find((n) => n.type === 'call_expression');
    if (valueCall) return valueCall;
    // A receive evaluated as the select is entered (`case p.out <- <-p.in:`, `case <-<-jobs:`): it
    // waits before time.After is even called, and the timeout counts from the value in hand.
    const receive = (n: Node | null | undefined) => n && [n, ...n.descendantsOfType('unary_expression')].find((u) => u.type === 'unary_expression' && u.childForFieldName('operator')?.text === '<-');
    const valueWait = receive(value);
    if (valueWait) return valueWait;
    const channel = comm.type === 'send_statement' ? comm.childForFieldName('channel') : comm.childForFieldName('right');
    const read = channel?.type === 'unary_expression' ? channel.childForFieldName('operand') : channel;
    const readWait = comm.type === 'send_statement' ? receive(channel) : receive(read);
    if (readWait) return readWait;
    const work = channel && !FREE.test(read?.text.replace(/\s/g, '') ?? '') ? [channel, ...channel.descendantsOfType('call_expression')].find((n) => n.type === 'call_expression') : undefined;
    if (work) return work;
  }
  return undefined;
}
