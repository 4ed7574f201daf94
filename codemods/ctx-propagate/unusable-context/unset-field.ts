import type { CancellationSource } from '../../../src/go/cancellation.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { ancestors, type Node } from '../../../src/go/syntax.js';
import { callsOf } from '../../../src/go/called-functions.js';
import { receiverInText } from '../../../src/go/receiver-types.js';

/** Why a context field may be nil or stale at the call, if it may: set after it in the function, or only by methods run later. */
export function unsetFieldReason(call: Node, source: CancellationSource, index: PackageIndex): string | undefined {
  const setAfter = fieldSetAfterCall(call, source);
  if (setAfter) return `the function sets ${source.expr} only after this call (line ${setAfter}): here it is still nil on a fresh value (a panic), or the last one, cancelled`;
  const setters = fieldSetOnlyLate(source, index);
  const reader = source.fn.childForFieldName('name')?.text;
  if (setters) return `${source.expr} is set only in ${setters.join(', ')}, not where a value is made: ${reader}, exported, may run before that (a panic on the nil field)`;
  if (neverSet(source, index)) return `no code of the package gives ${source.expr} a value (no assignment, no struct literal naming it): on a value made without it (\`var s T\`, another package's literal) it is nil, and a nil context makes the call fail or panic`;
  return undefined;
}

/**
 * A context field nothing in the package assigns (`c.Context = …`, `c.ctx, c.cancel = …`) nor
 * names in a struct literal (`ctx: ctx`): argo-rollouts' test suites hold a `Common` whose exported
 * `Context` only a setup method sets; a suite declared as a zero value, its setup not setting it,
 * hands the call a nil context.
 */
function neverSet(source: CancellationSource, index: PackageIndex): boolean {
  if (source.kind !== 'ctx-field') return false;
  const set = fieldPatterns(source);
  return !index.anyTextMatches(new RegExp(`${set.named}|${set.assigned}`));
}

/**
 * A context field the function sets only after the call (`s.client, err = NewClient(context.TODO(),
 * …)`, then `s.ctx, s.cancel = context.WithCancel(…)`): at the call it is nil on a fresh value (a
 * panic), or the last run's, cancelled. The line of the first assignment, or undefined.
 */
function fieldSetAfterCall(call: Node, source: CancellationSource): number | undefined {
  const at = firstSet(source);
  return at && at.index > call.endIndex ? at.line : undefined;
}

/**
 * Whether the function sets the context field itself before the call, on every way to it: a
 * statement of its body, or under a test that the field is nil (`if c.ctx == nil { c.ctx =
 * context.Background() }` at its top): a value built without it gets one there, whoever built it.
 */
export function fieldSetBeforeCall(call: Node, source: CancellationSource): boolean {
  const body = source.fn.childForFieldName('body');
  if (source.kind !== 'ctx-field' || !body) return false;
  const nilTest = new RegExp(`^${regexEscaped(source.expr)}\\s*==\\s*nil$`);
  return body.descendantsOfType('assignment_statement').some((a) => {
    if (a.endIndex > call.startIndex || !a.childForFieldName('left')!.namedChildren.some((l) => l.text === source.expr)) return false;
    for (let up = a.parent; up && up.id !== body.id; up = up.parent) {
      if (up.type === 'block' || up.type === 'statement_list') continue;
      if (up.type === 'if_statement' && nilTest.test(up.childForFieldName('condition')?.text ?? '') && !up.childForFieldName('alternative')) continue;
      return false;
    }
    return true;
  });
}

/** Where the function first assigns the context field (`s.ctx = …`, `s.ctx, s.cancel = …`): offset and line. */
function firstSet(source: CancellationSource): { index: number; line: number } | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const body = source.fn.childForFieldName('body');
  if (!body) return undefined;
  const sets = new RegExp(`(^|[^\\w.])${regexEscaped(source.expr)}\\s*(,\\s*[\\w.]+\\s*)*=[^=]`, 'g');
  const first = sets.exec(body.text);
  if (!first) return undefined;
  return { index: body.startIndex + first.index + first[1].length, line: body.text.slice(0, first.index).split('\n').length + body.startPosition.row };
}

/**
 * A context field the package uses only once tested not nil (`if c.driver.context != nil { ctx =
 * c.driver.context }`): one left unset (an option not given) is nil, and a call given it would
 * panic. A lazy default (`if conn.ctx == nil { conn.ctx = context.Background() }`) says nothing of
 * the kind, and a field of the name that more than one struct of the package declares is left
 * alone (the test may be another type's). The test as written, or undefined.
 */
export function fieldTestedForNil(source: CancellationSource, index: PackageIndex): string | undefined {
  if (source.kind !== 'ctx-field') return undefined;
  const tests = nilTests(source.expr.slice(source.expr.lastIndexOf('.') + 1), index);
  // The source's own expression first (`r.Context != nil` before `operation.Context != nil`).
  return tests.find((t) => t.includes(source.expr)) ?? tests[0];
}

