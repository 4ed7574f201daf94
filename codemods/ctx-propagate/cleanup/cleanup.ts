import { declarationOf } from '../../../src/go/scope.js';
import { compacted, enclosingFunction, ERROR_VARIABLE, firstLine, same, type Node } from '../../../src/go/syntax.js';

/**
 * A later call of the function, given an empty context, that cleans up (`…Delete(context.TODO(),
 * name)`): the call it depends on comes first (harvester's finalizer lists, then deletes). As
 * written, e.g. `Delete(…), line 27`.
 */
export function cleanupAfter(call: Node, fn: Node): string | undefined {
  // Only a call whose failure the function checks (\`list, err := …List(context.TODO(), …)\`) can
  // keep it from the cleanup: not a logger's (\`lg := log.G(context.TODO())\`).
  if (!failureKept(call)) return undefined;
  const later = fn.descendantsOfType('call_expression').find((c) => {
    if (c.startIndex <= call.endIndex || !/\.(TODO|Background)$/.test(c.childForFieldName('function')?.text ?? '') || !same(enclosingFunction(c), fn)) return false;
    const given = c.parent?.type === 'argument_list' ? c.parent.parent : undefined;
    const callee = given?.childForFieldName('function');
    return !!callee && CLEANUP.test(compacted(callee));
  });
  const name = later?.parent?.parent?.childForFieldName('function');
  return name ? `${name.text.slice(name.text.lastIndexOf('.') + 1)}(…), line ${name.startPosition.row + 1}` : undefined;
}

/**
 * A name that cleans up: starting with the word (`Delete`, `releaseLease`, `x.Kill`, `x.Stop`,
 * `StopContainer`, not `Stopwatch`), or ending with it after others (`ForceJobDelete`,
 * `WorkerUnregister`: cds' worker signed out with its stop's cancelled context), not `IsDeleted`.
 * Taking back what was announced or granted counts (`WithdrawRoutes`, `RevokeLease`,
 * `Unannounce`: fabio's BGP routes, withdrawn at exit given a context done by then, stayed announced).
 * And redis' deletions (`HDel`, `Del`, `SRem`, `Unlink`: livekit's router, clearing a room's node
 * after Stop had cancelled its context, left the room mapped to a dead node).
 */
export const CLEANUP = /(^|\.)([Rr]elease|[Cc]lean[Uu]p|[Dd]elete|[Rr]emove|[Dd]estroy|[Tt]ear[Dd]own|[Uu]nlock|[Kk]ill|[Pp]rune|[Pp]urge|[Uu]nregister|[Dd]eregister|[Ww]ithdraw|[Rr]evoke|[Uu]nannounce|[Uu]nadvertise|Shutdown|GracefulStop)\w*$|(^|\.)[Ss]top(?:[A-Z0-9_]\w*)?$|[a-z0-9](Release|Clean[Uu]p|Delete|Remove|Destroy|Tear[Dd]own|Unlock|Kill|Prune|Purge|Unregister|Deregister|Withdraw|Revoke|Unannounce|Unadvertise|Shutdown|Stop)(?:[A-Z0-9_]\w*)?$|(^|\.)(?:[HZSLX]?Del|[HZSL]Rem|Unlink)$/;

/** The call's statement keeps an error: `x, err := f(…)`, `err = f(…)`, `if err := f(…); …`. */
export function failureKept(call: Node): boolean {
  for (let n: Node | null = call.parent; n && n.type !== 'block'; n = n.parent) {
    if (n.type === 'short_var_declaration' || n.type === 'assignment_statement') {
      return (n.childForFieldName('left')?.namedChildren ?? []).some((id) => ERROR_VARIABLE.test(id.text));
    }
  }
  return false;
}

/**
 * A function literal kept in a variable that the function around it defers by name (`prune =
 * func() { r.Prune(context.Background(), out) }`, then `defer prune()`, or `defer func() { prune()
 * }()` in the function declaring it: skaffold's dev loop, which ends on ctx's end). The defer's
 * first line.
 */
export function deferredByName(literal: Node): string | undefined {
  const holder = literal.parent?.type === 'expression_list' ? literal.parent.parent : undefined;
  const name = holder?.type === 'short_var_declaration' || holder?.type === 'assignment_statement' ? holder.childForFieldName('left')?.namedChildren[0]?.text : undefined;
  if (!name || !/^\w+$/.test(name)) return undefined;
  // Where the variable is declared: it may be set in a callback and deferred around it
  // (`prune := func() {}`, `defer func() { prune() }()`, then `prune = func() { … }` in a callback).
  const found = declarationOf(name, holder!);
  const fn = found && 'local' in found ? enclosingFunction(found.local.decl) : enclosingFunction(holder!);
  const deferred = fn?.descendantsOfType('defer_statement').find((d) => new RegExp(`(?<![\\w.])${name}\\(\\)`).test(d.text));
  return deferred ? firstLine(deferred.text) : undefined;
}

/** Why a call handing a client a redis deletion (deletionCommand) keeps its own context: the deletion is a clean-up. */
export function deletionReason(given: Node | undefined, callee: string, source: string): string | undefined {
  const deletion = deletionCommand(given);
  return deletion && `the call cleans up (${callee}, given a deletion: ${deletion}): cleanup is meant to run even once ${source} is done, and given ${source} it would fail at once then, and what it cleans up would be left behind`;
}

/**
 * A call handing a client a redis deletion as a command (`c.client.Do(ctx,
 * c.client.B().Del().Key(id).Build())`, rueidis' builder; or `Do(ctx, "DEL", key)`): a clean-up
 * whatever the call's own name. The deletion as written (`Del()`), if so.
 */
export function deletionCommand(given: Node | undefined): string | undefined {
  for (const arg of given?.childForFieldName('arguments')?.namedChildren.slice(1) ?? []) {
    const built = /\.((?:[HZSLX]?[Dd]el|[HZSL][Rr]em|Unlink)\(\))/.exec(arg.text)?.[1];
    if (built) return built;
    const said = /^"((?:[HZSLX]?DEL|[HZSL]REM|UNLINK)\b)/i.exec(arg.text)?.[1];
    if (said) return `"${said}"`;
  }
  return undefined;
}
