import { doneReceives, type CancellationSource } from './cancellation.js';
import { baseTypeName, kindOfTypeNode, type TypeKind } from './declarations.js';
import type { PackageIndex } from './package-index.js';
import { packageName } from './imports.js';
import { declarationOf, resultsOf } from './scope.js';
import { beforeBareReturnsPastPlain } from './report-before-return.js';
import { callInDoneReturn } from './done-case-call.js';
import { doneChecks } from './done-checks.js';
import { enclosingFunction, firstLine, isLogStatement, previousStatement, same, statementsOf, type Node } from './syntax.js';

/** Well-known named types of the standard library whose kind is fixed. */
const STDLIB_KINDS: Record<string, TypeKind> = {
  'time.Duration': 'basic-number',
  'time.Month': 'basic-number',
  'time.Weekday': 'basic-number',
  'time.Time': 'struct',
  'context.Context': 'interface',
  'io.Reader': 'interface',
  'io.Writer': 'interface',
  'io.ReadCloser': 'interface',
  'io.WriteCloser': 'interface',
  'io.Closer': 'interface',
  'net.Conn': 'interface',
  'net.Listener': 'interface',
  'http.Handler': 'interface',
  'http.HandlerFunc': 'func',
  'os.FileMode': 'basic-number',
  'fs.FileMode': 'basic-number',
  'sync.Mutex': 'struct',
  'sync.WaitGroup': 'struct',
  'json.RawMessage': 'slice',
};

function zeroOfKind(kind: TypeKind, typeText: string): string | undefined {
  switch (kind) {
    case 'pointer': case 'slice': case 'map': case 'chan': case 'func': case 'interface':
      return 'nil';
    case 'basic-number': return '0';
    case 'basic-string': return '""';
    case 'basic-bool': return 'false';
    case 'struct': case 'array':
      return `${typeText}{}`;
    default:
      return undefined;
  }
}

/**
 * The zero value of a type written in Go syntax, or undefined when it cannot be known for sure
 * (a type of another package we know nothing about, a type parameter).
 */
export function zeroValue(typeNode: Node, index: PackageIndex): string | undefined {
  const kind = kindOfTypeNode(typeNode);
  if (kind !== 'named') return zeroOfKind(kind, typeNode.text);
  if (typeNode.type === 'qualified_type') {
    const known = STDLIB_KINDS[typeNode.text];
    return known ? zeroOfKind(known, typeNode.text) : undefined;
  }
  const name = baseTypeName(typeNode.text);
  if (isTypeParameter(typeNode, name)) return undefined;
  const underlying = index.underlyingKind(name);
  return zeroOfKind(underlying, typeNode.text);
}

function isTypeParameter(typeNode: Node, name: string): boolean {
  for (let p = typeNode.parent; p; p = p.parent) {
    const tparams = p.childForFieldName('type_parameters');
    if (tparams && tparams.descendantsOfType('identifier').some((id) => id.text === name)) return true;
  }
  return false;
}

export type ExitPlan = { ok: true; lines: string[] } | { ok: false; reason: string };

/**
 * The statements that leave `fn` when `source` is cancelled: `return`, `return zeros…, ctx.Err()`,
 * or `err = ctx.Err()` + `return` for named results, or for a function without results that
 * reports its errors before returning (`res.err = err; return`), `res.err = ctx.Err()` + `return`. `index` is asked for only when a result's
 * zero value needs the package's types.
 */