/** The package's `x.field != nil` tests, none when more than one struct declares the field; by package and field. */
const testsByIndex = new WeakMap<PackageIndex, Map<string, string[]>>();

function nilTests(name: string, index: PackageIndex): string[] {
  let byField = testsByIndex.get(index);
  if (!byField) testsByIndex.set(index, (byField = new Map()));
  let tests = byField.get(name);
  if (!tests) {
    const field = regexEscaped(name);
    const declared = new RegExp(`^\\s+${field}\\s+context\\.Context\\b`, 'gm');
    const texts = index.allTexts();
    const test = new RegExp(`[\\w.]*\\.${field}\\s*!=\\s*nil\\b|\\bnil\\s*!=\\s*[\\w.]*\\.${field}\\b`, 'g');
    tests = texts.reduce((n, text) => n + (text.match(declared)?.length ?? 0), 0) > 1 ? [] : texts.flatMap((text) => Array.from(text.matchAll(test), (m) => m[0]));
    byField.set(name, tests);
  }
  return tests;
}

/**
 * A receiver's context field the package sets only in methods of its type (frp's `svr.ctx`, set
 * in `Run`), never where a value is made (a composite literal's key, a constructor, a method a
 * function returning the type calls), read by an exported method of the exported type that does
 * not set it: a caller may run that method before the field is set (frp's `HandleQUICListener`
 * on a service never run), and a call given the nil field panics. The methods that set it, or
 * undefined.
 */
export function fieldSetOnlyLate(source: CancellationSource, index: PackageIndex): string[] | undefined {
  if (source.kind !== 'ctx-field' || source.fn.type !== 'method_declaration') return undefined;
  const reader = source.fn.childForFieldName('name')?.text ?? '';
  const type = receiverInText(source.fn.text)?.type;
  // `ctx: ctx` in a composite literal: set when a value is made.
  if (!/^[A-Z]/.test(reader) || !/^[A-Z]/.test(type ?? '') || index.anyTextMatches(new RegExp(fieldPatterns(source).named))) return undefined;
  const setters = new Map<string, Node>();
  for (const set of fieldSets(source, index)) {
    const decl = ancestors(set).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
    if (!decl || decl.type === 'function_declaration' || receiverInText(decl.text)?.type !== type) return undefined;
    setters.set(decl.childForFieldName('name')!.text, decl);
  }
  if (setters.size === 0 || setters.has(reader)) return undefined;
  // `s.init()` in `NewServer`, or a method `newSpan`, returning the type: set while the value is made.
  const makes = (fn: Node) => (fn.type === 'function_declaration' || fn.type === 'method_declaration') && new RegExp(`\\b${type}\\b`).test(fn.childForFieldName('result')?.text ?? '');
  const byConstructor = (setter: Node) => callsOf(setter, index).some((c) => ancestors(c).some(makes));
  return [...setters.values()].some(byConstructor) ? undefined : [...setters.keys()];
}

/** Where the package assigns a context field of the source's name (`s.ctx = …`, `c.ctx, c.cancel = …`), each function parsed alone. */
export function fieldSets(source: CancellationSource, index: PackageIndex): Node[] {
  return index.nodesMatching(new RegExp(fieldPatterns(source).assigned, 'g'));
}

/**
 * The source's context field given a value, as text: named in a struct literal (`ctx: ctx`), or
 * assigned (`s.ctx = …`, `c.ctx, c.cancel = …`).
 */
function fieldPatterns(source: CancellationSource): { named: string; assigned: string } {
  const field = regexEscaped(source.expr.slice(source.expr.lastIndexOf('.') + 1));
  return { named: `[{,\\s]${field}\\s*:[^=]`, assigned: `\\.${field}\\s*(,\\s*[\\w.]+\\s*)*=[^=]` };
}

/**
 * Why a literal of the receiver's type leaving its context field nil keeps the call from it: built
 * so and its method then called (`fieldMayBeNil`), or built with the field nil on purpose
 * (`&Cmd{ctx: nil, …}`, a `Command` beside a `CommandContext`), for any method to run on.
 */
export function nilLiteralReason(unset: { typeName: string; field: string; literal: string }, inTests: boolean, source: CancellationSource): string {
  const method = source.fn.childForFieldName('name')!.text;
  if (new RegExp(`(^|[,{\\s])${regexEscaped(unset.field)}\\s*:\\s*nil\\b`).test(unset.literal)) {
    return `the package${inTests ? "'s tests build" : ' builds'} ${unset.typeName} with ${unset.field} nil on purpose (${unset.literal}), and ${method}() may run on such a value: ${source.expr} is nil there, and a call given a nil context fails or panics`;
  }
  return `the package${inTests ? "'s tests build" : ' builds'} ${unset.typeName} without ${unset.field} (${unset.literal}), and call${inTests ? '' : 's'} ${method}() on it without setting ${unset.field}: ${source.expr} is nil there, and a nil context makes the call panic`;
}
