import type { CancellationSource } from '../../../src/go/cancellation.js';
import { closedChannels, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { whereShared } from './shared-local.js';

/**
 * A hand-made singleflight: the call's result is kept in a field of a value (`pf.result = …`) that
 * the function shares with other callers through a map or a field (`c.entries[k] = pf`, or `pf,
 * found := c.entries[k]`), and whose done channel it closes (`close(pf.done)`) or WaitGroup it
 * marks done (`pf.wg.Done()`), for the callers waiting on it: the work is theirs too, and given
 * one caller's context, its cancellation would fail it for every waiter (buildkite's promise-failure
 * coordinator). Not for a receiver's context, shared by all of them already. The reason.
 */
export function sharedDoneResult(call: Node, source: CancellationSource): string | undefined {
  if (source.kind === 'ctx-field') return undefined;
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const fn = given ? enclosingFunction(given) : undefined;
  if (!given || !fn) return undefined;
  const stmt = given.parent?.type === 'expression_list' ? given.parent.parent : undefined;
  const left = stmt?.type === 'short_var_declaration' || stmt?.type === 'assignment_statement' ? stmt.childForFieldName('left')!.namedChildren : [];
  const results = left.filter((n) => n.type === 'identifier' && n.text !== '_').map((n) => n.text);
  // Fields the result is kept in: in the statement itself, or in a later one of the function reading a result.
  const kept = left.filter((n) => n.type === 'selector_expression');
  for (const a of fn.descendantsOfType('assignment_statement')) {
    if (a.startIndex < given.endIndex || !same(enclosingFunction(a), fn)) continue;
    const right = a.childForFieldName('right')!;
    const reads = right.descendantsOfType('identifier').some((id) => results.includes(id.text) && id.parent?.type !== 'selector_expression');
    if (reads || results.some((r) => right.text === r)) kept.push(...a.childForFieldName('left')!.namedChildren.filter((n) => n.type === 'selector_expression'));
  }
  for (const field of kept) {
    const holder = field.childForFieldName('operand')!;
    if (holder.type !== 'identifier') continue;
    const shared = whereShared(holder.text, fn, given, isFieldOrEntry)?.target.text;
    const signal = shared ? doneSignal(holder.text, fn) : undefined;
    if (shared && signal) {
      return `the call's result is kept in ${field.text}, and ${holder.text} is shared with other callers through ${shared}, who wait for ${signal}: the work is theirs too, and given ${source.expr}, this caller's cancellation would fail it for all of them, callers whose own context is alive`;
    }
  }
  return undefined;
}

/** How the function tells waiters the value is ready: `close(pf.done)`, `pf.wg.Done()`. As written. */
function doneSignal(name: string, fn: Node): string | undefined {
  const closed = closedChannels(fn).find((c) => c.text.startsWith(`${name}.`));
  if (closed) return `close(${closed.text})`;
  const done = fn.descendantsOfType('call_expression').find((c) => new RegExp(`^${name}\\.\\w+\\.Done$`).test(c.childForFieldName('function')?.text ?? ''));
  return done ? firstLine(done.text) : undefined;
}

/** Any field or entry, as the place a value is shared through (`c.entries[k]`, `s.current`): also a local's, which may alias a shared map. */
function isFieldOrEntry(target: Node): boolean {
  return target.type === 'index_expression' || target.type === 'selector_expression';
}
