import type { CancellationSource } from './cancellation.js';
import { asksDone } from './done-checks.js';
import { breaksOut } from './loops.js';
import { ancestors, contains, enclosingFunction, firstLine, FUNCTION_TYPES, previousStatement, same, statementsOf, unparen, type Node } from './syntax.js';

// Code reached only through a test of a context being done runs with it done: after a loop whose
// every way out is such a test (its own condition `for ctx.Err() == nil`, a flag set only in `case
// <-ctx.Done():`, a break taken there), or at a label jumped to only from there. A loop that can
// also end another way (`i < n && ctx.Err() == nil`, a flag set by a receive too, a break on an
// error) may be left with the context alive, and says nothing; but a range over a call given the
// context ends once it is done, if not before, and the code after it may run with it done.

/**
 * A loop (labelled or not) whose every way out to the statement after it is taken once the source
 * is done: its condition, if it has one, tests the source, and each of its breaks does. How the
 * loop is left as written (`its condition ctx.Err() == nil`, `case <-ctx.Done()`); the condition's
 * first, else the first break's.
 */
export function loopLeftOnlyOnDone(stmt: Node, receive: string, source: CancellationSource): string | undefined {
  const loop = stmt.type === 'labeled_statement' ? stmt.namedChildren.find((c) => c.type === 'for_statement') : stmt;
  if (loop?.type !== 'for_statement' || loop.namedChildren.some((c) => c.type === 'range_clause') || /\bgoto\b/.test(loop.text)) return undefined;
  const clause = loop.namedChildren.find((c) => c.type === 'for_clause');
  const cond = clause ? clause.childForFieldName('condition') : loop.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
  let first: string | undefined;
  if (cond) {
    const test = doneCondition(cond, loop, receive, source);
    if (!test) return undefined;
    first = `its condition ${test}`;
  }
  for (const b of loop.descendantsOfType('break_statement').filter((b) => breaksOut(b, loop))) {
    const taken = breakOnDone(b, loop, receive, source);
    if (!taken) return undefined;
    first ??= taken;
  }
  return first;
}

/**
 * A range over what a call given the source hands back (`for env := range a.mailbox.Receive(a.ctx)`,
 * an iterator or a channel bound to it): the loop ends once the source is done, if not before, and
 * the code after it may run with it done (lnd's actor hands what is left in its mailbox on to its
 * dead letters there, after its context was cancelled). The ranged call as written.
 */
export function rangeOverSource(stmt: Node, source: CancellationSource): string | undefined {
  const loop = stmt.type === 'labeled_statement' ? stmt.namedChildren.find((c) => c.type === 'for_statement') : stmt;
  const ranged = loop?.type === 'for_statement' ? loop.namedChildren.find((c) => c.type === 'range_clause')?.childForFieldName('right') : undefined;
  const call = ranged ? unparen(ranged) : undefined;
  if (call?.type !== 'call_expression') return undefined;
  const given = (call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.text.replace(/\s/g, '') === source.expr.replace(/\s/g, ''));
  return given ? firstLine(call.text) : undefined;
}

/**
 * A label reached only once the source is done: every goto to it is taken in `case <-ctx.Done():`
 * (or under `if ctx.Err() != nil`), and the statement before it never goes on to it but in the
 * same way (a return, or a `for {` left only so). The label and the first goto's case, as written.
 */
