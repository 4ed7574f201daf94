import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf } from '../../../src/go/scope.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { keptBeyondCall } from './kept-beyond-call.js';

// The call given the empty context is the inner link of a chain (`goro.NewHandle(context.Background())
// .Go(r.runPollingLoop)`) whose end the function keeps where it outlives the call: in a field of the
// receiver or a package variable, at once or through a local (`h := …; r.refreshHandle = h`). What
// the chain makes runs on the inner call's context (a handle, the loop it starts), and given the
// context in scope it would end with this call rather than live as long as what keeps it (temporal's
// namespace refresh loop, started lazily by the first lookup, died with that request).

/** The chain's end, `given` its first link: the outermost call of `given.M(…).N(…)`, or undefined when `given` is called on by nothing. */
function chainEnd(given: Node): Node | undefined {
  let top = given;
  for (;;) {
    const sel = top.parent;
    const next = sel?.type === 'selector_expression' && same(sel.childForFieldName('operand'), top) ? sel.parent : undefined;
    if (next?.type !== 'call_expression' || !same(next.childForFieldName('function'), sel)) break;
    top = next;
  }
  return same(top, given) ? undefined : top;
}

/** The place `value` is assigned to by the statement holding it, if it is assigned (`x = value`, `x, err := value`). */
function assignedTo(value: Node): { target: Node; statement: Node } | undefined {
  const list = value.parent?.type === 'expression_list' ? value.parent : undefined;
  const statement = list?.parent;
  if (!list || (statement?.type !== 'assignment_statement' && statement?.type !== 'short_var_declaration') || !same(statement.childForFieldName('right'), list)) return undefined;
  const left = statement.childForFieldName('left')!.namedChildren;
  const right = list.namedChildren;
  const target = right.length === left.length ? left[right.findIndex((r) => same(r, value))] : left.find((l) => l.text !== '_' && !/^(err|\w*Err)$/.test(l.text));
  return target ? { target, statement } : undefined;
}

/** Why the chain `given` starts outlives the call, kept in a field or package variable: the reason, in full. */
export function chainKept(given: Node | undefined, source: CancellationSource): string | undefined {
  // A receiver's context lives as long as the receiver that keeps what it makes.
  const end = given && source.kind !== 'ctx-field' ? chainEnd(given) : undefined;
  const first = end && assignedTo(end);
  if (!first) return undefined;
  let kept = first.statement.type === 'assignment_statement' && keptBeyondCall(first.target) ? first : undefined;
  // `h := goro.NewHandle(…).Go(…)`, then `r.refreshHandle = h`.
  const fn = enclosingFunction(end!);
  if (!kept && first.target.type === 'identifier' && fn) {
    for (const a of fn.descendantsOfType('assignment_statement')) {
      const right = a.childForFieldName('right')!.namedChildren;
      const left = a.childForFieldName('left')!.namedChildren;
      const i = right.findIndex((r) => r.text === first.target.text);
      const found = i >= 0 ? declarationOf(first.target.text, right[i]) : undefined;
      if (a.startIndex > first.statement.endIndex && right.length === left.length && found && 'local' in found && same(found.local.decl, first.statement) && keptBeyondCall(left[i])) kept = { target: left[i], statement: a };
      if (kept) break;
    }
  }
  if (!kept) return undefined;
  const inner = `${given!.childForFieldName('function')!.text}(…)`;
  const links = [inner];
  for (let c = given!.parent!.parent!; ; c = c.parent!.parent!) {
    links.push(`${c.childForFieldName('function')!.childForFieldName('field')!.text}(…)`);
    if (same(c, end)) break;
  }
  const through = same(kept.statement, first.statement) ? '' : ` (${firstLine(kept.statement.text)})`;
  return `the chain ${links.join('.')} makes what the function keeps in ${kept.target.text}${through}, which outlives this call: a handle, or what it started, runs on the context given to ${inner}, and given ${source.expr} it would end with this call rather than live as long as what keeps it`;
}
