import { doneReceive, type CancellationSource } from './cancellation.js';
import { aliasedDoneReceives } from './done-aliases.js';
import { regexEscaped } from './find-by-text.js';
import { labelReachedOnDone, loopLeftOnlyOnDone, rangeOverSource } from './done-exits.js';
import { LEAVES_CASE } from './result-channel.js';
import { ancestors, contains, firstLine, FUNCTION_TYPES, same, unparen, type Node } from './syntax.js';

/** `ctx, cancel := context.WithCancel(…)` (or `=`) in the text of the function that declares the source: the cancel functions it was given. */
export function cancelFunctions(source: CancellationSource, declaring = source.fn.text): string[] {
  if (!source.isContext) return [];
  const given = new RegExp(`\\b${regexEscaped(source.expr)}\\s*,\\s*(\\w+)\\s*:?=\\s*\\w+\\.With\\w+\\(`, 'g');
  return [...declaring.matchAll(given)].map((m) => m[1]).filter((name) => name !== '_');
}

/** Where `node` (a send, a call, or a call of the closure holding it) runs with the source known done, within `fn`. */
export function doneAt(node: Node, fn: Node, source: CancellationSource): string | undefined {
  const receive = doneReceive(source).replace(/\s/g, '');
  let aliased: string[] | undefined;
  const aliases = () => (aliased ??= aliasedDoneReceives(source));
  // `cancel()` or `close(stop)` as a statement before it: the source ended there.
  const ends = new Set([...cancelFunctions(source).map((c) => `${c}()`), ...(source.isContext ? [] : [`close(${source.expr.replace(/\s/g, '')})`])]);
  for (const a of ancestors(node)) {
    if (same(a, fn)) break;
    // `<-ctx.Done()` as a statement before it, in a block around it.
    if (a.type === 'statement_list') {
      for (let s = a.firstNamedChild; s && s.startIndex < node.startIndex; s = s.nextNamedSibling) {
        // Or on a local holding its done channel (`done := ctx.Done()`, then `<-done`).
        if (s.type === 'expression_statement' && (s.text.replace(/\s/g, '') === receive || aliases().includes(s.text.replace(/\s/g, ''))) && !contains(s, node)) return `after ${s.text}`;
        // `go cancel()` ends it as well, a moment later: the send races the end (a test's own stop).
        const ended = s.type === 'go_statement' ? s.namedChild(0) : s.type === 'expression_statement' ? s : undefined;
        if (ended && ends.has(ended.text.replace(/\s/g, ''))) return `after ${s.text}`;
        // For a receiver's context, the receiver's own cancel (`s.cancel()`, `s.cancelFunc()`).
        if (ended && fieldCancel(source)?.test(ended.text.replace(/\s/g, ''))) return `after ${s.text}`;
        // An if before it whose branch may end the source and goes on to it (`if err != nil {
        // cancel() }`): perkeep's sync cancelled its enumerations on an error, then reported it.
        const branch = s.type === 'if_statement' && !contains(s, node) ? cancellingBranch(s, ends, fieldCancel(source)) : undefined;
        if (branch) return `after ${branch}`;
        // A callback given to a call before it that ends the source (`r.Completion(ctx, p, func(…)
        // { … cancel() … })`): it may have run by the time the send does.
        const callback = !contains(s, node) ? endingCallback(s, ends) : undefined;
        if (callback) return `after ${firstLine(s.text)}, whose callback runs ${callback}`;
        // A select whose `case <-ctx.Done():` goes on to the statements after it.
        const fallsThrough = s.type === 'select_statement' && !contains(s, node) ? doneCaseGoingOn(s, receive) : undefined;
        if (fallsThrough) return `after a select whose ${fallsThrough} goes on to it`;
        // A loop for good left only once the source is done (`case <-ctx.Done(): break Loop`).
        // Or by its own condition (`for ctx.Err() == nil {`), or a flag set only once it is done.
        const left = !contains(s, node) ? loopLeftOnlyOnDone(s, receive, source) : undefined;
        if (left) return `after a loop left only once ${source.expr} is done (${left})`;
        const over = !contains(s, node) ? rangeOverSource(s, source) : undefined;
        if (over) return `after a loop over ${over}, which ends once ${source.expr} is done`;
        // A label jumped to only from `case <-ctx.Done():` (`goto out`), not gone on to otherwise.
        const label = labelReachedOnDone(s, receive, source);
        if (label) return label;
      }
    }
    if (a.type === 'communication_case') {
      const comm = a.childForFieldName('communication');
      if (comm && comm.text.replace(/\s/g, '').endsWith(receive) && !contains(comm, node)) return `in case ${comm.text}`;
    }
    if (a.type === 'if_statement' && source.isContext) {
      // `if ctx.Err() != nil {`, or a conjunction with it (`ctx.Err() != nil && jobErr == nil`).
      const cond = a.childForFieldName('condition');
      const consequence = a.childForFieldName('consequence');
      // Or its error held by the if's own statement (`if err := ctx.Err(); err != nil {`).
      const held = errHeldBy(a.childForFieldName('initializer'), source.expr);
      const tests = new Set([`${source.expr}.Err()!=nil`, ...(held ? [`${held}!=nil`] : [])]);
      const checks = cond ? conjuncts(cond).some((c) => tests.has(c.text.replace(/\s/g, ''))) : false;
      if (checks && consequence && contains(consequence, node)) return held ? `under if ${held} := ${source.expr}.Err(); ${held} != nil` : `under if ${source.expr}.Err() != nil`;
      // Or an error telling of a cancellation (`if err == ErrorCanceled`, `errors.Is(err,
      // context.Canceled)`): the branch handling the context's end (velero's OnCancelled callback).
      const cancelled = cond ? conjuncts(cond).find((c) => CANCELLED.test(c.text)) : undefined;
      if (cancelled && consequence && contains(consequence, node)) return `under if ${cancelled.text}, the branch for its cancellation`;
    }
  }
  if (source.isContext && node.childForFieldName('value')?.text.replace(/\s/g, '') === `${source.expr}.Err()`) return `it sends ${source.expr}.Err()`;
  return undefined;
}

