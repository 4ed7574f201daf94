import type { CancellationSource } from '../../src/go/cancellation.js';
import { cancelFunctions, fieldCancel } from '../../src/go/done-at.js';
import { codeOnly, regexEscaped } from '../../src/go/find-by-text.js';
import { declarationOf } from '../../src/go/scope.js';
import { contains, type Node } from '../../src/go/syntax.js';

/**
 * A call in the loop of the context's own cancel: the one `context.With…` gave with it in the
 * function declaring it (`ctx, cancel := context.WithCancel(…)`), a name bound to that (`stop :=
 * cancel`), or, for a receiver's context, the receiver's cancel field (`s.cancel()`). The loop
 * goes on after it (atlas' signal handler cancels on the first ^C and forces the stop on the
 * second): a check of the context would end it on its own first pass. The call, as written.
 */
export function ownCancelCall(loop: Node, source: CancellationSource): string | undefined {
  if (!source.isContext) return undefined;
  const code = codeOnly(source.fn.text);
  const names = cancelFunctions(source, code);
  for (const name of [...names]) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w.])(\\w+)\\s*:?=\\s*${regexEscaped(name)}\\s*$`, 'gm'))) names.push(m[1]);
  }
  const field = fieldCancel(source);
  // A loop making the context anew (`ctx, cancel = context.WithCancel(…)`) checks each new one.
  if (new RegExp(`(?<![\\w.])${regexEscaped(source.expr)}\\s*(?:,\\s*\\w+\\s*)*:?=[^=]`).test(codeOnly(loop.text))) return undefined;
  for (const call of loop.descendantsOfType('call_expression')) {
    if (call.childForFieldName('arguments')?.namedChildCount !== 0) continue;
    const fn = call.childForFieldName('function')!;
    if (fn.type === 'identifier' && names.includes(fn.text)) {
      const found = declarationOf(fn.text, call);
      if (found && 'local' in found && contains(source.fn, found.local.decl) && !contains(loop, found.local.decl)) return call.text;
    }
    if (field && fn.type === 'selector_expression' && field.test(call.text.replace(/\s/g, ''))) return call.text;
  }
  return undefined;
}
