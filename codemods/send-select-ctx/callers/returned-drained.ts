import type { FileContext } from '../../../src/engine/types.js';
import { calledName, callsHanding } from '../../../src/go/called-functions.js';
import { declarationOf, madeChannel } from '../../../src/go/scope.js';
import { enclosingFunction, same, unparen, type Node } from '../../../src/go/syntax.js';
import { drainedByCalledWorkers, drainingRange } from '../receivers/receivers.js';

/**
 * A channel parameter every call in the package hands a local that a function of the package
 * returned (`workersStartChan := startWorkerStarters(ctx, h)`), the channel that function made and
 * gave its workers to range over (`jobs := make(…)`, `h.GetGoRoutines().Run(ctx, name, func(ctx
 * context.Context) { workerStarter(ctx, h, jobs) })`, `for j := range jobs`, then `return jobs`):
 * its workers take every value (cds' hatchery dropped a job request its starters would have
 * spawned). How, e.g. `startWorkerStarters()'s workerStarter(…) ranging j := range jobs`.
 */
export function drainedWhereReturned(send: Node, param: string, ctx: FileContext): string | undefined {
  const found = declarationOf(param, send);
  if (!found || !('param' in found)) return undefined;
  const calls = callsHanding(found.param, ctx.packageIndex())?.calls ?? [];
  let drained: string | undefined;
  for (const { call, arg } of calls) {
    const local = arg?.type === 'identifier' ? declarationOf(arg.text, call) : undefined;
    const value = local && 'local' in local && local.local.value ? unparen(local.local.value) : undefined;
    const named = value?.type === 'call_expression' ? calledName(value.childForFieldName('function')!) : undefined;
    const decls = named ? ctx.packageIndex().functionsNamed(named.name, named.method) : [];
    const how = decls.length === 1 ? drainedByItsWorkers(decls[0], ctx) : undefined;
    if (!how) return undefined;
    drained ??= `${named!.name}()'s ${how}`;
  }
  return drained;
}

/** The local channel a function makes and returns (`return jobs`), ranged over to its end by goroutines it starts: how. */
function drainedByItsWorkers(decl: Node, ctx: FileContext): string | undefined {
  const returns = decl.descendantsOfType('return_statement').filter((r) => same(enclosingFunction(r), decl));
  const values = returns.length === 1 ? returns[0].namedChildren.flatMap((c) => (c.type === 'expression_list' ? c.namedChildren : [c])) : [];
  const name = values.length === 1 && values[0].type === 'identifier' ? values[0].text : undefined;
  if (!name || !madeChannel(name, returns[0])) return undefined;
  const range = drainingRange(decl, name!);
  return range ? `goroutine ranging ${range.text}` : drainedByCalledWorkers(decl, name!, ctx);
}
