import type { CancellationSource } from '../../../src/go/cancellation.js';
import { parametersGiven } from '../../../src/go/called-functions.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { ancestors, contains, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { writtenTo } from './records-earlier.js';

// A write after a call that serves until the context in scope is done: `h.serve(ctx, s, w)`, a
// function of the package returning nothing, whose loop for good returns in `case <-ctx.Done():`
// (the client gone), then `h.dispatchSubscriptionUpdate(context.TODO(), s, false)` announcing the
// end. The write runs when the context is most likely done: given it, it would fail at once, and
// the record of the end be lost (mercure's subscription-ended update, never published once the
// subscriber hung up). context.Background() there is refused as a write in any case.

/** The `case <-p.Done():` of a `for {` in `decl`'s own body that returns or leaves the loop there, as written. */
function servesUntilDone(decl: Node, param: string): string | undefined {
  const body = decl.childForFieldName('body');
  if (!body || decl.childForFieldName('result')) return undefined;
  for (const loop of body.descendantsOfType('for_statement')) {
    if (!same(enclosingFunction(loop), decl) || loop.namedChildren.some((c) => c.type !== 'block' && c.type !== 'comment')) continue;
    for (const kase of loop.descendantsOfType('communication_case')) {
      const comm = kase.childForFieldName('communication');
      if (comm?.text.replace(/\s/g, '') !== `<-${param}.Done()` || !same(enclosingFunction(kase), decl)) continue;
      const statements = kase.namedChildren.flatMap((c) => (c.type === 'statement_list' ? c.namedChildren : [c]));
      const leaves = statements.some((s) => s.type === 'return_statement' || (s.type === 'break_statement' && s.namedChildCount > 0));
      if (leaves) return `case ${comm.text}`;
    }
  }
  return undefined;
}

/** Why the write the empty context is given to may not get the context in scope: it runs after a call serving until that context is done. */
export function writeAfterServed(call: Node, source: CancellationSource, index: PackageIndex, texts: () => string[]): string | undefined {
  if (!source.isContext) return undefined;
  const fn = enclosingFunction(call);
  let written: string | undefined | null = null;
  for (const list of ancestors(call)) {
    if (fn && same(list, fn)) break;
    if (list.type !== 'statement_list' && list.type !== 'block') continue;
    for (let s = list.firstNamedChild; s && s.endIndex <= call.startIndex; s = s.nextNamedSibling) {
      const served = s.type === 'expression_statement' && s.namedChild(0)?.type === 'call_expression' && !contains(s, call) ? s.namedChild(0)! : undefined;
      if (!served) continue;
      for (const { callee, decl, param } of parametersGiven(served, source.expr, index)) {
        const until = servesUntilDone(decl, param);
        if (!until) continue;
        if (written === null) written = writtenTo(call, texts);
        if (!written) return undefined;
        return `the call runs after ${firstLine(served.text)} (line ${served.startPosition.row + 1}), which returns nothing and serves until ${source.expr} is done (${callee}'s loop returns in ${until}): ${source.expr} is most likely done here, and given it the write (${written}) would fail at once, the record of that end lost`;
      }
    }
  }
  return undefined;
}
