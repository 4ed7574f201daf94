import { regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, contains, unparen, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';

/**
 * The loop lies in the branch a test of a concurrency setting picks for an unbounded run (`if
 * nWorkers < 0 {`, `if limit <= 0 {`, `case max == 0:`, `switch n { case 0: }`, or the `else` of
 * `if n > 0 {`), while elsewhere the function bounds the work by that setting (`for range
 * nWorkers { go w.work() }`, `make(chan struct{}, limit)`, `g.SetLimit(n)`): the caller chose to
 * run every item at once, perhaps because items wait on each other (perkeep's pk-put: directories
 * depend on directories), and a bound would let the waiting ones hold every slot. The reason, or
 * undefined.
 */
export function unboundedMode(spawn: Spawn): string | undefined {
  let top: Node | undefined;
  const branches: { branch: Node; test: string; setting: string }[] = [];
  let inner: Node = spawn.loop;
  for (const a of ancestors(spawn.loop)) {
    if (a.type === 'function_declaration' || a.type === 'method_declaration') {
      top = a;
      break;
    }
    const picked = unboundedBranch(a, inner);
    if (picked) branches.push({ branch: inner, ...picked });
    inner = a;
  }
  if (!top) return undefined;
  for (const { branch, test, setting } of branches) {
    const bound = boundBy(top, branch, setting);
    if (bound) {
      return `the loop runs only when ${test}, and elsewhere the code is bounded by ${setting} (${bound}): this branch is its explicit unbounded mode, chosen by the caller, whose items may wait on each other (a directory's upload on its children's); bounded, the waiting ones could hold every slot while those they wait for never start`;
    }
  }
  return undefined;
}

/** `n < 0`, `n <= 0`, `n == 0`, `n < 1`: a test that the setting asks for no bound. */
const UNBOUNDED = /^([\w.]+)\s*(<\s*0|<=\s*0|==\s*0|<\s*1|==\s*-1)$/;
/** `n > 0`, `n >= 1`, `n != 0`: a test that it asks for one (its `else` is the unbounded run). */
const BOUNDED = /^([\w.]+)\s*(>\s*0|>=\s*1|!=\s*0)$/;

/** When `child` is the branch of `node` that a test of a setting picks for an unbounded run: the test and the setting. */
function unboundedBranch(node: Node, child: Node): { test: string; setting: string } | undefined {
  if (node.type === 'if_statement') {
    const cond = node.childForFieldName('condition');
    const text = cond ? unparen(cond).text.replace(/\s+/g, ' ') : '';
    const consequence = node.childForFieldName('consequence');
    const alternative = node.childForFieldName('alternative');
    const m = consequence && child.id === consequence.id ? UNBOUNDED.exec(text) : alternative?.type === 'block' && child.id === alternative.id ? BOUNDED.exec(text) : null;
    return m ? { test: child.id === consequence?.id ? text : `!(${text})`, setting: m[1] } : undefined;
  }
  if (node.type === 'expression_case' && node.parent?.type === 'expression_switch_statement') {
    const values = node.childForFieldName('value')?.namedChildren ?? [];
    const tag = node.parent.childForFieldName('value');
    if (tag && /^[\w.]+$/.test(tag.text)) {
      const zero = values.find((v) => /^(0|-1)$/.test(v.text));
      return zero ? { test: `${tag.text} is ${zero.text}`, setting: tag.text } : undefined;
    }
    if (tag) return undefined;
    for (const v of values) {
      const m = UNBOUNDED.exec(v.text.replace(/\s+/g, ' '));
      if (m) return { test: v.text, setting: m[1] };
    }
  }
  return undefined;
}

/**
 * Where the function, outside `branch`, bounds work by `setting`: a loop `for range n` or `for i
 * := 0; i < n; i++` starting goroutines, a channel made with n slots, a group's `SetLimit(n)`, a
 * weighted semaphore of n. As written, or undefined.
 */
function boundBy(top: Node, branch: Node, setting: string): string | undefined {
  const s = `(?:\\w+\\()?${regexEscaped(setting)}\\)?`;
  const outside = (n: Node) => !contains(branch, n);
  for (const loop of top.descendantsOfType('for_statement').filter(outside)) {
    const header = loop.namedChildren.find((c) => c.type === 'range_clause' || c.type === 'for_clause');
    if (!header || !new RegExp(`^(range\\s+${s}|.*;\\s*\\w+\\s*<\\s*${s}\\s*;.*)$`).test(header.text.replace(/\s+/g, ' '))) continue;
    if (/(^|[^\w.])go\s|\.Go\(/.test(loop.childForFieldName('body')?.text ?? '')) return `for ${header.text} starting workers`;
  }
  for (const call of top.descendantsOfType('call_expression').filter(outside)) {
    const fn = call.childForFieldName('function')?.text ?? '';
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const last = args[args.length - 1]?.text ?? '';
    const sized = new RegExp(`^${s}$`).test(last);
    if (sized && ((fn === 'make' && args.length === 2 && args[0].type === 'channel_type') || /(^|\.)(SetLimit|NewWeighted)$/.test(fn))) return call.text;
  }
  return undefined;
}
