import type { FileContext } from '../../src/engine/types.js';
import { baseTypeName, receiverOf } from '../../src/go/declarations.js';
import { loopShape, loopStatement } from '../../src/go/loops.js';
import { declarationOf, declaredTypeName, selectedField } from '../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, firstLine, type Node } from '../../src/go/syntax.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import type { Spawn } from './detect.js';

/**
 * Each goroutine of a joined loop calls the task its item carries, a function-typed field of the
 * items' struct (`Check func(ctx context.Context) error`, or `Check CheckFunc` for a function
 * type of the package), or, `ofInterface`, a method of the items' interface (`d.Detect(ctx)` for
 * `[]Detector`), with a context (`for i, check := range checks { go func() { results[i] =
 * runCheck(ctx, check) }() }`, runCheck calling `check.Check(ctx)`): different work per item, run
 * at once under the caller's deadline (a health probe's). Bounded, the later tasks start late
 * against the same deadline and fail. The call, e.g. `check.Check(ctx)`.
 */
export function itemTaskWithContext(spawn: Spawn, bodies: { body: Node }[], ctx: FileContext, ofInterface = false): string | undefined {
  if (spawn.shape !== 'joined') return undefined;
  const loop = spawn.loops.find((l) => loopShape(l).kind === 'range');
  const over = loop ? loopShape(loop).over : undefined;
  const element = over ? elementType(over, loopStatement(loop!)) : undefined;
  if (!element) return undefined;
  const tasks = new Set(ofInterface ? interfaceMethods(element, ctx) : ctx.packageIndex().fieldsOf(element).filter((f) => isFunctionType(f.typeNode, ctx)).map((f) => f.name));
  if (tasks.size === 0) return undefined;
  const ranged = new Set(loopShape(loop!).variables);
  // The goroutine's own code and the package functions it calls directly, whatever their text.
  const called = bodies.flatMap(({ body }) => body.descendantsOfType('call_expression')).flatMap((c) => {
    const callee = c.childForFieldName('function');
    return callee?.type === 'identifier' ? ctx.packageIndex().functionsNamed(callee.text, false).flatMap((d) => d.childForFieldName('body') ?? []) : [];
  });
  for (const body of [...bodies.map((b) => b.body), ...called]) {
    for (const call of body.descendantsOfType('call_expression')) {
      const fn = call.childForFieldName('function');
      const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
      if (!fn || operand?.type !== 'identifier' || !tasks.has(fn.childForFieldName('field')?.text ?? '')) continue;
      const givenContext = (call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => /^(ctx|\w+Ctx)$/.test(a.text));
      if (givenContext && (ranged.has(operand.text) || declaredTypeName(operand.text, call) === element)) return call.text.split('\n')[0];
    }
  }
  return undefined;
}

/** `func(ctx context.Context) error`, or a type of the package declared so (`Check CheckFunc`). */
function isFunctionType(type: Node, ctx: FileContext): boolean {
  if (type.type === 'function_type') return true;
  return type.type === 'type_identifier' && ctx.packageIndex().type(type.text)?.typeNode.type === 'function_type';
}

/**
 * The struct type a slice's elements have, when its declaration says (`[]Check`, `make([]Check,
 * n)`, `[]*Check`), or, with `ctx`, a map's values or a field's elements too (`e.subscribers`, a
 * `map[string]*subscriber`).
 */
function elementType(over: Node, at: Node, ctx?: FileContext): string | undefined {
  let text: string | undefined;
  if (over.type === 'identifier') {
    const decl = declarationOf(over.text, at);
    text = !decl ? undefined : 'param' in decl ? decl.param.typeNode.text : (decl.local.typeNode?.text ?? /^make\(\s*(\[\][^,)]+)/.exec(decl.local.value?.text ?? '')?.[1]);
  } else if (ctx) {
    text = selectedField(over, ctx.packageIndex())?.type;
  }
  const m = text ? (ctx ? /^(?:\[\]|map\[[^\]]+\])\*?(\w+)$/ : /^\[\]\*?(\w+)$/).exec(text.replace(/\s/g, '')) : undefined;
  return m ? baseTypeName(m[1]) : undefined;
}

