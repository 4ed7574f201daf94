import type { FileContext } from '../../src/engine/types.js';
import { baseTypeName } from '../../src/go/declarations.js';
import { loopShape, loopStatement } from '../../src/go/loops.js';
import { declarationOf, declaredTypeName, selectedField } from '../../src/go/scope.js';
import { contains, firstLine, type Node } from '../../src/go/syntax.js';
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
 * e.subscribers { go subscriber.callBack() }`): code the package does not show, which may block
 * (a subscriber not reading its channel). Unbounded, such a callback only leaks its goroutine;
 * bounded, it holds its slot and the loop stops for good. The call, e.g. `subscriber.callBack`.
 */
export function itemCallback(spawn: Spawn, ctx: FileContext): string | undefined {
  if (spawn.shape !== 'fire-and-forget' || spawn.go.type !== 'go_statement') return undefined;
  const loop = spawn.loops.find((l) => loopShape(l).kind === 'range');
  const shape = loop ? loopShape(loop) : undefined;
  const callee = spawn.go.namedChild(0)?.childForFieldName('function');
  const operand = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : undefined;
  if (!shape?.over || operand?.type !== 'identifier' || !shape.variables.includes(operand.text)) return undefined;
  const element = elementType(shape.over, loopStatement(loop!), ctx);
  const field = element ? ctx.packageIndex().fieldsOf(element).find((f) => f.name === callee!.childForFieldName('field')?.text) : undefined;
  return field && isFunctionType(field.typeNode, ctx) ? callee!.text : undefined;
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
 * for, any such type (registered handlers: `go handler(event)`). The call, e.g. `cmd()`.
 */
export function itemIsFunction(spawn: Spawn, bodies: { body: Node }[], ctx: FileContext, withParameters = spawn.shape === 'fire-and-forget'): string | undefined {
  const loop = spawn.loops.find((l) => loopShape(l).kind === 'range');
  const over = loop ? loopShape(loop).over : undefined;
  // Nothing waits for them: any handler the package declares a type for (`type EventHandler
  // func(event Event)`, `go handler(event)` for each registered one).
  // `withParameters`, for a joined loop too: callbacks registered by callers (`for _, callback :=
  // range subs { go func(callback FuncNotify) { callback(event) }(callback) }`: inspektor-gadget's
  // Publish, whose subscribers run side by side by contract).
  if (!loop || !over || !ofDeclaredFunctionType(over, loopStatement(loop), ctx, withParameters)) return undefined;
  const items = new Set(loopShape(loop).variables);
  const statement = loopStatement(loop);
  const started = spawn.go.type === 'go_statement' ? spawn.go.namedChild(0) : undefined;
  const calls = [...(started ? [started] : []), ...bodies.flatMap(({ body }) => body.descendantsOfType('call_expression'))];
  const call = calls.find((c) => {
    const fn = c.childForFieldName('function');
    if (fn?.type !== 'identifier' || !items.has(fn.text)) return false;
    const decl = declarationOf(fn.text, c);
    // The item itself, or the goroutine literal's parameter of the same name it is passed as.
    return !!decl && ('local' in decl ? contains(statement, decl.local.decl) : contains(statement, decl.param.fn));
  });
  return call && firstLine(call.text);
}

/**
 * A slice or map (or a slice type the package declares, `type BatchMsg []Cmd`) of a function type
 * the package declares, with no parameters (nothing to tell the item to stop) unless
 * `withParameters`.
 */
function ofDeclaredFunctionType(over: Node, at: Node, ctx: FileContext, withParameters: boolean): boolean {
  const decl = over.type === 'identifier' ? declarationOf(over.text, at) : undefined;
  // A local made from a literal of its type (`copiedSubs := []FuncNotify{}`): the literal's type.
  const literalType = decl && 'local' in decl && decl.local.value?.type === 'composite_literal' ? decl.local.value.childForFieldName('type') : undefined;
  let type = !decl ? undefined : 'param' in decl ? decl.param.typeNode : (decl.local.typeNode ?? literalType ?? undefined);
  if (type?.type === 'type_identifier') type = ctx.packageIndex().type(type.text)?.typeNode;
  const element = type?.type === 'slice_type' ? type.childForFieldName('element') : type?.type === 'map_type' ? type.childForFieldName('value') : undefined;
  const fn = element?.type === 'type_identifier' ? ctx.packageIndex().type(element.text)?.typeNode : undefined;
  return fn?.type === 'function_type' && (withParameters || fn.childForFieldName('parameters')?.namedChildCount === 0);
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
