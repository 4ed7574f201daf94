import { declarationOf } from '../../src/go/scope.js';
import { ancestors, contains, firstLine, LOG_CALL, onOwnPath, type Node } from '../../src/go/syntax.js';

// A goroutine that calls, after some work and outside a defer, a function value it was
// handed that takes and returns nothing (`interruptStep()`, a `func()` parameter of the function starting it,
// or a local of the functions around holding a literal): the goroutine owes that call to whoever
// handed it (an interrupt, a cancel, a notice), as it would owe a `cancel()`. Recovered, a panic
// before it would skip it, and the step would never be interrupted (act's step monitor, a variant
// built in a trial, its cancel renamed).

/** A function type taking and returning nothing (`func()`): a signal, not a sink for data. */
function returnsNothing(type: Node | null | undefined): boolean {
  return type?.type === 'function_type' && type.text.replace(/\s/g, '') === 'func()';
}

/**
 * A callback an event loop hands out and then waits to be called (`callback := vu.RegisterCallback()`,
 * `promise, resolve, reject := promises.New(vu)`: k6's modules, whose iteration hung on a read that
 * panicked once recovered): the declaration's value, if it is one.
 */
function loopCallback(decl: Node): string | undefined {
  const value = decl.type === 'short_var_declaration' ? decl.childForFieldName('right')?.text ?? '' : '';
  return /^[\w.]*?(?:\bRegister\w*Callback|\bpromises\.New|\bNewPromise)\(/.test(value) ? value : undefined;
}

/**
 * What holds the function value the goroutine calls, when the call is owed: a `func()` parameter
 * of a function around, or a local of one declared outside the goroutine holding a `func()`
 * literal, a callback an event loop handed out, or (called with no arguments) what a call handed
 * back (`release := l.Acquire()`, then `release()`). In words, for the reason.
 */
function owedHolder(found: NonNullable<ReturnType<typeof declarationOf>>, body: Node, call: Node): string | undefined {
  if ('param' in found) {
    const { fn, typeNode, name } = found.param;
    return !contains(body, fn) && returnsNothing(typeNode) ? `a parameter of ${fn.childForFieldName('name')?.text ?? 'the function literal around it'} (${name} ${typeNode.text})` : undefined;
  }
  const { decl, value, typeNode } = found.local;
  if (contains(body, decl)) return undefined;
  const handedOut = loopCallback(decl);
  if (handedOut) return `a callback an event loop handed out (${firstLine(handedOut)}) and waits for`;
  if (value?.type === 'call_expression' && call.childForFieldName('arguments')?.namedChildCount === 0) return `the function value ${firstLine(value.text)} handed back`;
  const literal = value?.type === 'func_literal' && /^func\(\)\s*\{/.test(value.text);
  return returnsNothing(typeNode) || literal ? 'a function value of the function around' : undefined;
}

/**
 * A JavaScript promise's `resolve` or `reject`, taken from the arguments of its executor
 * (`resolve := args[0]` in the `js.FuncOf` handed to `Promise`): the JavaScript side awaits the
 * promise until one is invoked (tailscale's wasm client, whose promise stayed pending after a
 * recovered panic where the Go program used to exit). In words, for the reason.
 */
function promiseSettler(found: NonNullable<ReturnType<typeof declarationOf>>, body: Node): string | undefined {
  if (!('local' in found) || contains(body, found.local.decl)) return undefined;
  const { value } = found.local;
  return value?.type === 'index_expression' && /^\w+\[[01]\]$/.test(value.text) ? `a promise's settling function (${value.text} of its executor)` : undefined;
}

/**
 * A call that may panic: not one a receive waits on (`<-ctx.Done()`, a hook run on cancel is
 * the work itself), nor a log's.
 */
function works(call: Node): boolean {
  const fn = call.childForFieldName('function')?.text ?? '';
  return !LOG_CALL.test(fn) && !ancestors(call).some((a) => a.type === 'unary_expression' && a.childForFieldName('operator')?.text === '<-');
}

/**
 * The call, a statement on the goroutine's own path after some work of its own (a call, not a wait), of a
 * parameter or local declared outside it holding such a function value. Why, as a refusal's reason.
 */
export function owedCallAfterWork(body: Node): string | undefined {
  const own = body.descendantsOfType('call_expression').filter((n) => onOwnPath(n, body));
  for (const call of own) {
    const fn = call.childForFieldName('function');
    // Or a JavaScript function invoked (`resolve.Invoke(res)`).
    const invoked = fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Invoke' ? fn.childForFieldName('operand') : undefined;
    const held = invoked?.type === 'identifier' ? invoked : fn;
    if (held?.type !== 'identifier' || call.parent?.type !== 'expression_statement') continue;
    // The work may be in the call's own arguments (`resolve(f.Stat())`).
    const before = own.some((n) => (n.endIndex <= call.startIndex || (contains(call, n) && n.id !== call.id)) && works(n));
    const found = before ? declarationOf(held.text, call) : undefined;
    if (!found) continue;
    const where = invoked ? promiseSettler(found, body) : owedHolder(found, body, call);
    if (!where) continue;
    if (invoked) return `the goroutine calls ${firstLine(call.text)} (line ${call.startPosition.row + 1}), ${where}, outside a defer after its work: the JavaScript side awaits that promise, and after a recovered panic it would be skipped, leaving the promise pending for good where the Go program used to exit`;
    return `the goroutine calls ${firstLine(call.text)} (line ${call.startPosition.row + 1}), ${where}, outside a defer after its work: whoever handed it is owed that call (an interrupt, a cancel, a notice), and after a recovered panic it would be skipped, leaving them waiting (a step never interrupted) where the process used to crash`;
  }
  return undefined;
}