/**
 * A loop nothing waits for that starts, per item, the callback the item was registered with: a
 * function-typed field of the items' struct called as the goroutine (`for _, subscriber := range
 * e.subscribers { go subscriber.callBack() }`), or the one its receiver was given (`go
 * self.eventListener(state.FinalState)`, eventListener a `func(E)` field: ziti's entity listeners,
 * fired per change type): code the package does not show, which may block (a subscriber not
 * reading its channel, a listener waiting for a lock the committer holds). Unbounded, such a
 * callback only leaks its goroutine; bounded, it holds its slot and the loop stops for good. Said
 * so, e.g. `the callback its item was registered with (subscriber.callBack())`.
 */
export function itemCallback(spawn: Spawn, ctx: FileContext): string | undefined {
  if (spawn.shape !== 'fire-and-forget' || spawn.go.type !== 'go_statement') return undefined;
  const loop = spawn.loops.find((l) => loopShape(l).kind === 'range');
  const shape = loop ? loopShape(loop) : undefined;
  const callee = spawn.go.namedChild(0)?.childForFieldName('function');
  const operand = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : undefined;
  if (operand?.type !== 'identifier') return undefined;
  const method = ancestors(spawn.go).find((a) => a.type === 'method_declaration');
  const recv = method ? receiverOf(method) : undefined;
  const whose = shape?.over && shape.variables.includes(operand.text) ? 'item' : recv?.name === operand.text ? 'receiver' : undefined;
  const owner = whose === 'item' ? elementType(shape!.over!, loopStatement(loop!), ctx) : whose === 'receiver' ? recv!.typeName : undefined;
  const field = owner ? ctx.packageIndex().fieldsOf(owner).find((f) => f.name === callee!.childForFieldName('field')?.text) : undefined;
  if (!field || !isFunctionType(field.typeNode, ctx)) return undefined;
  return whose === 'item' ? `the callback its item was registered with (${callee!.text}())` : `the callback its receiver was given (${callee!.text}(), a ${field.typeNode.text} field)`;
}

/** The methods an interface type of the package declares (`Detect` of `type Detector interface { Detect(ctx) … }`). */
function interfaceMethods(typeName: string, ctx: FileContext): string[] {
  const decl = ctx.packageIndex().type(typeName);
  if (decl?.kind !== 'interface') return [];
  return decl.typeNode.namedChildren.filter((c) => c.type === 'method_elem' || c.type === 'method_spec').flatMap((m) => m.childForFieldName('name')?.text ?? []);
}

/**
 * A range loop over items of a function type the package declares for its callers to provide,
 * with no parameters (`type Cmd func() Msg`: nothing tells it to stop), ranging over a `[]Cmd` or a
 * `BatchMsg` declared so, whose goroutines call the item itself (`for _, cmd := range msg { go
 * func() { msg := cmd() … }() }`): each item is its callers' code, which may run for good or wait
 * on another item (a batch's commands, run side by side by contract); for a loop nothing waits
 * for, any such type (registered handlers: `go handler(event)`). The call, e.g. `cmd()`, and
 * whether the type is declared (for a loop nothing waits for, one written out counts too:
 * `[]func() error`).
 */
export function itemIsFunction(spawn: Spawn, bodies: { body: Node }[], ctx: FileContext, withParameters = spawn.shape === 'fire-and-forget', anyFunction = false): { call: string; declared: boolean } | undefined {
  const loop = spawn.loops.find((l) => loopShape(l).kind === 'range');
  const over = loop ? loopShape(loop).over : undefined;
  // Nothing waits for them: any handler the package declares a type for (`type EventHandler
  // func(event Event)`, `go handler(event)` for each registered one), or a function type written
  // out (`var pluginFuncs []func() error`, each from a registered plugin: v2ray's pprof plugin
  // serves for the process's life, and bounded, the function stopped before starting its server).
  // `withParameters`, for a joined loop too: callbacks registered by callers (`for _, callback :=
  // range subs { go func(callback FuncNotify) { callback(event) }(callback) }`: inspektor-gadget's
  // Publish, whose subscribers run side by side by contract).
  const kind = loop && over ? functionItems(over, loopStatement(loop), ctx, withParameters, anyFunction, anyFunction && spawn.shape !== 'fire-and-forget') : undefined;
  if (!kind) return undefined;
  const items = new Set(loopShape(loop!).variables);
  const statement = loopStatement(loop!);
  const started = spawn.go.type === 'go_statement' ? spawn.go.namedChild(0) : undefined;
  const calls = [...(started ? [started] : []), ...bodies.flatMap(({ body }) => body.descendantsOfType('call_expression'))];
  const call = calls.find((c) => {
    const fn = c.childForFieldName('function');
    if (fn?.type !== 'identifier' || !items.has(fn.text)) return false;
    const decl = declarationOf(fn.text, c);
    // The item itself, or the goroutine literal's parameter of the same name it is passed as.
    return !!decl && ('local' in decl ? contains(statement, decl.local.decl) : contains(statement, decl.param.fn));
  });
  return call && { call: firstLine(call.text), declared: kind === 'declared' };
}

