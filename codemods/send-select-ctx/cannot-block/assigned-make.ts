import { isReassigned } from '../../../src/go/scope.js';
import { contains, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * The one assignment giving a local declared without a value (`var errCh chan error`) its channel
 * (`errCh = make(chan error, 1)`, in the branch that then starts the goroutine sending on it:
 * bleve's cached-fields loader), when the send lies after it in its block: the make that send
 * fills, as a declaration's would be. Nothing else in the function assigns the local.
 */
export function assignedMake(send: Node, name: string, scope: Node, source: string): Node | undefined {
  const assignments = scope.descendantsOfType('assignment_statement').filter((a) => {
    const left = a.childForFieldName('left')!.namedChildren;
    return left.length === 1 && left[0].text === name && a.childForFieldName('operator')?.text === '=';
  });
  if (assignments.length !== 1) return undefined;
  const [assignment] = assignments;
  const right = assignment.childForFieldName('right')!.namedChildren;
  const value = right.length === 1 ? unparen(right[0]) : undefined;
  if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'make') return undefined;
  // Assigned nowhere else (`errCh++` and the like included), and the send after it, in its block.
  if (isReassigned(scope, source, name, 0, assignment.startIndex) || isReassigned(scope, source, name, assignment.endIndex)) return undefined;
  const block = assignment.parent;
  return block && contains(block, send) && send.startIndex > assignment.endIndex ? assignment : undefined;
}