export function labelReachedOnDone(stmt: Node, receive: string, source: CancellationSource): string | undefined {
  if (stmt.type !== 'labeled_statement') return undefined;
  const label = stmt.childForFieldName('label')?.text;
  const fn = enclosingFunction(stmt);
  if (!label || !fn) return undefined;
  const gotos = fn.descendantsOfType('goto_statement').filter((g) => g.namedChild(0)?.text === label && same(enclosingFunction(g), fn));
  const takenAt = gotos.map((g) => testOnPath(g, fn, receive, source));
  if (gotos.length === 0 || takenAt.some((t) => !t)) return undefined;
  const prev = previousStatement(stmt);
  if (!prev) return undefined;
  const goesOn = !ENDS_PATH.has(prev.type) && !/^panic\(/.test(prev.text) && !endlessLeftOnlyOnDone(prev, receive, source);
  return goesOn ? undefined : `past label ${label}:, reached only once ${source.expr} is done (goto ${label} in ${takenAt[0]})`;
}

const ENDS_PATH = new Set(['return_statement', 'goto_statement', 'continue_statement', 'break_statement']);

/** A `for {` (labelled or not) that goes on to what follows only by breaks taken once the source is done, or not at all; its gotos are judged by their labels. */
function endlessLeftOnlyOnDone(stmt: Node, receive: string, source: CancellationSource): boolean {
  const loop = stmt.type === 'labeled_statement' ? stmt.namedChildren.find((c) => c.type === 'for_statement') : stmt;
  if (loop?.type !== 'for_statement' || loop.namedChildren.some((c) => c.type !== 'block' && c.type !== 'comment')) return false;
  const breaks = loop.descendantsOfType('break_statement').filter((b) => breaksOut(b, loop));
  return breaks.every((b) => breakOnDone(b, loop, receive, source));
}

/** The ctx test a statement is taken under within `within`: its `case <-ctx.Done()`, or its `if ctx.Err() != nil`. */
function testOnPath(node: Node, within: Node, receive: string, source: CancellationSource): string | undefined {
  for (const a of ancestors(node)) {
    if (same(a, within) || FUNCTION_TYPES.has(a.type)) break;
    const comm = a.type === 'communication_case' ? a.childForFieldName('communication') : null;
    if (comm?.text.replace(/\s/g, '').endsWith(receive)) return `case ${comm.text}`;
    const cond = a.type === 'if_statement' ? a.childForFieldName('condition') : null;
    const branch = a.type === 'if_statement' ? a.childForFieldName('consequence') : null;
    if (cond && branch && contains(branch, node) && source.isContext && asksDone(unparen(cond), source.expr.replace(/\s/g, ''))) return `if ${cond.text}`;
  }
  return undefined;
}

/**
 * How a break leaving `loop` is taken once the source is done: in `case <-ctx.Done():` (`break
 * Loop`), under `if ctx.Err() != nil`, or after a select of the loop's body whose other cases all
 * leave (`continue`, return), so that only its done case goes on to the break.
 */
function breakOnDone(b: Node, loop: Node, receive: string, source: CancellationSource): string | undefined {
  const tested = testOnPath(b, loop, receive, source) ?? failedReceiveGiven(b, loop, source);
  if (tested) return tested;
  const select = selectBefore(b);
  const done = select ? onlyDoneCaseGoesOn(select, receive) : undefined;
  return done ? `case ${done}, then the break after its select` : undefined;
}

/**
 * A break under `if !ok` whose `ok` a call given the source set in the loop's body before it
 * (`msg, ok := a.mailbox.Receive(a.ctx)`): the loop ends when that call gives up, in practice once
 * the source is done (lnd's actor, draining its mailbox after its stop). Not `if err != nil`: an
 * error may as well end a read whose context lives on.
 */
function failedReceiveGiven(b: Node, loop: Node, source: CancellationSource): string | undefined {
  const test = ancestors(b).find((a) => a.type === 'if_statement' && contains(loop, a));
  const cond = test?.childForFieldName('condition');
  const name = cond ? /^!\s*(\w+)$/.exec(unparen(cond).text.trim())?.[1] : undefined;
  if (!test || !name || !contains(test.childForFieldName('consequence') ?? test, b)) return undefined;
  const set = loop.descendantsOfType('short_var_declaration').find((d) => d.endIndex <= test.startIndex && (d.childForFieldName('left')?.namedChildren ?? []).some((n) => n.text === name));
  const call = set?.childForFieldName('right')?.namedChildren[0];
  return call?.type === 'call_expression' && givenSource(call, source) ? `${firstLine(call.text)} failed, given ${source.expr}` : undefined;
}

/** Whether a call is handed the source itself as an argument. */
function givenSource(call: Node, source: CancellationSource): boolean {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.text.replace(/\s/g, '') === source.expr.replace(/\s/g, ''));
}

/** The select that the statements before a break in its own block start with, the rest of them not jumping anywhere. */
function selectBefore(b: Node): Node | undefined {
  for (let prev = previousStatement(b); prev; prev = previousStatement(prev)) {
    if (prev.type === 'select_statement') return prev;
    if (prev.type === 'labeled_statement' || prev.descendantsOfType([...ENDS_PATH, 'labeled_statement']).length > 0) return undefined;
  }
  return undefined;
}