/**
 * Whether a loop ranges over a slice or map (or a slice type the package declares, `type BatchMsg
 * []Cmd`) of a function type the package declares (`declared`), with no parameters (nothing to
 * tell the item to stop) unless `withParameters`; `anyFunction`, of a function type written out
 * too (`written`: `[]func() error`). What it ranges over: a local, a parameter, a package variable
 * (`var Plugins []Plugin`) or a call of the package's function (`hooks()`).
 */
function functionItems(over: Node, at: Node, ctx: FileContext, withParameters: boolean, anyFunction: boolean, joined = false): 'declared' | 'written' | undefined {
  const decl = over.type === 'identifier' ? declarationOf(over.text, at) : undefined;
  // A local made from a literal of its type (`copiedSubs := []FuncNotify{}`): the literal's type.
  // Or made empty to be filled (`cbs := make([]func(), 0, len(s.cbs))`): the type made.
  const value = decl && 'local' in decl ? decl.local.value : undefined;
  const made = value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'make' ? value.childForFieldName('arguments')?.namedChild(0) : undefined;
  const literalType = value?.type === 'composite_literal' ? value.childForFieldName('type') : made;
  // A local copy of a field (`callbacks := t.onBindCallbacks`, taken under the lock): the field's type.
  const fieldType = decl && 'local' in decl && decl.local.value?.type === 'selector_expression' ? selectedField(decl.local.value, ctx.packageIndex())?.typeNode : undefined;
  let type = !decl ? undefined : 'param' in decl ? decl.param.typeNode : (decl.local.typeNode ?? literalType ?? fieldType ?? undefined);
  // No local: a package variable's declared type, or a package function's result.
  if (!decl && over.type === 'identifier') return elementOfText(packageVariableType(over.text, ctx), ctx, withParameters, anyFunction);
  const callee = over.type === 'call_expression' ? over.childForFieldName('function') : undefined;
  if (callee?.type === 'identifier' && over.childForFieldName('arguments')?.namedChildCount === 0) type = ctx.packageIndex().functionsNamed(callee.text, false)[0]?.childForFieldName('result') ?? undefined;
  if (type?.type === 'type_identifier') type = ctx.packageIndex().type(type.text)?.typeNode;
  const element = type?.type === 'slice_type' ? type.childForFieldName('element') : type?.type === 'map_type' ? type.childForFieldName('value') : undefined;
  // A parameter's functions are its caller's, which passedFunctionValue looks into.
  if (anyFunction && element?.type === 'function_type') return (decl && 'param' in decl) || shownHere(over, at) ? undefined : 'written';
  // For a loop that waits for them, a local another package's function gives (`cbs :=
  // slicesx.MapValues(s.cbs)`), of a type not known here, whose items the goroutines call:
  // functions all the same. (Not `append(…)`, whose type its first argument tells.)
  if (joined && !element && value?.type === 'call_expression' && !made && value.childForFieldName('function')?.text !== 'append') return 'written';
  const fn = element?.type === 'type_identifier' ? ctx.packageIndex().type(element.text)?.typeNode : undefined;
  return fn?.type === 'function_type' && (withParameters || fn.childForFieldName('parameters')?.namedChildCount === 0) ? 'declared' : undefined;
}

/**
 * Whether the function fills the slice it ranges over with code it shows: a literal of function
 * literals or the package's functions or methods (`fns := []func(){ a, s.flush, func() { … } }`),
 * or appends only such (`fns = append(fns, func() { … })`). Not values its callers or
 * registrations give (`f := plugin(cmd)`, then `append(pluginFuncs, f)`).
 */
