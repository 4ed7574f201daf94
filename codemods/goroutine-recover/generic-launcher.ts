import { callsHanding, isFunctionType } from '../../src/go/called-functions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';
import { ancestors, firstLine, LOG_CALL, onOwnPath, same, statementsOf, type Node } from '../../src/go/syntax.js';

// A generic goroutine launcher: the goroutine's work is a function its caller hands in
// (`func (g *ContextGuard) Goroutine(f func() error, errHandler func(error)) { … go func() {
// defer g.Wg.Done(); err := f(); if err != nil { errHandler(err) } }() }`: taproot-assets'
// ContextGuard, through which other packages start their main event loops). The package cannot
// see whether that work is a loop meant to run for the life of the process: recovered, a panic
// would end it for good with no error reported, the process up without it.
// Only where code out of the package's sight may be handed in: an exported launcher (or an
// exported field of func type, set by the package's users), or one the package hands a function
// by name rather than a literal (literals handed in are read by handedFunctionReason).
// A func() called after some work is owed-call.ts's (an owed call, not the work): here the
// handed function is the goroutine's first call.

/** The statement of `body` (or the `if` whose initializer it is) that runs `call`, if it is one of its own. */
function ownStatement(call: Node, stmts: Node[]): Node | undefined {
  for (const a of ancestors(call)) {
    if (stmts.some((st) => same(st, a))) return a;
    if (!['expression_statement', 'expression_list', 'short_var_declaration', 'assignment_statement', 'send_statement', 'if_statement'].includes(a.type)) return undefined;
  }
  return undefined;
}

/** Where the called function value comes from, as a reason names it, when code out of the package's sight may be handed in. */
function handedFrom(fn: Node, go: Node, index: PackageIndex): string | undefined {
  if (fn.type === 'selector_expression') {
    const field = selectedField(fn, index);
    return field && /^[A-Z]/.test(field.name) && isFunctionType(field.typeNode, index) ? `${fn.text}, a field of func type its users set` : undefined;
  }
  const found = fn.type === 'identifier' ? declarationOf(fn.text, fn) : undefined;
  if (!found || !('param' in found) || !isFunctionType(found.param.typeNode, index)) return undefined;
  // A parameter of the function starting the goroutine, not of the goroutine's own literal.
  const starter = ancestors(go).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration' || a.type === 'func_literal');
  if (!same(starter, found.param.fn) || starter!.type === 'func_literal') return undefined;
  const name = starter!.childForFieldName('name')!.text;
  const byName = callsHanding(found.param, index)?.calls.some(({ arg }) => arg && arg.type !== 'func_literal' && arg.text !== 'nil');
  return /^[A-Z]/.test(name) || byName ? `a parameter of ${name}` : undefined;
}

/** Why a goroutine whose work is a function handed in from out of the package's sight must not be recovered, if so. */
export function genericLauncherReason(body: Node, go: Node, index: PackageIndex): string | undefined {
  const stmts = statementsOf(body);
  const own = body.descendantsOfType('call_expression').filter((c) => onOwnPath(c, body) && !LOG_CALL.test(c.childForFieldName('function')?.text ?? ''));
  // The handed function is the work itself, not a sink for the work's result (`out(j.describe())`).
  const call = own[0]?.childForFieldName('arguments')?.descendantsOfType('call_expression').length ? undefined : own[0];
  const st = call && ownStatement(call, stmts);
  const from = st && handedFrom(call.childForFieldName('function')!, go, index);
  if (!from) return undefined;
  // What the goroutine does with its outcome after it (`errHandler(err)`, `errc <- err`): skipped too.
  const results = st.type === 'if_statement' ? st.childForFieldName('initializer')?.childForFieldName('left') : st.childForFieldName('left');
  const names = new Set(results?.namedChildren.filter((n) => n.type === 'identifier' && n.text !== '_').map((n) => n.text) ?? []);
  const handled = [...own.slice(1), ...body.descendantsOfType('send_statement').filter((s) => onOwnPath(s, body))]
    .filter((n) => n.startIndex >= call.endIndex)
    .find((n) => (n.type === 'send_statement' ? [n.childForFieldName('value')] : n.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a && names.has(a.text)));
  // Only a launcher for its owner's lifetime: the goroutine counted for its Stop (`defer g.Wg.Done()`,
  // a field's group, not a local one its starter joins), or its failure escalated (`errHandler(err)`). A bare
  // `go func() { f() }()` is left to the fix.
  // Or its end told to a hook of the launcher's (`if l.after != nil { defer l.after() }`: kueue's
  // routine wrapper, whose users count their goroutines so).
  const defers = stmts.flatMap((st) => (st.type === 'if_statement' ? statementsOf(st.childForFieldName('consequence')) : [st])).filter((d) => d.type === 'defer_statement');
  const done = defers.find((d) => /^defer\s+\w+\.[\w.]+\.Done\(\)$/.test(d.text));
  const hook = done ? undefined : defers.find((d) => /^defer\s+\w+\.([aA]fter|[oO]n(Done|Exit|End|Finish)|[fF]inish|[cC]omplete)\w*\(\)$/.test(d.text));
  const tracked = done ?? hook;
  if (!handled && !tracked) return undefined;
  const lost = handled ? `gone with no error reported (${firstLine(handled.text)} skipped)` : `gone for good (${tracked!.text.replace(/^defer\s+/, '')} still run${done ? ' for its Stop' : ', as if it had ended'}), the process up without it,`;
  return `the goroutine runs ${firstLine(call.text)}, a function its caller hands in (${from}): it may be a loop meant to run for the process's life, and after a recovered panic it would be ${lost} where the process used to crash`;
}
