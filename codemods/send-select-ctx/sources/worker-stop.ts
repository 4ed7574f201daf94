import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { paramsOf } from '../../../src/go/scope.js';
import { ancestors, same, type Node } from '../../../src/go/syntax.js';

// A pool whose workers each get a stop channel of their own (`stopCh := make(chan struct{})`, then
// `go p.run(stopCh)`, in a loop: nomad's plan evaluation pool). Closing one tells that worker to
// leave the pool, as a resize does, not that nobody wants its answers: the send answers a request
// the worker already took, and its requester, not told, counts on it.

/**
 * Why the send, in the branch of a select that took a request, should not give up on a stop
 * channel that is the worker's own: the reason, in full. Undefined unless every start of the
 * function the package makes hands it a channel made for that worker alone, in a loop.
 */
export function ownStopOfWorker(send: Node, fn: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  if (source.kind !== 'done-param' || !same(source.fn, fn)) return undefined;
  const name = fn.childForFieldName('name')?.text;
  const position = paramsOf(fn).findIndex((p) => p.name === source.expr);
  if (!name || position < 0) return undefined;
  const taken = ancestors(send).find((a) => a.type === 'communication_case');
  const request = taken?.childForFieldName('communication');
  const received = request?.descendantsOfType('unary_expression').find((u) => u.childForFieldName('operator')?.text === '<-');
  if (!received || received.childForFieldName('operand')?.text === source.expr) return undefined;
  const method = fn.type === 'method_declaration';
  // Starts found by name: only when the package declares one function or method by that name.
  if (ctx.packageIndex().functionsNamed(name, method).length !== 1) return undefined;
  const starts = ctx.packageIndex().callsNamed(name).filter((c) => c.parent?.type === 'go_statement' && (method ? c.childForFieldName('function')?.type === 'selector_expression' : c.childForFieldName('function')?.type === 'identifier'));
  if (starts.length === 0) return undefined;
  let made: { decl: Node; in: string } | undefined;
  for (const start of starts) {
    const arg = start.childForFieldName('arguments')?.namedChildren[position];
    const loop = ancestors(start).find((a) => a.type === 'for_statement');
    const body = loop?.childForFieldName('body');
    const decl = arg?.type === 'identifier' && body ? body.descendantsOfType('short_var_declaration').find((d) => d.startIndex < start.startIndex && d.childForFieldName('left')?.text === arg.text && /^make\(\s*chan\b/.test(d.childForFieldName('right')?.text ?? '')) : undefined;
    if (!decl) return undefined;
    const caller = ancestors(start).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
    made ??= { decl, in: caller?.childForFieldName('name')?.text ?? 'a function literal' };
  }
  return `each worker gets a ${source.expr} of its own (${made!.decl.text}, made per worker in a loop of ${made!.in}): closing it tells this worker to leave the pool, not that nobody wants its answer; the send answers a request it already took (${request!.text}), and its requester, not told, would wait for that answer forever`;
}
