import { callsOf } from '../../src/go/find-by-text.js';
import { enclosingFunction, same, statementsOf, type Node } from '../../src/go/syntax.js';

/**
 * An `X.Add(…)` the goroutine runs after other statements of its own (`if skip { return }`, then
 * `wg.Add(1)`; `defer wg.Done()`: vikunja's plugin loader, built as a variant), with X.Done called
 * by the goroutine itself and no `go` after it that the Add could be counting. It races with Wait
 * as a first-statement Add does, but moved before the `go`, a path that returns before it would
 * never reach Done and Wait would hang: a finding without a fix.
 */
export function lateAdd(literal: Node, stmts: Node[], source: string): { add: Node; wg: Node; condition?: Node } | undefined {
  const own = (n: Node) => same(enclosingFunction(n), literal);
  // A `go` after the Add, which it could be counting.
  const spawnsAfter = (i: number) => stmts.slice(i + 1).some((s) => s.type === 'go_statement' || s.descendantsOfType('go_statement').length > 0);
  for (const [i, st] of stmts.entries()) {
    if (st.type === 'defer_statement' && /\.Done\s*\(/.test(st.text)) return undefined; // counted before it started
    if (st.type === 'go_statement') return undefined;
    // Or the first statement of a branch (`if tw.opts.waitTaskOnClose { tw.wg.Add(1); defer
    // tw.wg.Done() }`: polaris' time wheel): under a condition, and as late.
    const branch = st.type === 'if_statement' && !st.childForFieldName('alternative') ? statementsOf(st.childForFieldName('consequence'))[0] : undefined;
    if (branch) {
      const found = lateAdd(literal, [branch], source);
      if (found && !spawnsAfter(i)) return { ...found, condition: st };
    }
    const add = st.type === 'expression_statement' ? st.namedChild(0) : undefined;
    const callee = add?.type === 'call_expression' ? add.childForFieldName('function') : undefined;
    if (callee?.type !== 'selector_expression' || callee.childForFieldName('field')?.text !== 'Add') continue;
    const wg = callee.childForFieldName('operand')!;
    const counted = callsOf(literal, source, `${wg.text}.Done`).some(own);
    return counted && !spawnsAfter(i) ? { add: add!, wg } : undefined;
  }
  return undefined;
}
