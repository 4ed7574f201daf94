import type { CancellationSource } from '../../../src/go/cancellation.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { plainReceive } from '../../../src/go/receive-shapes.js';
import { declarationOf } from '../../../src/go/scope.js';
import { enclosingFunction, same, unparen, type Node } from '../../../src/go/syntax.js';
import type { FileContext } from '../../../src/engine/types.js';
import { cancelMadeWith } from './paired-cancel.js';

/**
 * The send's channel and context are parameters of a function the package calls (`go
 * imageLoadGoroutine(goroutineContext, c, reader, statusChannel)`) with a context it makes there
 * with a cancel (`goroutineContext, goroutineCancel := context.WithCancel(ctx)`), and some function
 * of the package calls that cancel and then waits for the value with a plain receive: the caller
 * itself (`goroutineCancel(); <-statusChannel`), or a method reaching both through the fields it
 * keeps them in (containers/image's daemon destination: `Close()` runs `d.goroutineCancel()`, then
 * `<-d.statusChannel`). The send comes once the context is done, and a send giving up then would
 * leave that receive waiting forever. The reason, naming the function and both.
 */
export function cancelledThenReceived(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  if (source.kind !== 'ctx-param') return undefined;
  const chan = unparen(send.childForFieldName('channel')!);
  const param = chan.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  if (!param || !('param' in param) || !same(param.param.fn, source.fn)) return undefined;
  const name = source.fn.type === 'function_declaration' ? source.fn.childForFieldName('name')?.text : undefined;
  const ctxAt = positionOf(source.fn, source.expr);
  const chanAt = positionOf(source.fn, chan.text);
  if (!name || ctxAt === undefined || chanAt === undefined) return undefined;
  for (const call of ctx.packageIndex().callsNamed(name)) {
    if (call.childForFieldName('function')?.type !== 'identifier') continue;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const [given, channel] = [args[ctxAt], args[chanAt]].map((a) => (a ? unparen(a) : undefined));
    const caller = enclosingFunction(call);
    if (given?.type !== 'identifier' || channel?.type !== 'identifier' || !caller) continue;
    const made = cancelMadeWith(given.text, caller.text);
    if (!made) continue;
    const own = waitAfterCancel(caller, `${made.cancel}()`, channel.text);
    if (own) return reason(caller, own, source.expr);
    // Kept in fields of what the caller builds (`goroutineCancel: goroutineCancel`, `d.statusChannel = statusChannel`).
    const cancelField = keptIn(caller.text, made.cancel);
    const chanField = keptIn(caller.text, channel.text);
    if (!cancelField || !chanField) continue;
    const receives = ctx.packageIndex().nodesMatching(new RegExp(`<-\\s*\\w+\\.${regexEscaped(chanField)}\\b`, 'g'), () => 0, (decl) => decl.includes(`.${cancelField}()`));
    for (const receive of receives) {
      const fn = enclosingFunction(receive);
      const recv = /^<-\s*(\w+)\./.exec(receive.parent?.text ?? '')?.[1];
      if (!fn || !recv) continue;
      const wait = waitAfterCancel(fn, `${recv}.${cancelField}()`, `${recv}.${chanField}`);
      if (wait) return reason(fn, wait, source.expr);
    }
  }
  return undefined;
}

function reason(fn: Node, found: { cancel: Node; receive: Node }, expr: string): string {
  const name = fn.childForFieldName('name')?.text;
  return `${name ? `${name}()` : 'a function literal'} cancels ${expr} (${found.cancel.text}) and then waits for the value (${found.receive.text}): a send giving up once ${expr} is done would leave it waiting forever`;
}

/** The position among the function's parameters of the one named `name`. */
function positionOf(fn: Node, name: string): number | undefined {
  let at = 0;
  for (const decl of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (decl.type !== 'parameter_declaration') return undefined;
    const names = decl.childrenForFieldName('name');
    const i = names.findIndex((n) => n.text === name);
    if (i >= 0) return at + i;
    at += Math.max(names.length, 1);
  }
  return undefined;
}

/** The field a name is kept in: `field: name` in a literal, or `x.field = name`. */
function keptIn(text: string, name: string): string | undefined {
  const n = regexEscaped(name);
  return new RegExp(`(?<![\\w.])(\\w+)\\s*:\\s*${n}\\s*[,}\\n]`).exec(text)?.[1] ?? new RegExp(`\\b\\w+\\.(\\w+)\\s*=\\s*${n}\\s*$`, 'm').exec(text)?.[1];
}

/** A call `cancel` as a statement of the function's own body, and after it a plain receive `<-chan` there. */
function waitAfterCancel(fn: Node, cancel: string, chan: string): { cancel: Node; receive: Node } | undefined {
  const own = (n: Node) => same(enclosingFunction(n), fn);
  const calls = fn.descendantsOfType('expression_statement').filter((s) => s.text.replace(/\s/g, '') === cancel && own(s));
  const receives = fn.descendantsOfType('unary_expression').filter((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text.replace(/\s/g, '') === chan && own(u) && plainReceive(u));
  for (const call of calls) {
    const receive = receives.find((r) => r.startIndex > call.endIndex);
    if (receive) return { cancel: call, receive };
  }
  return undefined;
}