/** `err := ctx.Err()`, an if's own statement: the name it gives the context's error. */
function errHeldBy(init: Node | null, expr: string): string | undefined {
  if (init?.type !== 'short_var_declaration') return undefined;
  const left = init.childForFieldName('left')?.namedChildren ?? [];
  const right = init.childForFieldName('right')?.namedChildren ?? [];
  const ok = left.length === 1 && right.length === 1 && left[0].type === 'identifier' && right[0].text.replace(/\s/g, '') === `${expr}.Err()`;
  return ok ? left[0].text : undefined;
}

/**
 * An if whose branch (then or else) runs a cancel as one of its statements, with no return,
 * break, continue, goto or panic beside it: the code after the if may run once it has. The if
 * as written short: `if err != nil { cancel() }`.
 */
function cancellingBranch(stmt: Node, ends: Set<string>, field: RegExp | undefined): string | undefined {
  if (ends.size === 0 && !field) return undefined;
  const head = `if ${stmt.childForFieldName('initializer') ? `${stmt.childForFieldName('initializer')!.text}; ` : ''}${stmt.childForFieldName('condition')?.text}`;
  for (const [branch, shown] of [[stmt.childForFieldName('consequence'), (c: string) => `${head} { ${c} }`], [stmt.childForFieldName('alternative'), (c: string) => `${head} { … } else { ${c} }`]] as const) {
    if (branch?.type !== 'block') continue;
    const cancel = branch.descendantsOfType('expression_statement').find((e) => {
      const text = e.text.replace(/\s/g, '');
      if (!ends.has(text) && !field?.test(text)) return false;
      // Not a cancel the if declares anew (`if cancel, ok := subs[id]; ok`, `ctx, cancel := …` in the branch).
      const name = /^(\w+)\(\)$/.exec(text)?.[1];
      if (name && declares(stmt, name)) return false;
      // Nor one in a closure, or on a path that leaves (`cancel(); return`, `…; continue` around it).
      const within = ancestors(e).filter((a) => contains(branch, a));
      if (within.some((a) => FUNCTION_TYPES.has(a.type))) return false;
      return !within.filter((a) => a.type === 'statement_list' || a.type === 'block').some((list) => list.namedChildren.some((sib) => LEAVING.has(sib.type) || (sib.type === 'expression_statement' && /^panic\(/.test(sib.text))));
    });
    if (cancel) return shown(cancel.text);
  }
  return undefined;
}

/** Whether a statement declares `name` within it (`:=` or `var`). */
function declares(stmt: Node, name: string): boolean {
  const short = stmt.descendantsOfType('short_var_declaration').some((d) => d.childForFieldName('left')?.namedChildren.some((n) => n.text === name));
  return short || stmt.descendantsOfType('var_spec').some((v) => v.childrenForFieldName('name').some((n) => n.text === name));
}

const LEAVING = new Set(['return_statement', 'break_statement', 'continue_statement', 'goto_statement']);

/** A test of an error for a cancellation: `err == ErrorCanceled`, `errors.Is(err, context.Canceled)`. */
const CANCELLED = /^\w+\s*==\s*[\w.]*Cancel+ed$|^errors\.Is\(\s*\w+\s*,\s*[\w.]*Cancel+ed\s*\)$/;

/** A cancel (one of `ends`, as written without spaces) run by a function literal given to a call in the statement: the cancel as written. */
function endingCallback(statement: Node, ends: Set<string>): string | undefined {
  if (ends.size === 0) return undefined;
  for (const literal of statement.descendantsOfType('func_literal')) {
    if (literal.parent?.type !== 'argument_list') continue;
    const end = literal.descendantsOfType('expression_statement').find((e) => ends.has(e.text.replace(/\s/g, '')));
    if (end) return end.text;
  }
  return undefined;
}

/** The `case <-ctx.Done():` of a select that does not leave (no return, break, continue, goto or panic in it), as written. */
function doneCaseGoingOn(select: Node, receive: string): string | undefined {
  for (const kase of select.namedChildren) {
    const comm = kase.type === 'communication_case' ? kase.childForFieldName('communication') : null;
    if (!comm || comm.text.replace(/\s/g, '') !== receive) continue;
    const body = kase.namedChildren.filter((c) => !same(c, comm)).map((c) => c.text).join('\n');
    if (!LEAVES_CASE.test(body)) return `case ${comm.text}:`;
  }
  return undefined;
}

/**
 * For a receiver field `s.ctx`: a call of a cancel field of the same receiver (`s.cancel()`,
 * `a.stop()` where `stop context.CancelFunc` is the file's, as go-dqlite's App declares it).
 */
export function fieldCancel(source: CancellationSource): RegExp | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const recv = source.expr.slice(0, source.expr.lastIndexOf('.'));
  const typed = cancelFields(source.fn.tree);
  return new RegExp(`^${regexEscaped(recv)}\\.(\\w*[cC]ancel\\w*${typed.map((n) => `|${n}`).join('')})\\(\\)$`);
}

/** Fields the file types `context.CancelFunc` under names without "cancel" (`stop`), by tree. */
const cancelFieldsByTree = new WeakMap<object, string[]>();

function cancelFields(tree: Node['tree']): string[] {
  let names = cancelFieldsByTree.get(tree);
  if (!names) cancelFieldsByTree.set(tree, (names = Array.from(tree.rootNode.text.matchAll(/^\s+(\w+)\s+context\.CancelFunc\b/gm), (m) => m[1]).filter((n) => !/[cC]ancel/.test(n))));
  return names;
}

/** The operands of a chain of `&&` (in parentheses or not): each holds when the whole does. */
function conjuncts(cond: Node): Node[] {
  const e = unparen(cond);
  if (e.type === 'binary_expression' && e.childForFieldName('operator')?.text === '&&') {
    return [...conjuncts(e.childForFieldName('left')!), ...conjuncts(e.childForFieldName('right')!)];
  }
  return [e];
}