export function exitStatements(fn: Node, source: CancellationSource, index: () => PackageIndex, at?: Node): ExitPlan {
  // The function's own done case cleans up before it leaves (`case <-ctx.Done(): goCallCancel(producer); return`).
  const cleanup = doneCaseCleanup(fn, source);
  if (cleanup) {
    if (cleanup.stmt.type === 'call_expression') return { ok: false, reason: `the function's own ${cleanup.kase} does more than leave: it returns what ${firstLine(cleanup.stmt.text)} gives (line ${cleanup.stmt.startPosition.row + 1}), and a new way out on the same end would skip that call and its clean-up` };
    return { ok: false, reason: `the function's own ${cleanup.kase} does more than leave (${firstLine(cleanup.stmt.text)}) before it returns: a new way out on the same end would skip that clean-up` };
  }
  const results = resultsOf(fn);
  if (results.length === 0) {
    // A function (a lister's goroutine) that reports its errors in a variable before returning.
    const reports = errorReports(fn);
    // With a context: the calls given it fail as it ends, and report so, which a silent exit
    // would race with (a done channel is the caller's own stop, and it knows it stopped).
    const sent = !source.isContext || silentStop(fn, source) ? undefined : errorSentBeforeReturn(fn, at);
    if (sent) {
      return { ok: false, reason: `the function reports why it stops by a send before it returns (${firstLine(sent.text)}): a new way out would send nothing, and whoever reads ${sent.childForFieldName('channel')!.text} would take the silence for success` };
    }
    if (reports.size === 0) return { ok: true, lines: ['return'] };
    const [where] = reports;
    if (reports.size > 1) return { ok: false, reason: `the function reports its errors in more than one place (${[...reports].join(', ')}) before it returns: which would say it was cancelled is not known` };
    if (!source.isContext) return { ok: false, reason: `the function reports its errors in ${where} before it returns, and ${source.expr} is a done channel: no error value is known for it` };
    return { ok: true, lines: [`${where} = ${errorOf(fn, source, index)}`, 'return'] };
  }
  // The function's own way of leaving when the source is done (`case <-ctx.Done(): return nil`):
  // the same, so its callers see one kind of stop.
  const own = ownDoneReturn(fn, source, at);
  if (own) return { ok: true, lines: [own] };
  const last = results[results.length - 1];
  if (last.typeNode.text !== 'error') {
    return { ok: false, reason: `the enclosing function returns (${results.map((r) => r.typeNode.text).join(', ')}) with no error result to report cancellation` };
  }
  if (!source.isContext) {
    return { ok: false, reason: `${source.expr} is a done channel and the function must return an error: no error value is known for it` };
  }
  const errExpr = errorOf(fn, source, index);
  const named = results.every((r) => r.name !== undefined);
  // A bare return where a local hides a named result does not compile (`err := errors[i]` in a loop).
  // Not a `def, err := …` in the function's own body: with another name new, it assigns the result itself.
  const hides = (name: string) => {
    const decl = declarationOf(name, at!);
    return !!decl && !('local' in decl && decl.local.decl.type === 'short_var_declaration' && same(decl.local.decl.parent?.parent, fn.childForFieldName('body')));
  };
  const hidden = named && at ? results.find((r) => r.name !== '_' && hides(r.name!)) : undefined;
  if (hidden) {
    const decl = declarationOf(hidden.name!, at!)!;
    const where = 'local' in decl ? decl.local.decl : decl.param.fn;
    return { ok: false, reason: `${hidden.name} is declared again around the send (line ${where.startPosition.row + 1}), hiding the named result: a bare return there would not compile, and an assignment would set the wrong ${hidden.name}` };
  }
  if (named && last.name !== '_') return { ok: true, lines: [`${last.name} = ${errExpr}`, 'return'] };
  const zeros: string[] = [];
  for (const r of results.slice(0, -1)) {
    const z = zeroValue(r.typeNode, index());
    if (z === undefined) return { ok: false, reason: `cannot determine the zero value of ${r.typeNode.text}` };
    zeros.push(z);
  }
  return { ok: true, lines: [`return ${[...zeros, errExpr].join(', ')}`] };
}


/**
 * The error a context's end is reported with: `ctx.Err()`, or `context.Cause(ctx)` in a package
 * that reports causes so (an errgroup's context ends with the failing goroutine's error, which
 * pachyderm's datum streams wrap; a bare `ctx.Err()` raced it with "context canceled").
 */
function errorOf(fn: Node, source: CancellationSource, index: () => PackageIndex): string {
  const pkg = packageName(fn.tree, 'context');
  const usesCause = pkg && index().anyTextMatches(new RegExp(`(?<![\\w.])${pkg}\\.Cause\\(`));
  return usesCause ? `${pkg}.Cause(${source.expr})` : `${source.expr}.Err()`;
}

/** The function already stops on the source without a word: a `case <-stop: return` of its own. */
function silentStop(fn: Node, source: CancellationSource): boolean {
  return doneCases(fn, source).some(({ stmts }) => stmts.length === 1 && stmts[0].type === 'return_statement' && stmts[0].namedChildCount === 0);
}

/** A statement other than the return in one of the function's own done cases (logging aside), and that case as written. */
function doneCaseCleanup(fn: Node, source: CancellationSource): { kase: string; stmt: Node } | undefined {
  for (const { kase, stmts } of doneCases(fn, source)) {
    if (stmts.at(-1)?.type !== 'return_statement') continue;
    const stmt = stmts.slice(0, -1).find((st) => st.type !== 'empty_statement') ?? callInDoneReturn(stmts.at(-1)!, source);
    if (stmt) return { kase: `case ${kase.childForFieldName('communication')!.text}:`, stmt };
  }
  return undefined;
}

/**
 * The function's own cases for the source being done (`case <-ctx.Done():`, or on a local copy
 * of its channel), each with its statements, logging aside (`log.Print("stopping")`).
 */
function doneCases(fn: Node, source: CancellationSource): { kase: Node; stmts: Node[] }[] {
  const receives = doneReceives(source, fn.text);
  return fn
    .descendantsOfType('communication_case')
    .filter((kase) => same(enclosingFunction(kase), fn) && receives.includes(kase.childForFieldName('communication')?.text.replace(/\s/g, '') ?? ''))
    .map((kase) => ({ kase, stmts: statementsOf(kase).filter((c) => c.type !== 'comment' && !isLogStatement(c)) }));
}

