import { calledName } from '../../src/go/called-functions.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { declarationOf, localClosure, paramsOf } from '../../src/go/scope.js';
import { insideLiteral, same, statementsOf, type Node } from '../../src/go/syntax.js';
import { afterStart, startingFunction } from './waited-for.js';

// A release the goroutine's starter waits for, deferred in a function the goroutine calls: the
// defer is set only once the callee runs, after its arguments are worked out.

/** Builtins and conversions: a call of one does no work of the program's. */
const NO_WORK = new Set(
  'len cap make new append copy min max complex real imag string int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr byte rune bool float32 float64 error any'.split(' '),
);

/**
 * A call of the goroutine (not deferred, not in a literal) to a closure of the function around or
 * a function of the package that defers `X.Done()` of a group the starting function waits for
 * after the go statement, given an argument that calls something first (`doneFunc(func() error {
 * … client.Apply(ctx, m) … }())`: trillian's AddSequencedLeaves, whose doneFunc defers
 * `wg.Done()`): a panic in that argument, recovered, would leave the group's Wait blocked for
 * good. Why, as a refusal's reason.
 */
export function releaseDeferredInCallee(undeferred: Node[], go: Node, body: Node, index: PackageIndex): string | undefined {
  for (const fn of undeferred) {
    if (insideLiteral(fn, body)) continue;
    const call = fn.parent!;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const work = args
      .flatMap((a) => [a, ...a.descendantsOfType('call_expression')].filter((c) => c.type === 'call_expression' && !insideLiteral(c, a)))
      .find((c) => !NO_WORK.has(c.childForFieldName('function')?.text ?? ''));
    if (!work) continue;
    for (const callee of calleesOf(fn, index)) {
      const group = doneDeferredIn(callee, fn, args);
      const waiter = group && waiterOf(group.waited, go, index);
      if (waiter) return `the goroutine's ${group.done} is deferred in ${fn.text}, set up only after its argument ${shortCall(work)} has run: a panic there, recovered, would leave ${waiter} waiting for good where the process used to crash`;
    }
  }
  return undefined;
}

/**
 * Who waits for the group: a `Wait()` after the go statement in the function that starts it, the
 * caller that hands that function the group (`wg *sync.WaitGroup`), or, for a group kept in a
 * field, a `Wait()` of the field anywhere in the package. As a reason names it.
 */
function waiterOf(waited: string, go: Node, index: PackageIndex): string | undefined {
  const starter = startingFunction(go);
  const after = new RegExp(`(?<![\\w.])${regexEscaped(waited)}\\.Wait\\(\\)`).exec(afterStart(go));
  if (after) return `${after[0]} in ${starter?.childForFieldName('name')?.text ?? 'the function that starts it'}`;
  const found = /^\w+$/.test(waited) ? declarationOf(waited, go) : undefined;
  if (found && 'param' in found && same(found.param.fn, starter) && /WaitGroup\b/.test(found.param.typeNode.text)) return `the Wait of the caller that hands ${waited} in`;
  const field = /^[\w.]+\.(\w+)$/.exec(waited)?.[1];
  return field && index.anyTextMatches(new RegExp(`\\.${field}\\.Wait\\(\\)`)) ? `${waited}.Wait() in the package` : undefined;
}

/** The closure of the function around a call names, or the package's functions (methods of any receiver) of its name. */
function calleesOf(fn: Node, index: PackageIndex): Node[] {
  const closure = localClosure(fn, fn);
  if (closure) return [closure];
  const named = calledName(fn);
  return named ? index.functionsNamed(named.name, named.method) : [];
}

/**
 * A `defer X.Done()` among the callee's own statements, with the group as the goroutine names it:
 * through the parameter it lands in (`wg *sync.WaitGroup`, handed `&wg`), the receiver (`s.wg`,
 * called as `x.f(…)`), or, in a closure, the variable it shares.
 */
function doneDeferredIn(callee: Node, fn: Node, args: Node[]): { done: string; waited: string } | undefined {
  for (const st of statementsOf(callee.childForFieldName('body'))) {
    const group = st.type === 'defer_statement' ? /^defer\s+([\w.]+)\.Done\(\)\s*$/.exec(st.text)?.[1] : undefined;
    if (!group) continue;
    const [root, ...rest] = group.split('.');
    const position = paramsOf(callee).findIndex((p) => p.name === root);
    const receiver = callee.childForFieldName('receiver')?.descendantsOfType('identifier')[0]?.text;
    let base: string | undefined;
    if (position >= 0) base = args[position]?.text.replace(/^&\s*/, '');
    else if (root === receiver && fn.type === 'selector_expression') base = fn.childForFieldName('operand')!.text;
    else if (callee.type === 'func_literal') base = root;
    if (!base || !/^[\w.]+$/.test(base)) continue;
    return { done: `${group}.Done()`, waited: [base, ...rest].join('.') };
  }
  return undefined;
}

/** A call as a reason shows it: a literal's body left out (`func() error {…}()`), a long one's arguments too. */
function shortCall(call: Node): string {
  const fn = call.childForFieldName('function')!;
  if (fn.type === 'func_literal') return `${fn.text.slice(0, fn.childForFieldName('body')!.startIndex - fn.startIndex)}{…}()`;
  return call.text.includes('\n') || call.text.length > 60 ? `${fn.text}(…)` : call.text;
}
