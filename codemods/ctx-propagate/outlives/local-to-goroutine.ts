import type { CancellationSource } from '../../../src/go/cancellation.js';
import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { isDetached } from '../../../src/go/detached.js';
import { waitsOnDone } from './outlives-function.js';

// A context kept in a local through calls that wrap it (`deleteRelatedCtx :=
// sac.WithAllAccess(context.Background())`, `ctx2 := metadata.NewOutgoingContext(context.TODO(), md)`),
// the local then handed to a goroutine the function starts and does not wait for: that goroutine
// runs on after the function returns, when the context in scope (a request's) may have ended.

/** The local the call's value is assigned to, through any depth of calls wrapping it, and the statement assigning it. */
function wrappedIntoLocal(call: Node): { name: string; statement: Node } | undefined {
  let value = call;
  while (value.parent?.type === 'argument_list' && value.parent.parent?.type === 'call_expression') value = value.parent.parent;
  if (same(value, call) || value.parent?.type !== 'expression_list') return undefined;
  const list = value.parent;
  const statement = list.parent;
  if (statement?.type !== 'short_var_declaration' && statement?.type !== 'assignment_statement' && statement?.type !== 'var_spec') return undefined;
  if (statement.type !== 'var_spec' && !same(statement.childForFieldName('right'), list)) return undefined;
  const left = statement.type === 'var_spec' ? statement.namedChildren.filter((n) => n.type === 'identifier') : statement.childForFieldName('left')!.namedChildren;
  const values = list.namedChildren;
  // `ctx2 := wrap(…)`, or the first of several results (`ctx2, cancel := context.WithTimeout(…)`).
  const at = values.length === left.length ? values.findIndex((v) => same(v, value)) : 0;
  const name = left[at];
  return name?.type === 'identifier' && name.text !== '_' ? { name: name.text, statement } : undefined;
}

/** The local is handed to the go statement: an argument of the call it starts, or named in the function literal it starts. */
function handedTo(go: Node, name: string): boolean {
  const started = go.namedChild(0);
  if (started?.type !== 'call_expression') return false;
  const uses = new RegExp(`(?<![\\w.])${regexEscaped(name)}\\b`);
  const args = started.childForFieldName('arguments');
  if (args && uses.test(codeOnly(args.text))) return true;
  const callee = started.childForFieldName('function')!;
  return callee.type === 'func_literal' && uses.test(codeOnly(callee.text));
}

/**
 * Why the call, wrapped into a local that a goroutine the function does not wait for is given,
 * should not be given the context in scope: the goroutine runs on after the function returns, and
 * that context may end as it returns (stackrox's RemoveCluster, `go ds.postRemoveCluster(deleteRelatedCtx, …)`,
 * left the removed cluster's data in every store).
 */
export function localHandedToGoroutine(call: Node, source: CancellationSource): string | undefined {
  if (source.kind !== 'ctx-param' && source.kind !== 'ctx-local') return undefined;
  const local = wrappedIntoLocal(call);
  const fn = local ? enclosingFunction(local.statement) : undefined;
  if (!local || !fn) return undefined;
  const stopsWith = new RegExp(`(?<![\\w.])${regexEscaped(source.expr)}\\.(Err|Done)\\(`);
  for (const go of fn.descendantsOfType('go_statement')) {
    if (go.startIndex < local.statement.endIndex || !same(enclosingFunction(go), fn) || !isDetached(go) || waitsOnDone(fn, go)) continue;
    // A goroutine that stops with the context already (`<-ctx.Done()`) is not meant to outlive it.
    if (!handedTo(go, local.name) || stopsWith.test(codeOnly(go.text))) continue;
    return `${call.text} is wrapped into ${local.name} (${firstLine(local.statement.text)}), which is handed to a goroutine the function starts and does not wait for (${firstLine(go.text)}): it runs on after the function returns, and given ${source.expr}, which may end as it returns, ${local.name} would end with it and the goroutine's work be cut off`;
  }
  return undefined;
}