/** The select's `<-ctx.Done()` communication, when its every other case (a default too) ends by leaving: return, continue, a labelled break, goto, panic. */
function onlyDoneCaseGoesOn(select: Node, receive: string): string | undefined {
  let done: string | undefined;
  for (const kase of select.namedChildren) {
    if (kase.type !== 'communication_case' && kase.type !== 'default_case') continue;
    const comm = kase.childForFieldName('communication');
    if (comm?.text.replace(/\s/g, '').endsWith(receive)) {
      done ??= comm.text;
      continue;
    }
    const last = statementsOf(kase).filter((s) => s.type !== 'comment').at(-1);
    const leaves = !!last && ((ENDS_PATH.has(last.type) && !(last.type === 'break_statement' && !last.namedChild(0))) || /^panic\(/.test(last.text));
    if (!leaves) return undefined;
  }
  return done;
}

/**
 * A loop condition that holds while the source is not done: `ctx.Err() == nil`, `!isDone(ctx)`,
 * or a flag set only once it is (`!stopped`, set true only in `case <-ctx.Done():`; `running`,
 * set false only there). As written, with where the flag is set.
 */
function doneCondition(cond: Node, loop: Node, receive: string, source: CancellationSource): string | undefined {
  const c = unparen(cond);
  const expr = source.expr.replace(/\s/g, '');
  if (source.isContext && c.type === 'binary_expression' && c.childForFieldName('operator')?.text === '==' && c.childForFieldName('right')?.text === 'nil' && c.childForFieldName('left')!.text.replace(/\s/g, '') === `${expr}.Err()`) return c.text;
  const negated = c.type === 'unary_expression' && c.childForFieldName('operator')?.text === '!';
  const operand = negated ? unparen(c.childForFieldName('operand')!) : c;
  if (negated && source.isContext && asksDone(operand, expr)) return c.text;
  if (operand.type !== 'identifier') return undefined;
  const set = flagSetOnlyOnDone(operand.text, negated, loop, receive, source);
  return set ? `${c.text}, set only in ${set}` : undefined;
}

/**
 * Whether the bool local `name` starts as the loop needs (false for `!name`, true for `name`) and
 * every other write of it in the function gives it the other value once the source is done: in
 * `case <-ctx.Done():`, under `if ctx.Err() != nil`, or as `name = ctx.Err() != nil`. Where the
 * first such write is taken.
 */
function flagSetOnlyOnDone(name: string, negated: boolean, loop: Node, receive: string, source: CancellationSource): string | undefined {
  const fn = enclosingFunction(loop);
  const decl = fn && flagDeclaration(loop, fn, name);
  const start = decl?.type === 'var_spec' ? decl.childForFieldName('value')?.text ?? (decl.childForFieldName('type')?.text === 'bool' ? 'false' : undefined) : decl?.childForFieldName('right')?.text;
  if (!fn || !decl || start !== String(!negated)) return undefined;
  const wanted = String(negated);
  let first: string | undefined;
  for (const id of fn.descendantsOfType('identifier').filter((i) => i.text === name && !contains(decl, i))) {
    const write = ancestors(id).find((a) => WRITES.has(a.type) && !same(a, fn));
    const left = write?.childForFieldName('left');
    const written = !!left && contains(left, id);
    if (id.parent?.type === 'unary_expression' && id.parent.childForFieldName('operator')?.text === '&') return undefined;
    if (!written) continue;
    const value = write!.type === 'assignment_statement' && write!.childForFieldName('operator')?.text === '=' && left!.namedChildCount === 1 ? write!.childForFieldName('right')?.text.replace(/\s/g, '') : undefined;
    if (source.isContext && negated && value === `${source.expr.replace(/\s/g, '')}.Err()!=nil`) {
      first ??= write!.text;
      continue;
    }
    const tested = value === wanted ? testOnPath(write!, fn, receive, source) : undefined;
    if (!tested) return undefined;
    first ??= tested;
  }
  return first;
}

const WRITES = new Set(['assignment_statement', 'short_var_declaration', 'receive_statement', 'range_clause', 'inc_statement', 'dec_statement']);

/** The declaration of `name` as a single local of the function, in a statement before the loop in a block around it: `name := false` or `var name bool`. */
function flagDeclaration(loop: Node, fn: Node, name: string): Node | undefined {
  for (const a of ancestors(loop)) {
    if (same(a, fn)) break;
    if (a.type !== 'statement_list') continue;
    let last: Node | undefined;
    for (let s = a.firstNamedChild; s && s.endIndex <= loop.startIndex; s = s.nextNamedSibling) {
      if (s.type === 'short_var_declaration' && s.childForFieldName('left')?.text === name && s.childForFieldName('right')?.namedChildCount === 1) last = s;
      const spec = s.type === 'var_declaration' ? s.descendantsOfType('var_spec').find((v) => v.childrenForFieldName('name').length === 1 && v.childForFieldName('name')?.text === name) : undefined;
      if (spec) last = spec;
    }
    if (last) return last;
  }
  return undefined;
}
