import { declarationOf } from '../../src/go/scope.js';
import { ancestors, contains, ERROR_VARIABLE, firstLine, insideLiteral, same, type Node } from '../../src/go/syntax.js';

// A goroutine that settles its outcome in a deferred literal ("whichever way the work returns"),
// from variables the work after that defer assigns: the recover defer, set first, runs last, so
// on a recovered panic the settling defer runs with them unset.

/** Calls that only log what they are given: they hand nothing on to a waiter. */
const LOGS = /(^|\.)(Print\w*|Debug\w*|Info\w*|Warn\w*|Log\w*|Trace\w*)$/;

/** The variables (by name, with the assignment) the goroutine's statements after `from` assign with `=`, outside literals and defers. */
function assignedAfter(stmts: Node[], from: Node, body: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const st of stmts.filter((s) => s.startIndex > from.endIndex && s.type !== 'defer_statement' && s.type !== 'go_statement')) {
    for (const assign of [st, ...st.descendantsOfType('assignment_statement')]) {
      if (assign.type !== 'assignment_statement' || insideLiteral(assign, body) || assign.childForFieldName('operator')?.text !== '=') continue;
      for (const left of assign.childForFieldName('left')?.namedChildren ?? []) {
        if (left.type === 'identifier' && left.text !== '_' && !out.has(left.text)) out.set(left.text, assign);
      }
    }
  }
  return out;
}

/**
 * Whether `use` names the variable the assignment sets, declared by the goroutine before the
 * deferred literal with no value (`var v any`, `var err error`): unset until the work sets it. Not
 * a parameter, which starts with what it is handed (swarmkit's snapshot sends the metadata it was
 * given on any failure).
 */
function unsetVariable(use: Node, assign: Node, literal: Node, body: Node): boolean {
  const a = declarationOf(use.text, use);
  const b = declarationOf(use.text, assign);
  if (!a || !b || !('local' in a) || !('local' in b) || !same(a.local.decl, b.local.decl)) return false;
  const decl = a.local.decl;
  return contains(body, decl) && !contains(literal, decl) && decl.endIndex <= literal.startIndex && (!a.local.value || a.local.value.text === 'nil');
}

/**
 * Where the deferred literal hands a name on: an argument of a call that is no logging
 * (`resolve(v)`, `reject(err)`), a value sent, or a condition it tests (`if err != nil {`). The
 * statement or call, as written.
 */
function handedOn(id: Node, body: Node): Node | undefined {
  for (const a of ancestors(id)) {
    if (same(a, body) || !contains(body, a)) return undefined;
    if (a.type === 'argument_list') {
      const call = a.parent!;
      return LOGS.test(call.childForFieldName('function')?.text ?? '') ? undefined : call;
    }
    if (a.type === 'send_statement') return a;
    const condition = a.type === 'if_statement' ? a.childForFieldName('condition') : undefined;
    if (condition && contains(condition, id)) return condition;
  }
  return undefined;
}

/**
 * A deferred function literal of the goroutine (`defer func() { if err != nil { reject(err);
 * return }; resolve(v) }()`) that hands on variables the goroutine assigns after that defer (`v,
 * err = fn()`): the recover, set at the top, would run after it, so a panic in the work would run
 * it with them unset, a nil error read as a success (a variant of xk6-browser's promise, resolved
 * with nil). Why, as a refusal's reason.
 */
export function settledInDefer(stmts: Node[], body: Node): string | undefined {
  for (const st of stmts) {
    if (st.type !== 'defer_statement') continue;
    const call = st.namedChild(0);
    const literal = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    if (literal?.type !== 'func_literal') continue;
    const assigned = assignedAfter(stmts, st, body);
    if (assigned.size === 0) continue;
    const inner = literal.childForFieldName('body')!;
    const names: string[] = [];
    let shown: Node | undefined;
    let work: Node | undefined;
    let tested: Node | undefined;
    for (const id of inner.descendantsOfType('identifier')) {
      const assign = assigned.get(id.text);
      if (!assign || insideLiteral(id, inner)) continue;
      const on = handedOn(id, inner);
      if (!on || !unsetVariable(id, assign, literal, body)) continue;
      if (!names.includes(id.text)) names.push(id.text);
      if (on.type === 'call_expression' || on.type === 'send_statement') shown = on;
      tested ??= on;
      work ??= assign;
    }
    shown ??= tested;
    if (names.length === 0 || !shown) continue;
    const error = names.some((n) => ERROR_VARIABLE.test(n));
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    const at = shown.type === 'call_expression' || shown.type === 'send_statement' ? shown.text : `if ${shown.text} {`;
    return `the goroutine's deferred func() {… ${firstLine(at)} …} hands on ${list}, set by the work after it (${firstLine(work!.text)}): the recover would be deferred before it and run after it, so a panic in that work, recovered, would run it with ${names.length === 1 ? 'it' : 'them'} unset (${error ? 'a nil error: the panic reported as a success' : 'zero values taken as the result'}) where the process used to crash`;
  }
  return undefined;
}
