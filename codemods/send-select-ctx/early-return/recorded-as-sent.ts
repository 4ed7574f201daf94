import type { CancellationSource } from '../../../src/go/cancellation.js';
import { importSpecs, importName } from '../../../src/go/imports.js';
import { declarationOf } from '../../../src/go/scope.js';
import { firstLine, rootName, unparen, type Node } from '../../../src/go/syntax.js';
import { declaresName } from '../../../src/go/top-level-names.js';
import type { FileContext } from '../../../src/engine/types.js';
import { recordedWithValue } from './recorded-offset.js';

/** Methods that record a key in a set, map or cache (`reportedFtraceHooks.Add(symbol, args)`). */
const RECORDS = new Set(['Add', 'Set', 'Store', 'Put', 'Insert']);
const BRANCHES = ['return_statement', 'continue_statement', 'break_statement', 'goto_statement'];

/**
 * The send follows, in its own block and after the last branch that skips the item, a statement
 * recording the item as handled in state that outlives the call: a package-level variable or a
 * field (not of a local), by `.Add(`, `.Set(`, `.Store(`, `.Put(`, `.Insert(` or `m[k] = …`,
 * keyed by a local the sent value shares or is built from (`reportedFtraceHooks.Add(symbol, args)`
 * then `out <- NewPipelineEvent(symbol)`: tracee's ftrace hooks, a per-scan deadline). Later passes
 * skip what is recorded, so a send dropped once the source is done loses the item for good.
 * Counters are left out: the record's keys must be plain names, fields or indexes, not a call's
 * result (`s.sent.Add(int64(len(batch)))`). The reason, if so.
 */
export function recordedAsSent(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const value = send.childForFieldName('value');
  if (!value) return undefined;
  const sent = expanded(names(value, send), send);
  for (let prev = send.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
    if (BRANCHES.some((t) => prev!.type === t || prev!.descendantsOfType(t).length > 0)) break;
    const record = recordOf(prev, send, ctx);
    if (!record) continue;
    const keys = expanded(record.keys.flatMap((k) => names(k, send)), send);
    const shared = [...keys].find((k) => sent.has(k));
    if (!shared) continue;
    const at = `(line ${prev.startPosition.row + 1})`;
    const key = record.keys.find((k) => names(k, send).includes(shared));
    const what = key ? key.text : `${record.keys[0].text} (made from ${shared})`;
    return `${firstLine(prev.text)} ${at}, which records ${what} as handled in ${record.target}, state that outlives this call: a select dropping the send once ${source.expr} is done would lose it for good (later passes skip what is recorded)`;
  }
  return recordedWithValue(send, source, (target) => lasting(target, send, ctx));
}

/** A statement recording keys into lasting state: the keys and the state it writes, e.g. `reportedFtraceHooks`. */
function recordOf(statement: Node, send: Node, ctx: FileContext): { keys: Node[]; target: string } | undefined {
  if (statement.type === 'expression_statement') {
    const call = unparen(statement.namedChild(0)!);
    const callee = call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    if (callee?.type !== 'selector_expression' || !RECORDS.has(callee.childForFieldName('field')!.text)) return undefined;
    const target = callee.childForFieldName('operand')!;
    const keys = call.childForFieldName('arguments')?.namedChildren.filter(keyLike) ?? [];
    return keys.length > 0 && lasting(target, send, ctx) ? { keys, target: target.text } : undefined;
  }
  if (statement.type !== 'assignment_statement' || statement.childForFieldName('operator')?.text !== '=') return undefined;
  const left = statement.childForFieldName('left')?.namedChildren ?? [];
  const index = left.length === 1 ? unparen(left[0]) : undefined;
  if (index?.type !== 'index_expression') return undefined;
  const target = index.childForFieldName('operand')!;
  const key = index.childForFieldName('index');
  return key && keyLike(key) && lasting(target, send, ctx) ? { keys: [key], target: target.text } : undefined;
}

/** A plain name, field, index or type assertion (`&x` and `*x` too): not a call's result, as a count is. */
function keyLike(arg: Node): boolean {
  let a = unparen(arg);
  while (a.type === 'unary_expression' && ['&', '*'].includes(a.childForFieldName('operator')?.text ?? '')) a = unparen(a.childForFieldName('operand')!);
  return ['identifier', 'selector_expression', 'index_expression', 'type_assertion_expression'].includes(a.type) && a.descendantsOfType('call_expression').length === 0;
}

/** A package-level variable of this package (not an import), or a field of no local of the function. */
function lasting(target: Node, send: Node, ctx: FileContext): boolean {
  const t = unparen(target);
  if (t.type === 'identifier') {
    if (declarationOf(t.text, send)) return false;
    const imported = importSpecs(ctx.tree).some((s) => (s.alias ?? importName(s.path)) === t.text);
    return !imported && declaresName(ctx.packageIndex(), t.text);
  }
  if (t.type !== 'selector_expression') return false;
  const root = rootName(t);
  const found = root ? declarationOf(root.text, send) : undefined;
  return !!root && (!found || 'param' in found);
}

/** The names in an expression that are the function's locals or parameters. */
function names(expr: Node, at: Node): string[] {
  const ids = expr.type === 'identifier' ? [expr] : expr.descendantsOfType('identifier');
  return ids.map((i) => i.text).filter((n) => n !== '_' && !!declarationOf(n, at));
}

/**
 * The names, with the locals they are built from before `at` (`event` from `stored` in
 * `event.Args = buildArgs(stored)`, `stored` from `hook` in `stored := hook.detach()`), a few steps
 * deep; parameters and the receiver are not followed (both sides would share them).
 */
function expanded(start: string[], at: Node): Set<string> {
  const out = new Set(start);
  let frontier = start;
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const name of frontier) {
      for (const from of builtFrom(name, at)) {
        for (const n of names(from, at)) {
          const found = declarationOf(n, at);
          if (!out.has(n) && found && 'local' in found) (out.add(n), next.push(n));
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** What a local is made of before `at`: its declaration's value, and values assigned to it or its fields since. */
function builtFrom(name: string, at: Node): Node[] {
  const found = declarationOf(name, at);
  if (!found || !('local' in found)) return [];
  const { decl, value } = found.local;
  const out: Node[] = [];
  if (value) out.push(value);
  else if (decl.type === 'range_clause') out.push(decl.childForFieldName('right') ?? decl);
  else {
    const right = decl.childForFieldName('right') ?? decl.childForFieldName('value');
    if (right) out.push(right);
  }
  const block = decl.parent;
  for (const assign of block?.descendantsOfType('assignment_statement') ?? []) {
    if (assign.startIndex < decl.endIndex || assign.endIndex > at.startIndex) continue;
    const lefts = assign.childForFieldName('left')?.namedChildren ?? [];
    if (lefts.some((l) => rootName(l)?.text === name)) out.push(assign.childForFieldName('right')!);
  }
  return out;
}
