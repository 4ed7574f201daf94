import { firstLine, same, type Node } from '../../src/go/syntax.js';

/** Calls that start their function literal on a goroutine of its own (`g.Go(func() error {…})`). */
const STARTERS = /(^|\.)(Go|TryGo|Submit|AfterFunc)$/;

/**
 * The call that runs the send's function literal there and then, when one does: the literal
 * called in place (`func() { ch <- v }()`, not under `go` or `defer`), handed to a `Do` (`once.Do`,
 * singleflight), or handed to a call whose result the function goes on to use (`if err :=
 * PanicToError(func() { readCh <- m }); err != nil`, `err := retry(3, func() error {…})`). A
 * return in the fix would leave only the literal, and the code after that call would go on as
 * if the value had been sent. The call as written (its first line).
 */
export function calledInPlace(fn: Node): string | undefined {
  if (fn.type !== 'func_literal') return undefined;
  const parent = fn.parent;
  if (parent?.type === 'call_expression' && same(parent.childForFieldName('function'), fn)) {
    const statement = parent.parent?.type;
    return statement === 'go_statement' || statement === 'defer_statement' ? undefined : firstLine(parent.text);
  }
  const call = parent?.type === 'argument_list' ? parent.parent : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function')?.text : undefined;
  if (!call || !callee || STARTERS.test(callee) || call.parent?.type === 'go_statement') return undefined;
  if (/(^|\.)Do$/.test(callee)) return firstLine(call.text);
  // The call's result taken where it is made: the function waits for it and goes on.
  const holder = call.parent?.type === 'expression_list' ? call.parent.parent : call.parent;
  const used = holder?.type === 'short_var_declaration' || holder?.type === 'assignment_statement' || holder?.type === 'if_statement';
  return used ? firstLine(call.text) : undefined;
}
