import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, contains, FUNCTION_TYPES, same, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * A hand-made once: the call the new context is given to has its results stored in fields of the
 * receiver or in package variables (`t.version, t.versionErr = fetchVersion(context.Background())`)
 * inside `if !t.fetched {` (or `if t.cached == nil {`, the flag or field a receiver's or a package
 * variable) whose block also sets what it tests (`t.fetched = true`, or the field itself among the
 * results). The work runs once, for the first caller, and its result is kept for every later one,
 * as with a sync.Once (keptByOnce): given the first caller's context, its cancellation or timeout
 * would be stored for all of them (a variant of apm-agent-go's server version, built in a trial).
 * The guard as written, the fields stored and the setting of the flag; undefined otherwise.
 */
export function keptByHandMadeOnce(call: Node, source: CancellationSource): { guard: string; stored: string; set: string } | undefined {
  const work = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  // Not a context made of it (`pctx, r.cancelPull = context.WithCancel(…)`): a new root, told of elsewhere.
  const list = work?.type === 'call_expression' && !/^context\.With/.test(work.childForFieldName('function')?.text ?? '') ? work.parent : undefined;
  const assign = list?.type === 'expression_list' ? list.parent : undefined;
  if (assign?.type !== 'assignment_statement' || !same(assign.childForFieldName('right'), list)) return undefined;
  const recv = source.fn.type === 'method_declaration' ? receiverOf(source.fn)?.name : undefined;
  const kept = (e: Node) => {
    const n = unparen(e);
    const root = n.type === 'selector_expression' ? n.childForFieldName('operand') : n;
    if (root?.type !== 'identifier' || root.text === '_') return false;
    if (n.type === 'selector_expression' && root.text === recv) return true;
    // A package variable (or one of its fields): declared neither in the function nor as its parameter.
    return declarationOf(root.text, e) === undefined && root.text !== recv;
  };
  const stored = assign.childForFieldName('left')?.namedChildren.filter(kept) ?? [];
  if (stored.length === 0) return undefined;
  for (const a of ancestors(assign)) {
    if (same(a, source.fn) || FUNCTION_TYPES.has(a.type)) break;
    if (a.type !== 'if_statement' || a.childForFieldName('initializer')) continue;
    const consequence = a.childForFieldName('consequence');
    if (!consequence || !contains(consequence, assign)) continue;
    const tested = testedOnce(a.childForFieldName('condition'));
    if (!tested || !kept(tested)) continue;
    const set = consequence.descendantsOfType('assignment_statement').find((s) => !crossesFunction(s, consequence) && s.childForFieldName('left')?.namedChildren.some((l) => l.text === tested.text));
    if (set) return { guard: `if ${a.childForFieldName('condition')!.text} {`, stored: stored.map((s) => s.text).join(', '), set: same(set, assign) ? `${tested.text} among the results` : set.text };
  }
  return undefined;
}

/** `!t.fetched`, `t.cached == nil` (or `nil == t.cached`): what the guard tests. */
function testedOnce(cond: Node | null): Node | undefined {
  const c = cond && unparen(cond);
  if (c?.type === 'unary_expression' && c.childForFieldName('operator')?.text === '!') return unparen(c.childForFieldName('operand')!);
  if (c?.type !== 'binary_expression' || c.childForFieldName('operator')?.text !== '==') return undefined;
  const [l, r] = [c.childForFieldName('left')!, c.childForFieldName('right')!];
  return r.text === 'nil' ? l : l.text === 'nil' ? r : undefined;
}

function crossesFunction(n: Node, within: Node): boolean {
  return ancestors(n).some((a) => contains(within, a) && FUNCTION_TYPES.has(a.type));
}
