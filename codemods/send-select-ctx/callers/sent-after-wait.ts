import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, contains, firstLine, FUNCTION_TYPES, same, type Node } from '../../../src/go/syntax.js';

/**
 * The send is in a goroutine of a function on a channel parameter of that function, and the
 * function itself, once it has waited for its goroutines (a `.Wait()` after the go statement),
 * sends on the same channel with a plain send (`appWG.Wait(); svcWG.Wait(); changes <-
 * Status{State: Stopped}`): its caller reads the channel until the function returns, so the
 * goroutine's send has its receiver, and a select would only drop a value that reader takes
 * (node-problem-detector's Windows service lost its StopPending status). The function's send, as written.
 */
export function sentAgainAfterWait(send: Node): string | undefined {
  const chan = send.childForFieldName('channel');
  const go = ancestors(send).find((a) => a.type === 'go_statement');
  const fn = go && ancestors(go).find((a) => FUNCTION_TYPES.has(a.type));
  const found = chan?.type === 'identifier' && fn ? declarationOf(chan.text, go!) : undefined;
  if (!found || !('param' in found) || !same(found.param.fn, fn)) return undefined;
  const own = (n: Node) => same(ancestors(n).find((a) => FUNCTION_TYPES.has(a.type)), fn);
  const wait = fn!.descendantsOfType('call_expression').find((c) => c.startIndex > go!.endIndex && own(c) && /\.Wait$/.test(c.childForFieldName('function')?.text ?? ''));
  const again = wait && fn!.descendantsOfType('send_statement').find((s) => s.startIndex > wait.endIndex && own(s) && s.childForFieldName('channel')?.text === chan!.text && !ancestors(s).some((a) => a.type === 'select_statement' && contains(fn!, a)));
  return again ? firstLine(again.text) : undefined;
}
