import { regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, enclosingFunction, same, type Node } from '../../src/go/syntax.js';

const ANSWER_METHODS = 'Done|Reply|Respond|Resolve';

/**
 * A request the loop's body takes (`req := a.queue.Pop()`, `req := <-reqs`) and answers by closing
 * a channel of it (`close(req.done)`) or by a method named like an answer (`req.Reply(v)`): the
 * loop serves callers that wait for the answer. The statement taking it and the answer, as written.
 */
export function answeredTakenRequest(loop: Node, fn: Node): { take: string; answer: string } | undefined {
  const body = loop.childForFieldName('body');
  if (!body) return undefined;
  for (const decl of body.descendantsOfType('short_var_declaration')) {
    if (!same(enclosingFunction(decl), fn) || !ancestors(decl).some((a) => same(a, loop))) continue;
    const left = decl.childForFieldName('left')?.namedChildren ?? [];
    const right = decl.childForFieldName('right')?.namedChildren ?? [];
    if (left.length !== 1 || right.length !== 1 || left[0].type !== 'identifier' || left[0].text === '_') continue;
    const value = right[0];
    const taken = value.type === 'unary_expression' && value.text.startsWith('<-');
    if (!taken && (value.type !== 'call_expression' || /^(context|sync|time)\./.test(value.text))) continue;
    const name = regexEscaped(left[0].text);
    const answers = new RegExp(`^(close\\(\\s*${name}(\\.\\w+)*\\s*\\)|${name}(\\.\\w+)*\\.(${ANSWER_METHODS})\\(.*\\))$`, 's');
    for (const stmt of body.descendantsOfType('expression_statement')) {
      if (stmt.startIndex < decl.endIndex || !same(enclosingFunction(stmt), fn)) continue;
      if (answers.test(stmt.text.trim())) return { take: decl.text, answer: stmt.text.trim() };
    }
  }
  return undefined;
}
