import type { FileContext } from '../../src/engine/types.js';
import { enclosingLoops, loopShape, loopStatement } from '../../src/go/loops.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, unparen, type Node } from '../../src/go/syntax.js';
import { channelRangedOver } from './channel-loops.js';
import type { Spawn } from './detect.js';
import { STREAM_READ } from './network.js';

/**
 * Each goroutine runs a handler registered in a slice or map field (`for _, h := range
 * s.handlers { go h(s, m) }`, or over a local copy of the field, `handlers := s.handlers`), and
 * the package calls the function, directly or a few calls up, from inside a loop that takes the
 * next event: one ranging over a channel (`for m := range events { s.handleEvent(m) }`), or a
 * `for {` loop receiving from one or reading a stream (discordgo's gateway read loop). A handler
 * may wait for a later event (a confirmation prompt waiting for the user's next message), which
 * only that loop delivers: bounded, waiting handlers would hold the slots, the function would
 * block the loop, and the awaited event never come. An event bus whose `Publish` no such loop
 * calls keeps its fix. The reason, or undefined.
 */
export function handlersOfReadLoop(spawn: Spawn, ctx: FileContext): string | undefined {
  const name = spawn.fn.type === 'func_literal' ? undefined : spawn.fn.childForFieldName('name')?.text;
  const found = name ? (rangedHandler(spawn, ctx) ?? lookedUpHandler(spawn.go, ctx)) : undefined;
  const reader = found && readLoopCalling(name!, ctx);
  if (!found || !reader) return undefined;
  const { registered, handler } = found;
  return `each goroutine runs a handler registered in ${registered.field} (${handler}), code this package does not show, and ${name} is called from ${reader}, which takes the next event only once ${name} returns: a handler may wait for a later event (a prompt waiting for the next message) that only this loop delivers; bounded, the waiting handlers would hold the slots, ${name} would block the loop, and the event would never come`;
}

/** The loop ranges over the handlers (`for _, h := range s.handlers`) and the goroutine calls its item. */
function rangedHandler(spawn: Spawn, ctx: FileContext): { registered: { field: string }; handler: string } | undefined {
  const loop = spawn.loops.find((l) => loopShape(l).kind === 'range');
  const shape = loop ? loopShape(loop) : undefined;
  if (!shape?.over || shape.variables.length === 0) return undefined;
  const item = shape.variables[shape.variables.length - 1];
  const registered = registeredIn(shape.over, loopStatement(loop!), ctx);
  const handler = registered && handlerCalled(spawn.go, item, registered.element, ctx);
  return registered && handler ? { registered, handler } : undefined;
}

/**
 * `go handler(evt, c)`, the handler looked up in a map or slice field of functions or interfaces
 * (`if handler, ok := r.BlockActionMap[action.ActionID]; ok {`: slack-go's socket-mode dispatcher).
 */
function lookedUpHandler(go: Node, ctx: FileContext): { registered: { field: string }; handler: string } | undefined {
  const started = go.type === 'go_statement' ? go.namedChild(0) : undefined;
  const callee = started?.childForFieldName('function');
  const decl = callee?.type === 'identifier' ? declarationOf(callee.text, go) : undefined;
  let selector = decl && 'local' in decl && decl.local.value ? unparen(decl.local.value) : undefined;
  if (selector?.type !== 'index_expression') return undefined;
  let indexed = 0;
  while (selector.type === 'index_expression') {
    selector = selector.childForFieldName('operand')!;
    indexed++;
  }
  let type: Node | undefined = selectedField(selector, ctx.packageIndex())?.typeNode;
  for (let i = 0; type && i < indexed; i++) type = elementOf(resolved(type, ctx));
  const kind = type && resolved(type, ctx).type;
  return kind === 'function_type' || kind === 'interface_type' ? { registered: { field: selector.text }, handler: `${callee!.text}(…)` } : undefined;
}

/** The slice or map field the loop ranges over, itself or a local copy of it (`handlers := s.handlers[t]`): as written, and the items' type. */
function registeredIn(over: Node, at: Node, ctx: FileContext): { field: string; element: Node } | undefined {
  const decl = over.type === 'identifier' ? declarationOf(over.text, at) : undefined;
  const source = decl && 'local' in decl && decl.local.value ? unparen(decl.local.value) : over;
  let selector = source;
  let indexed = 0;
  while (selector.type === 'index_expression') {
    selector = selector.childForFieldName('operand')!;
    indexed++;
  }
  const field = selectedField(selector, ctx.packageIndex());
  let type: Node | undefined = field?.typeNode;
  for (let i = 0; type && i <= indexed; i++) type = elementOf(resolved(type, ctx));
  return field && type ? { field: selector.text, element: type } : undefined;
}

/** A slice's elements or a map's values. */
function elementOf(type: Node | undefined): Node | undefined {
  if (type?.type === 'slice_type') return type.childForFieldName('element') ?? undefined;
  if (type?.type === 'map_type') return type.childForFieldName('value') ?? undefined;
  return undefined;
}

