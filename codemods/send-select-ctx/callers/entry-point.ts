import type { FileContext } from '../../../src/engine/types.js';
import { callsOf } from '../../../src/go/called-functions.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { declarationOf, paramsOf } from '../../../src/go/scope.js';
import { ancestors, type Node } from '../../../src/go/syntax.js';

/**
 * A channel parameter that every call of the function in the package hands down from a parameter
 * of an entry point, a function the package never calls itself (an interface's method another
 * package calls: `Execute(args, requests, responses chan<- svc.Status)`), along with a context that
 * entry point makes and cancels itself, and waits for the goroutine it runs this in (`cancel()`,
 * then `wg.Wait()`) before it returns: the entry point's caller reads the channel until then, and
 * the context is only the entry point's own stop. A select on it would drop values that reader
 * still takes (the ECS agent's Windows service status went from Running to Stopped unseen). The
 * entry point and its wait, e.g. `Execute(), which waits with wg.Wait()`.
 */
export function readByEntryPointsCaller(send: Node, fn: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const chan = send.childForFieldName('channel')!;
  const params = paramsOf(fn);
  const at = params.findIndex((p) => p.name === chan.text);
  const ctxAt = params.findIndex((p) => p.name === source.expr);
  const name = fn.childForFieldName('name')?.text;
  if (at < 0 || ctxAt < 0 || source.kind !== 'ctx-param' || !name) return undefined;
  const index = ctx.packageIndex();
  const calls = callsOf(fn, index);
  if (calls.length === 0) return undefined;
  let found: string | undefined;
  for (const call of calls) {
    const args = call.childForFieldName('arguments')!.namedChildren;
    const handed = declarationOf(args[at].text, call);
    const entry = handed && 'param' in handed ? handed.param.fn : undefined;
    const entryName = entry?.childForFieldName('name')?.text;
    if (!entry || !entryName || index.callsNamed(entryName).length > 0) return undefined;
    // The context: a local of the entry point made with its own cancel, cancelled before the wait.
    const made = declarationOf(args[ctxAt].text, call);
    const local = made && 'local' in made ? made.local : undefined;
    if (!local || !/\.WithCancel\w*\(/.test(local.value?.text ?? '')) return undefined;
    const go = ancestors(call).find((a) => a.type === 'go_statement');
    if (!go) {
      found ??= `${entryName}(), which calls it in place`;
      continue;
    }
    const after = entry.text.slice(go.endIndex - entry.startIndex);
    const wait = /(?<![\w.])[\w.]+\.Wait\(\)/.exec(after);
    if (!wait || !/\bcancel\w*\(\)/.test(after.slice(0, wait.index))) return undefined;
    found ??= `${entryName}(), which waits for it with ${wait[0]}`;
  }
  return found;
}