/**
 * A send of an error right before a bare `return` of the function's own code (plain calls and
 * assignments between them aside), on another channel
 * than the send being fixed (`rc <- status.Errorf(…); return`: open-match's stream reader, whose
 * caller returns the error it finds there, or nil).
 */
function errorSentBeforeReturn(fn: Node, at: Node | undefined): Node | undefined {
  const fixed = at?.type === 'send_statement' ? at.childForFieldName('channel')?.text : undefined;
  return beforeBareReturnsPastPlain(fn).find((prev) => {
    const channel = prev.type === 'send_statement' ? prev.childForFieldName('channel')!.text : undefined;
    if (!channel || channel === fixed) return false;
    const value = prev.childForFieldName('value')?.text ?? '';
    return /err/i.test(channel.slice(channel.lastIndexOf('.') + 1)) || /^err\w*$|(^|\.)(Errorf|New|Wrap\w*)\(/.test(value);
  });
}

/** The statement right before each bare `return` of the function's own code, comments aside. */
function beforeBareReturns(fn: Node): Node[] {
  return fn.descendantsOfType('return_statement').flatMap((ret) => {
    if (ret.namedChildCount > 0 || !same(enclosingFunction(ret), fn)) return [];
    const prev = previousStatement(ret);
    return prev ? [prev] : [];
  });
}

/**
 * Where a function without results reports its errors: the targets of `x.err = err` (a name
 * ending in err or Err) right before a bare `return` in its own code, as written.
 */
function errorReports(fn: Node): Set<string> {
  const out = new Set<string>();
  for (const prev of beforeBareReturns(fn)) {
    if (prev.type !== 'assignment_statement' || prev.childForFieldName('operator')?.text !== '=') continue;
    const left = prev.childForFieldName('left')?.namedChildren ?? [];
    if (left.length === 1 && /(^|\.)\w*(err|Err)\w*$/.test(left[0].text) && left[0].text !== '_') out.add(left[0].text);
  }
  return out;
}

/**
 * The return every `case <-ctx.Done():` of the function makes, when each such case is only that
 * return and it gives constants, the source's error or package-level names: `return nil`. Its
 * checks outside a select that return so (`if ctx.Err() != nil { return nil }`) count too.
 */
function ownDoneReturn(fn: Node, source: CancellationSource, at: Node | undefined): string | undefined {
  const found = new Set<string>();
  const plainReturn = (kase: Node, stmts: Node[]) => {
    const ret = stmts.length === 1 && stmts[0].type === 'return_statement' ? stmts[0] : undefined;
    const values = ret?.namedChildren[0]?.type === 'expression_list' ? ret.namedChildren[0].namedChildren : (ret?.namedChildren ?? []);
    return ret && values.length > 0 && values.every((v) => plainValue(v, source, kase, at)) ? ret.text.replace(/\s+/g, ' ') : undefined;
  };
  // Logging aside (`log.Print("stopping")`): the select's own case need not log.
  for (const { kase, stmts } of doneCases(fn, source)) {
    const ret = plainReturn(kase, stmts);
    if (!ret) return undefined;
    found.add(ret);
  }
  // Its checks outside a select (`if ctx.Err() != nil { return nil }`) leave on that end too.
  for (const { kase, stmts } of doneChecks(fn, source)) {
    const ret = plainReturn(kase, stmts);
    if (ret) found.add(ret);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * `nil`, `false`, `0`, `""`, `ctx.Err()`, a name declared at package level (as seen at both
 * places) or another package's (`io.EOF`), or a value of a named type made of such values
 * (`liberrors.ErrServerTerminated{}`, `&StopError{Code: 1}`: gortsplib's connection tells a
 * shutdown from a failure by it).
 */
function plainValue(v: Node, source: CancellationSource, kase: Node, at: Node | undefined): boolean {
  if (/^(nil|true|false|-?\d+|"[^"\n]*")$/.test(v.text)) return true;
  if (source.isContext && v.text.replace(/\s/g, '') === `${source.expr}.Err()`) return true;
  const global = (name: string) => !!at && declarationOf(name, kase) === undefined && declarationOf(name, at) === undefined;
  if (v.type === 'identifier') return global(v.text);
  if (v.type === 'selector_expression') return v.childForFieldName('operand')?.type === 'identifier' && global(v.childForFieldName('operand')!.text);
  const made = v.type === 'unary_expression' && v.childForFieldName('operator')?.text === '&' ? v.childForFieldName('operand') : v;
  if (made?.type !== 'composite_literal') return false;
  const type = made.childForFieldName('type');
  if (type?.type !== 'qualified_type' && !(type?.type === 'type_identifier' && global(type.text))) return false;
  return (made.childForFieldName('body')?.namedChildren ?? []).every((element) => {
    if (element.type === 'comment') return true;
    const value = element.type === 'keyed_element' ? element.childForFieldName('value') : element;
    const inner = value?.type === 'literal_element' ? value.namedChildren[0] : value;
    return !!inner && plainValue(inner, source, kase, at);
  });
}
