import { enclosingFunction, same, statementsOf, type Node } from './syntax.js';

/**
 * Whether every return of `fn` after `after` (a goroutine's closure), and its end if it can run
 * off it, comes after one of the receives, a statement of a block around it (`<-done` before each
 * early return, `err := <-done` at the end: neo-go's storeBlock): the function cannot leave
 * without taking the value.
 */
export function receivedOnEveryWayOut(receives: Node[], after: Node, fn: Node): boolean {
  const statements = new Set(receives.map((r) => statementOf(r, fn)?.id));
  const covered = (node: Node): boolean => {
    if (statements.has(node.id)) return true;
    for (let at: Node | null = node; at && !same(at, fn); at = at.parent) {
      for (let prev = at.previousNamedSibling; prev; prev = prev.previousNamedSibling) if (statements.has(prev.id)) return true;
    }
    return false;
  };
  const returns = fn.descendantsOfType('return_statement').filter((r) => r.startIndex > after.endIndex && same(enclosingFunction(r), fn));
  const last = statementsOf(fn.childForFieldName('body')).at(-1);
  return returns.every(covered) && !!last && (last.type === 'return_statement' || covered(last));
}

/** The statement a receive is (`<-ch`, `err := <-ch`, `err = <-ch`), not one it is nested deeper in. */
function statementOf(receive: Node, fn: Node): Node | undefined {
  const up = receive.parent?.type === 'expression_list' ? receive.parent.parent : receive.parent;
  return up && up.parent?.type === 'statement_list' && same(enclosingFunction(up), fn) ? up : undefined;
}
