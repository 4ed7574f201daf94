import { receivesFrom, regexEscaped } from '../../src/go/find-by-text.js';
import { enclosingLoops, loopShape } from '../../src/go/loops.js';
import { declarationOf } from '../../src/go/scope.js';
import { enclosingFunction, same, statementsOf, type Node } from '../../src/go/syntax.js';

// A join written by counting: each goroutine started in a loop sends on a channel in a defer
// (`defer func() { done <- struct{}{} }()`, `defer func() { errc <- err }()`), and the function
// that starts them receives once per goroutine in a counted loop after (`for range stmts { <-done }`,
// `for i := 0; i < n; i++ { if err := <-errc; … }`). The starter waits for them as with wg.Wait().

/** The channel a deferred literal of the goroutine sends on, as a top-level statement of the literal. */
function deferredSend(stmts: Node[]): string | undefined {
  for (const st of stmts) {
    if (st.type !== 'defer_statement') continue;
    const call = st.namedChild(0);
    const literal = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    if (literal?.type !== 'func_literal' || call!.childForFieldName('arguments')?.namedChildren.length) continue;
    const send = statementsOf(literal.childForFieldName('body')).find((s) => s.type === 'send_statement');
    const chan = send?.childForFieldName('channel');
    if (chan?.type === 'identifier') return chan.text;
  }
  return undefined;
}

/** A receive from `chan` as a statement of its own, assigned, or an `if`'s initializer. */
function receiveStatement(st: Node, chan: string): string | undefined {
  const text = st.type === 'if_statement' ? st.childForFieldName('initializer')?.text ?? '' : st.text;
  const own = new RegExp(`^(?:[\\w, ]+:?=\\s*)?<-\\s*${regexEscaped(chan)}$`);
  return own.test(text) && receivesFrom(text, chan) ? text : undefined;
}

/**
 * The counted loop after the goroutine's loop, in the function that starts it, receiving from the
 * channel the goroutine sends on in a defer, made by that function: the wait as written, and the channel.
 */
export function countedReceives(stmts: Node[], go: Node): { wait: string; group: string; byCaller: false } | undefined {
  const chan = deferredSend(stmts);
  const fn = enclosingFunction(go);
  const started = enclosingLoops(go).at(-1);
  if (!chan || !fn || !started) return undefined;
  const found = declarationOf(chan, go);
  if (!found || !('local' in found) || !/^make\(\s*chan\b/.test(found.local.value?.text ?? '') || !same(enclosingFunction(found.local.decl), fn)) return undefined;
  for (const loop of fn.descendantsOfType('for_statement')) {
    if (loop.startIndex < started.endIndex || !same(enclosingFunction(loop), fn)) continue;
    const shape = loopShape(loop);
    if (shape.kind !== 'range' && shape.kind !== 'counted') continue;
    const block = loop.namedChildren.find((c) => c.type === 'block');
    const received = statementsOf(block).map((st) => receiveStatement(st, chan)).find(Boolean);
    const header = block ? loop.text.slice(0, block.startIndex - loop.startIndex).trim() : '';
    if (received) return { wait: `${header} { ${received} }`, group: chan, byCaller: false };
  }
  return undefined;
}