function shownHere(over: Node, at: Node): boolean {
  const decl = over.type === 'identifier' ? declarationOf(over.text, at) : undefined;
  if (!decl || !('local' in decl)) return false;
  const value = decl.local.value;
  const body = value?.type === 'composite_literal' ? value.childForFieldName('body') : undefined;
  const plain = (n: Node): boolean =>
    n.type === 'func_literal' || n.type === 'selector_expression' || (n.type === 'identifier' && !declarationOf(n.text, n)) || (n.type === 'literal_element' && plain(n.namedChild(0)!)) || (n.type === 'keyed_element' && plain(n.namedChild(n.namedChildCount - 1)!));
  if (value && !body && !(value.type === 'call_expression' && value.childForFieldName('function')?.text === 'make')) return false;
  const fn = enclosingFunction(at);
  const appended = (fn?.descendantsOfType('call_expression') ?? []).filter((c) => c.childForFieldName('function')?.text === 'append' && c.childForFieldName('arguments')?.namedChild(0)?.text === over.text);
  const items = [...(body?.namedChildren.filter((c) => c.type !== 'comment') ?? []), ...appended.flatMap((c) => c.childForFieldName('arguments')!.namedChildren.slice(1))];
  return items.length > 0 && items.every(plain);
}

/** The type a package variable is declared with, as written (`var Plugins []Plugin`). */
function packageVariableType(name: string, ctx: FileContext): string | undefined {
  const declared = new RegExp(`^var[ \\t]+${regexEscaped(name)}[ \\t]+((?:\\[\\]|map\\[[^\\]\\n]+\\])[^=\\n]+?)[ \\t]*(?:=|//|$)`, 'm');
  for (const text of ctx.packageIndex().allTexts()) {
    const m = declared.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

/** `[]func() error` (`written`, with `anyFunction`), or `[]Plugin` of a declared function type (`declared`), from its text. */
function elementOfText(text: string | undefined, ctx: FileContext, withParameters: boolean, anyFunction: boolean): 'declared' | 'written' | undefined {
  const element = text && /^(?:\[\]|map\[[^\]]+\])(.+)$/.exec(text.trim())?.[1];
  if (!element) return undefined;
  if (/^func\s*\(/.test(element)) return anyFunction ? 'written' : undefined;
  const fn = /^\w+$/.test(element) ? ctx.packageIndex().type(element)?.typeNode : undefined;
  return fn?.type === 'function_type' && (withParameters || fn.childForFieldName('parameters')?.namedChildCount === 0) ? 'declared' : undefined;
}

/**
 * A loop nothing waits for, whose goroutines call a method of their item (`go listener.OnUpdate(instance)`
 * for each registered listener) that an interface of the package declares: listeners of the
 * callers' making, notified side by side by contract. kube-router's Broadcaster, bounded, made
 * Notify wait for slow listeners, and deadlocked under a lock its caller held that they take too.
 * The call as written, up to its paren.
 */
export function itemIsListener(spawn: Spawn, bodies: { body: Node }[], ctx: FileContext): string | undefined {
  const loop = spawn.loops.find((l) => loopShape(l).kind === 'range');
  if (spawn.shape !== 'fire-and-forget' || !loop) return undefined;
  // The items' type: an interface of the package (`listeners []Listener`, or a local copy of such a field).
  const over = loopShape(loop).over!;
  const copied = over.type === 'identifier' ? declarationOf(over.text, over) : undefined;
  const source = copied && 'local' in copied && copied.local.value?.type === 'selector_expression' ? copied.local.value : over;
  const element = elementType(source, loopStatement(loop), ctx);
  const methods = new Set(element ? interfaceMethods(element, ctx) : []);
  const items = new Set(loopShape(loop).variables);
  const started = spawn.go.type === 'go_statement' ? spawn.go.namedChild(0) : undefined;
  const calls = [...(started ? [started] : []), ...bodies.flatMap(({ body }) => body.descendantsOfType('call_expression'))];
  for (const c of calls) {
    const fn = c.childForFieldName('function');
    if (fn?.type === 'selector_expression' && items.has(fn.childForFieldName('operand')!.text) && methods.has(fn.childForFieldName('field')!.text)) return `${fn.text}(…)`;
  }
  return undefined;
}
