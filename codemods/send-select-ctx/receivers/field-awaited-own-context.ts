import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { callsHanding } from '../../../src/go/called-functions.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, enclosingFunction, same, type Node } from '../../../src/go/syntax.js';

// A channel kept in a struct's field, awaited later by a method on the context its own caller gives.

/**
 * The channel is made by the function sending on it, or by every caller handing it in (`go
 * imageLoadGoroutine(goroutineContext, c, reader, statusChannel)`), and kept in a field of the
 * struct that function builds (`statusChannel: statusChannel`); a method receives from that field
 * in a select whose way out is a context its own caller hands it (`case err :=
 * <-d.statusChannel:` beside `case <-ctx.Done():` in `CommitWithOptions(ctx, …)`: containers/image's
 * daemon destination, made with one context and committed with another). The end of the sender's
 * context does not end that wait: a dropped value leaves it waiting until its own context ends. The
 * receive and its method, or undefined. Not when the package closes the field.
 */
export function fieldAwaitedOnOwnContext(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type === 'selector_expression') return callbackFieldAwaited(chan, ctx, source);
  const found = chan?.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  if (!found) return undefined;
  const made: { name: string; at: Node }[] = [];
  if ('local' in found) made.push({ name: chan!.text, at: found.local.decl });
  else {
    const calls = callsHanding(found.param, ctx.packageIndex())?.calls ?? [];
    for (const { call, arg } of calls) {
      const local = arg?.type === 'identifier' ? declarationOf(arg.text, call) : undefined;
      if (!local || !('local' in local)) return undefined;
      made.push({ name: arg!.text, at: local.local.decl });
    }
  }
  if (made.length === 0) return undefined;
  const fields = made.map(({ name, at }) => keptIn(name, at));
  const field = fields[0];
  if (!field || fields.some((f) => f !== field)) return undefined;
  return awaitedOnOwnContext(field, ctx, source);
}

/** A receive of the field in a select on a context the receiving function's own caller hands it, as written. */
function awaitedOnOwnContext(field: string, ctx: FileContext, source: CancellationSource): string | undefined {
  const index = ctx.packageIndex();
  if (index.anyTextMatches(new RegExp(`\\bclose\\(\\s*[^()]*\\.${regexEscaped(field)}\\s*\\)`))) return undefined;
  const receives = index.nodesMatching(new RegExp(`<-\\s*[\\w.]+\\.${regexEscaped(field)}\\b`, 'g'));
  for (const n of receives) {
    const unary = n.parent?.type === 'unary_expression' ? n.parent : undefined;
    const own = unary && ownContextCase(unary, source);
    if (own) {
      const method = ancestors(unary).find((a) => a.type === 'method_declaration' || a.type === 'function_declaration');
      return `${unary.text}${method ? ` (in ${method.childForFieldName('name')?.text})` : ''} waits for the value in a select on the ${own} its own caller hands it`;
    }
  }
  return undefined;
}

/**
 * The same for a send on a field of the receiver (`g.fatalError <- err`) in a method the package
 * hands on as a callback (`elect(leCtx, g.onStartedLeading, …)`), the source its context
 * parameter: whoever calls it gives that context, which may end before the receiving function's
 * own (submariner's gateway: the leader-election context ended with the lease, while Run still
 * waited on its parent for the fatal error).
 */
function callbackFieldAwaited(chan: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const fn = source.fn;
  const name = fn.type === 'method_declaration' ? fn.childForFieldName('name')?.text : undefined;
  if (source.kind !== 'ctx-param' || !name || chan.childForFieldName('operand')?.text !== receiverOf(fn)?.name) return undefined;
  if (!ctx.packageIndex().anyTextMatches(new RegExp(`[\\w)\\]]\\.${regexEscaped(name)}\\b(?!\\s*\\()`))) return undefined;
  const awaited = awaitedOnOwnContext(chan.childForFieldName('field')!.text, ctx, source);
  return awaited && `${awaited} (${name}, handed on as a callback, is given its ${source.expr} by whoever calls it)`;
}

/** The field of a struct literal in the function making the channel that holds it (`statusChannel: statusChannel`). */
function keptIn(name: string, decl: Node): string | undefined {
  const maker = enclosingFunction(decl);
  for (const element of maker?.descendantsOfType('keyed_element') ?? []) {
    const [key, value] = element.namedChildren.map((n) => (n.type === 'literal_element' && n.namedChild(0) ? n.namedChild(0)! : n));
    if (value?.text === name && /^\w+$/.test(key?.text ?? '')) return key.text;
  }
  return undefined;
}

/**
 * For a receive that is a select case: the context parameter of the function around it that
 * another case of that select waits on (`case <-ctx.Done():`), when it is not the sender's.
 */
function ownContextCase(unary: Node, source: CancellationSource): string | undefined {
  const kase = unary.parent?.type === 'receive_statement' ? unary.parent.parent : undefined;
  if (kase?.type !== 'communication_case') return undefined;
  for (const other of kase.parent!.namedChildren) {
    const right = other.type === 'communication_case' ? other.childForFieldName('communication')?.childForFieldName('right') : undefined;
    const m = /^<-\s*(\w+)\.Done\(\)$/.exec(right?.text ?? '');
    const param = m ? declarationOf(m[1], other) : undefined;
    if (param && 'param' in param && !same(param.param.fn, source.fn) && !same(enclosingFunction(unary), source.fn)) return m![1];
  }
  return undefined;
}
