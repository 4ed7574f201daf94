import { enclosingFunction, normalized, same, unparen, type Node } from '../../../src/go/syntax.js';
import { mostSends } from '../../../src/go/send-paths.js';
import { loopsBetween } from '../../../src/go/loops.js';

/**
 * Goroutines started one after another in one block, each awaited before the next starts: every
 * send is in a `go func() { … }()` of that block that no loop repeats, and the statements between
 * two of them receive from the channel (`if err = <-errCh; err != nil { … }`, `<-done`,
 * `require.NoError(t, <-errCh)`). Counting the values each goroutine can send against those the
 * statements after it take, no goroutine starts with fewer free slots than it sends: a test's
 * `errCh := make(chan error, 1)` reused for one accepting goroutine after another.
 */
export function awaitedInTurn(sends: Node[], decl: Node, chan: string, cap: number): boolean {
  const literals: Node[] = [];
  for (const send of sends) {
    const literal = enclosingFunction(send);
    const go = literal?.type === 'func_literal' ? literal.parent?.parent : undefined;
    if (go?.type !== 'go_statement' || !same(go.namedChild(0)?.childForFieldName('function'), literal)) return false;
    if (!literals.some((l) => same(l, literal))) literals.push(literal!);
  }
  const gos = literals.map((l) => l.parent!.parent!);
  const block = gos[0]?.parent;
  if (!block || !gos.every((g) => same(g.parent, block) && loopsBetween(g, decl).length === 0 && same(enclosingFunction(g), enclosingFunction(decl)))) return false;
  // A label in the block could be jumped to past the receives.
  const statements = block.namedChildren; // a statement_list
  if (statements.some((s) => s.type === 'labeled_statement')) return false;
  let outstanding = 0;
  for (const statement of statements) {
    const go = gos.find((g) => same(g, statement));
    if (go) {
      const most = mostSends(go.namedChild(0)!.childForFieldName('function')!.childForFieldName('body')!, chan);
      if (outstanding + most > cap) return false;
      outstanding += most;
    } else {
      outstanding = Math.max(0, outstanding - receivesIn(statement, chan));
    }
  }
  return true;
}

/** How many values a statement certainly takes from the channel when it runs to its end: plain receives evaluated every time. */
function receivesIn(statement: Node, chan: string): number {
  const taken = (expr: Node | null | undefined): boolean => {
    const e = expr && unparen(expr);
    return e?.type === 'unary_expression' && e.childForFieldName('operator')?.text === '<-' && normalized(unparen(e.childForFieldName('operand')!)) === chan;
  };
  const values = (s: Node | null | undefined): Node[] => {
    if (s?.type === 'expression_statement') {
      const e = unparen(s.namedChild(0)!);
      return e.type === 'call_expression' ? e.childForFieldName('arguments')!.namedChildren : [e];
    }
    if (s?.type === 'assignment_statement' || s?.type === 'short_var_declaration') return s.childForFieldName('right')!.namedChildren;
    return [];
  };
  if (statement.type === 'if_statement') {
    const condition = statement.childForFieldName('condition');
    const compared = condition?.type === 'binary_expression' && /^[!=]=$/.test(condition.childForFieldName('operator')?.text ?? '') ? [condition.childForFieldName('left'), condition.childForFieldName('right')] : [];
    return [...values(statement.childForFieldName('initializer')), ...compared].filter(taken).length;
  }
  return values(statement).filter(taken).length;
}

