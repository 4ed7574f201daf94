import { regexEscaped } from '../../src/go/find-by-text.js';
import { ancestors, enclosingFunction, same, type Node } from '../../src/go/syntax.js';

/**
 * A case of the loop's select that takes a request and answers it (`case done := <-r.snapshotReq:
 * … close(done)`, `case req := <-s.reqs: req.reply <- v`): the loop serves callers that wait for
 * the answer. The case's receive and the answer, as written.
 */
export function answeredRequest(loop: Node, fn: Node): { receive: string; answer: string } | undefined {
  for (const kase of loop.descendantsOfType('communication_case')) {
    if (!same(enclosingFunction(kase), fn) || !ancestors(kase).some((a) => same(a, loop))) continue;
    const comm = kase.childForFieldName('communication');
    if (comm?.type !== 'receive_statement') continue;
    const taken = comm.childForFieldName('left')?.namedChildren[0];
    if (taken?.type !== 'identifier' || taken.text === '_') continue;
    const name = regexEscaped(taken.text);
    const answers = new RegExp(`\\bclose\\(\\s*${name}(\\.\\w+)*\\s*\\)|(?<![\\w.])${name}(\\.\\w+)*\\s*<-`);
    for (const stmt of kase.namedChildren) {
      if (same(stmt, comm)) continue;
      const m = answers.exec(stmt.text);
      if (m) return { receive: comm.text, answer: m[0].replace(/\s*<-$/, ' <- …') };
    }
  }
  return undefined;
}
