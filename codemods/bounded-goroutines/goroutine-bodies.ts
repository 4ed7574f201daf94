import type { FileContext } from '../../src/engine/types.js';
import { calledBodies, literalsHandedTo } from '../../src/go/called-functions.js';
import { statementsOf, type Node } from '../../src/go/syntax.js';
import { declarationOf, localClosure } from '../../src/go/scope.js';
import { spawnedFunction, type Spawn } from './detect.js';
import { callbackBodies } from './handed-callbacks.js';
import { fieldCallbackBodies } from './field-callbacks.js';

/**
 * What a spawned goroutine runs: its function literal (or the local closure it calls), and the
 * functions it calls (its function itself, or those called in the literal).
 */
export function spawned(spawn: Spawn): { fn?: Node; literal?: Node; called: Node[] } {
  const fn = spawnedFunction(spawn.go);
  const literal = fn?.type === 'func_literal' ? fn : fn?.type === 'call_expression' ? madeByLocalFactory(fn, spawn.go) : fn ? (localClosure(fn, spawn.go) ?? madeInLocal(fn, spawn.go)) : undefined;
  const called = literal ? literal.childForFieldName('body')!.descendantsOfType('call_expression').map((c) => c.childForFieldName('function')!) : fn ? [fn] : [];
  return { fn, literal, called };
}

/**
 * `eg.Go(x(fn))`, where `x := func(f func(context.Context) error) func() error { return func()
 * error { return f(ctx) } }`: the literal the local factory returns (pomerium's leaser, whose
 * `f(ctx)` was hidden behind it).
 */
function madeByLocalFactory(call: Node, go: Node): Node | undefined {
  const callee = call.childForFieldName('function');
  // `func(r string) func() error { … }(resource)`, called where it is written.
  const factory = callee?.type === 'func_literal' ? callee : callee ? localClosure(callee, go) : undefined;
  const statements = statementsOf(factory?.childForFieldName('body'));
  const returned = statements.find((st) => st.type === 'return_statement')?.namedChildren[0];
  const value = returned?.type === 'expression_list' ? returned.namedChildren[0] : returned;
  return value?.type === 'func_literal' ? value : undefined;
}

/**
 * `wg.Go(waitFn)`, where `waitFn := func(r string) func() error { return func() error { … } }(r)`:
 * the literal the factory, called in place, returns (cilium's cache-sync waits, each with a
 * timeout of its own).
 */
function madeInLocal(fn: Node, go: Node): Node | undefined {
  const found = fn.type === 'identifier' ? declarationOf(fn.text, go) : undefined;
  const value = found && 'local' in found ? found.local.value : undefined;
  return value?.type === 'call_expression' ? madeByLocalFactory(value, go) : undefined;
}

/**
 * What a spawned goroutine runs, as far as the package shows it: the body of its function
 * literal and of the package's functions (or methods) of the names it calls, and of those they
 * call in turn.
 */
export function goroutineBodies(spawn: Spawn, ctx: FileContext): { body: Node; via?: string }[] {
  // Not the loop's own function, reached again by the name of an interface's method (`c.Init(ctx)`
  // in a Manager's Init over its components): a run of its own, with a group and a bound of its own.
  return bodiesOf(spawn, ctx).filter(({ body }) => body.parent?.text !== spawn.fn.text);
}

function bodiesOf(spawn: Spawn, ctx: FileContext): { body: Node; via?: string }[] {
  const { fn, literal, called } = spawned(spawn);
  const passed = [...passedIn(called, ctx), ...fieldCallbackBodies(called, ctx.packageIndex())];
  if (!literal) return [...calledBodies(called, ctx.packageIndex(), false), ...passed];
  // `go func() { defer wg.Done(); update(ctx) }()`, where `update := func(…) {…}`: its body too.
  const closures = closuresCalled(called)
    .filter(({ closure }) => closure !== literal)
    .map(({ closure, call }) => ({ body: closure.childForFieldName('body')!, via: `${call.text}()` }));
  return [{ body: literal.childForFieldName('body')!, via: literal === fn ? undefined : `${fn!.text}()` }, ...closures, ...calledBodies(called, ctx.packageIndex(), true), ...passed, ...callbackBodies(literal, ctx.packageIndex())];
}

/**
 * The function literals the package's callers hand to a function-typed parameter the goroutine
 * calls, and the package's functions those call: `action(name)`, where lxc's `runBatch(names,
 * func(name string) error { return c.doAction(…) })` hands it work that waits on the server.
 */
function passedIn(called: Node[], ctx: FileContext): { body: Node; via?: string }[] {
  return called.flatMap((c) => literalsHandedTo(c, ctx.packageIndex())).flatMap(({ literal, param, callee }) => {
    const body = literal.childForFieldName('body')!;
    const via = `the ${param} given to ${callee}()`;
    const calls = body.descendantsOfType('call_expression').map((c) => c.childForFieldName('function')!);
    return [{ body, via }, ...calledBodies(calls, ctx.packageIndex(), true).map((b) => ({ ...b, via: b.via ?? via }))];
  });
}

/** The local closures among the functions a goroutine calls (`update(ctx)`, where `update := func(…) {…}`), each with its call. */
export function closuresCalled(called: Node[]): { closure: Node; call: Node }[] {
  return called.flatMap((call) => {
    const closure = localClosure(call, call);
    return closure ? [{ closure, call }] : [];
  });
}