/** A type with its pointer taken off and, when the package declares it, its declaration's type. */
function resolved(type: Node, ctx: FileContext): Node {
  const bare = type.type === 'pointer_type' ? type.namedChildren[0] ?? type : type;
  return bare.type === 'type_identifier' ? ctx.packageIndex().type(bare.text)?.typeNode ?? bare : bare;
}

/**
 * The goroutine's call of its item as a handler, up to its paren: the item called (`h(s, m)`), a
 * method of an interface the items are (`l.OnMessage(m)`), a function-typed field of their struct
 * (`eh.fn(m)`) or a method of an interface-typed one (`eh.eventHandler.Handle(s, i)`).
 */
function handlerCalled(go: Node, item: string, element: Node, ctx: FileContext): string | undefined {
  const started = go.type === 'go_statement' ? go.namedChild(0) : undefined;
  const literal = started?.childForFieldName('function');
  const calls = literal?.type === 'func_literal' ? literal.descendantsOfType('call_expression') : started ? [started] : [];
  for (const call of calls) {
    const path = call.childForFieldName('function')?.text.split('.') ?? [];
    if (path[0] !== item || !path.every((p) => /^\w+$/.test(p))) continue;
    if (path.length === 1 || calledOnItem(resolved(element, ctx), path.slice(1), ctx)) return `${path.join('.')}(…)`;
  }
  return undefined;
}

/** Whether `rest` (`fn`, `Handle`, `eventHandler.Handle`) names a method of an interface or a function-typed field, from the items' type. */
function calledOnItem(type: Node, rest: string[], ctx: FileContext): boolean {
  for (const part of rest.slice(0, -1)) {
    const f = type.type === 'struct_type' ? fieldOf(type, part, ctx) : undefined;
    if (!f) return false;
    type = f;
  }
  return type.type === 'interface_type' || (type.type === 'struct_type' && fieldOf(type, rest[rest.length - 1], ctx)?.type === 'function_type');
}

/** The type of a struct's field of this name, as declared. */
function fieldOf(struct: Node, name: string, ctx: FileContext): Node | undefined {
  for (const decl of struct.descendantsOfType('field_declaration')) {
    if (decl.childrenForFieldName('name').some((n) => n.text === name)) {
      const type = decl.childForFieldName('type');
      return type ? resolved(type, ctx) : undefined;
    }
  }
  return undefined;
}

/**
 * A loop of the package taking the next event that calls the function named `name` (not in a
 * goroutine of its own), or a function that does, up to three calls up: `listen's loop over
 * events`, as said in the reason.
 */
function readLoopCalling(name: string, ctx: FileContext): string | undefined {
  const seen = new Set([name]);
  let names = [name];
  for (let depth = 0; depth < 3 && names.length > 0; depth++) {
    const next: string[] = [];
    for (const callee of names) {
      for (const call of ctx.packageIndex().callsNamed(callee)) {
        const fn = enclosingFunction(call);
        const loops = enclosingLoops(call);
        if (!fn || ancestors(call).some((a) => a.type === 'go_statement' && contains(fn, a))) continue;
        const caller = fn.type === 'func_literal' ? ancestors(fn).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration') : fn;
        const callerName = caller?.childForFieldName('name')?.text ?? 'a function';
        for (const loop of loops) {
          const takes = takesEvent(loop, ctx);
          if (takes) return `${callerName}'s loop ${takes}`;
        }
        if (fn.type !== 'func_literal' && !seen.has(callerName)) {
          seen.add(callerName);
          next.push(callerName);
        }
      }
    }
    names = next;
  }
  return undefined;
}

/** How a loop takes its next event, if it does: ranging over a channel, or receiving from one or reading a stream in its own code. */
function takesEvent(loop: Node, ctx: FileContext): string | undefined {
  const channel = channelRangedOver(loop, ctx);
  if (channel) return `over ${channel}`;
  const kind = loopShape(loop).kind;
  if (kind !== 'forever' && kind !== 'conditional') return undefined;
  const body = loop.childForFieldName('body');
  const own = (n: Node) => !ancestors(n).some((a) => (a.type === 'go_statement' || a.type === 'func_literal') && contains(loop, a));
  for (const recv of body?.descendantsOfType('unary_expression') ?? []) {
    const from = recv.childForFieldName('operand')?.text ?? '';
    if (recv.childForFieldName('operator')?.text === '<-' && own(recv) && !/\.Done\(\)$|^time\.|\.C$|[sS]top|[qQ]uit|[cC]lose|[dD]one|[eE]xit/.test(from)) return `receiving from ${from}`;
  }
  const read = body?.descendantsOfType('call_expression').find((c) => own(c) && STREAM_READ.test(c.childForFieldName('function')?.text ?? ''));
  return read ? `reading ${read.childForFieldName('function')!.text}()` : undefined;
}
