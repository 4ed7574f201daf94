import type { CancellationSource } from '../../src/go/cancellation.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf } from '../../src/go/scope.js';
import { isSharedOnce } from '../../src/go/shared-once.js';
import { ancestors, contains, rootName, same, statementsOf, unparen, type Node } from '../../src/go/syntax.js';

/**
 * The goroutine is started once for the object or the process, by the function the context
 * belongs to: under `if !d.running { d.running = true; go … }` (or `d.worker == nil`, set in the
 * branch), after `if d.running { return }` and `d.running = true`, or inside a shared sync.Once's
 * Do literal. It serves every later call, and the context is only the first call's: a check would
 * end it with that call, and the guard would never start it again (gocryptfs' dir cache expire
 * thread). The reason, or undefined.
 */
export function startedOnceReason(loop: Node, source: CancellationSource, index: PackageIndex): string | undefined {
  const go = ancestors(loop).find((a) => a.type === 'go_statement');
  if (!go || !contains(source.fn, go)) return undefined;
  for (const a of ancestors(go)) {
    if (same(a, source.fn)) break;
    if (a.type === 'if_statement') {
      const flag = guardFlag(a.childForFieldName('condition'), false);
      const branch = a.childForFieldName('consequence');
      if (flag && branch && contains(branch, go) && sharedFlag(flag, go) && statementsOf(branch).some((b) => !contains(b, go) && setsFlag(b, flag.text))) return reason(`${flag.text} guards it`, source);
    }
    if (a.type === 'block') {
      // `if d.running { return }`, then `d.running = true`, before the go statement.
      const before = statementsOf(a).filter((s) => s.endIndex <= go.startIndex);
      for (const s of before) {
        if (s.type !== 'if_statement' || s.childForFieldName('alternative')) continue;
        const flag = guardFlag(s.childForFieldName('condition'), true);
        const branch = s.childForFieldName('consequence');
        const returns = branch && statementsOf(branch).some((b) => b.type === 'return_statement');
        if (flag && returns && sharedFlag(flag, go) && before.some((b) => b.startIndex > s.endIndex && setsFlag(b, flag.text))) return reason(`${flag.text} guards it`, source);
      }
      // `if v, ok := tsCache[key]; ok { return v }`, then `tsCache[key] = value`: once per key.
      for (const s of before) {
        const cache = cacheGuard(s);
        if (cache && sharedFlag(cache, go) && before.some((b) => b.startIndex > s.endIndex && storesInto(b, cache.text))) return reason(`an entry of ${cache.text} guards it, one per key`, source);
      }
    }
    if (a.type === 'func_literal' && a.parent?.type === 'argument_list' && (a.childForFieldName('parameters')?.namedChildCount ?? 0) === 0) {
      const fn = a.parent.parent?.childForFieldName('function');
      if (fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Do' && isSharedOnce(fn.childForFieldName('operand')!, source, index)) {
        return reason(`inside ${fn.childForFieldName('operand')!.text}.Do(…)`, source);
      }
    }
  }
  return undefined;
}

function reason(how: string, source: CancellationSource): string {
  return `the goroutine is started once (${how}) and serves every later call: tied to this call's ${source.expr} it would end with the first request and never restart`;
}

/**
 * The flag a condition tests for "not started yet" (`!d.running`, `d.running == false`, `d.worker
 * == nil`, `!d.running.Load()`), or, `started`, for "already started" (`d.running`, `d.worker !=
 * nil`, `d.running.Load()`). The flag's expression, or undefined.
 */
function guardFlag(cond: Node | null, started: boolean): Node | undefined {
  if (!cond) return undefined;
  let e = unparen(cond);
  if (!started && e.type === 'unary_expression' && e.childForFieldName('operator')?.text === '!') e = unparen(e.childForFieldName('operand')!);
  else if (e.type === 'binary_expression') {
    const op = e.childForFieldName('operator')?.text;
    const right = e.childForFieldName('right')?.text;
    const wanted = started ? (op === '!=' && right === 'nil') || (op === '==' && right === 'true') : (op === '==' && (right === 'nil' || right === 'false'));
    if (!wanted) return undefined;
    e = unparen(e.childForFieldName('left')!);
  } else if (!started) return undefined;
  if (e.type === 'call_expression' && /\.Load$/.test(e.childForFieldName('function')?.text ?? '') && e.childForFieldName('arguments')?.namedChildCount === 0) {
    e = e.childForFieldName('function')!.childForFieldName('operand')!;
  }
  return e.type === 'selector_expression' || e.type === 'identifier' ? e : undefined;
}

/** A field (`d.running`) or a package-level variable: one for the object or the process, not a local made by each call. */
function sharedFlag(flag: Node, at: Node): boolean {
  if (flag.type === 'identifier') return !declarationOf(flag.text, at);
  const root = rootName(flag);
  if (!root) return false;
  const found = declarationOf(root.text, at);
  // A local made by the call (`s := &state{}`): each call has its own flag.
  return !found || 'param' in found || !/^&?\w[\w.]*\{/.test(found.local.value?.text ?? '');
}

/** The statement, or one in it, sets the flag: `d.running = true`, `d.worker = …`, `d.running.Store(true)`. */
function setsFlag(stmt: Node, flag: string): boolean {
  const f = regexEscaped(flag);
  return new RegExp(`(?<![\\w.])${f}\\s*(?:,\\s*[\\w.]+\\s*)*=[^=]|(?<![\\w.])${f}\\.(?:Store|CompareAndSwap|Swap)\\(`).test(stmt.text);
}

/** `if v, ok := m[key]; ok { return … }`: the map (`m`, `c.cache`) a lookup returns early from, or undefined. */
function cacheGuard(s: Node): Node | undefined {
  if (s.type !== 'if_statement' || s.childForFieldName('alternative')) return undefined;
  const init = s.childForFieldName('initializer');
  if (init?.type !== 'short_var_declaration') return undefined;
  const left = init.childForFieldName('left')!.namedChildren;
  const right = init.childForFieldName('right')!.namedChildren;
  const lookup = right.length === 1 ? unparen(right[0]) : undefined;
  if (left.length !== 2 || lookup?.type !== 'index_expression' || unparen(s.childForFieldName('condition')!).text !== left[1].text) return undefined;
  const branch = s.childForFieldName('consequence');
  if (!branch || !statementsOf(branch).some((b) => b.type === 'return_statement')) return undefined;
  const map = unparen(lookup.childForFieldName('operand')!);
  return map.type === 'selector_expression' || map.type === 'identifier' ? map : undefined;
}

/** The statement stores an entry into the map: `m[key] = value`. */
function storesInto(stmt: Node, map: string): boolean {
  return new RegExp(`(?<![\\w.])${regexEscaped(map)}\\s*\\[[^\\]]*\\]\\s*=[^=]`).test(stmt.text);
}
