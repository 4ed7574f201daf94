import type { FileContext } from '../../src/engine/types.js';
import { loopShape, loopStatement } from '../../src/go/loops.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';
import { contains, firstLine, unparen, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { isFunctionType } from '../../src/go/called-functions.js';

/**
 * A loop nothing waits for whose goroutines call a function value taken from their item, where
 * the item itself is a pointer to a function or a struct holding one (`itemIsFunction`'s case
 * when the item is not called as it is): `recv := *s; go recv(message)` for the keys of a
 * `map[*Receiver][]string`, `go (*s)(message)`, or `go s.fn(message)` with `fn` a func-typed
 * field. Subscribers' callbacks, code the package does not show, which may block until their
 * client reads (woodpecker's Publish, bounded, hung once a stalled client's buffer filled, and
 * every other subscriber starved). The call and where its function comes from, e.g.
 * `recv(message), recv := *s`.
 */
export function itemFunctionValue(spawn: Spawn, bodies: { body: Node }[], ctx: FileContext): string | undefined {
  if (spawn.shape !== 'fire-and-forget') return undefined;
  const items = new Map<string, Node>();
  for (const loop of spawn.loops.filter((l) => loopShape(l).kind === 'range')) {
    const { over } = loopShape(loop);
    // Names by position (loopShape's variables leave `_` out).
    const clause = loop.namedChildren.find((c) => c.type === 'range_clause');
    const variables = clause?.children.some((c) => c.type === ':=') ? (clause.childForFieldName('left')?.namedChildren.map((n) => n.text) ?? []) : [];
    const type = over ? resolved(rangedType(over, loopStatement(loop), ctx), ctx) : undefined;
    const [key, value] = type?.type === 'map_type' ? [type.childForFieldName('key'), type.childForFieldName('value')] : [undefined, type?.type === 'slice_type' || type?.type === 'array_type' ? type.childForFieldName('element') : undefined];
    if (key && variables[0] && variables[0] !== '_') items.set(variables[0], key);
    if (value && variables[1] && variables[1] !== '_') items.set(variables[1], value);
  }
  if (items.size === 0) return undefined;
  // The item named as a range variable of one of the loops (not a local of the same name).
  const item = (n: Node | undefined): Node | undefined => {
    if (n?.type !== 'identifier' || !items.has(n.text)) return undefined;
    const decl = declarationOf(n.text, n);
    return decl && 'local' in decl && spawn.loops.some((l) => contains(loopStatement(l), decl.local.decl)) ? items.get(n.text) : undefined;
  };
  // A function value of the item: `*s` (s a *Receiver), `s.fn` (fn a func-typed field of s's struct).
  const functionOf = (e: Node): boolean => {
    const n = unparen(e);
    if (n.type === 'unary_expression' && n.childForFieldName('operator')?.text === '*') {
      const type = item(unparen(n.childForFieldName('operand')!));
      const pointee = type?.type === 'pointer_type' ? type.namedChild(0) : undefined;
      return !!pointee && isFunctionType(pointee, ctx.packageIndex());
    }
    if (n.type !== 'selector_expression') return false;
    const type = item(n.childForFieldName('operand') ?? undefined);
    const struct = type ? structName(type) : undefined;
    const field = struct ? ctx.packageIndex().fieldsOf(struct).find((f) => f.name === n.childForFieldName('field')?.text) : undefined;
    return !!field && isFunctionType(field.typeNode, ctx.packageIndex());
  };
  const started = spawn.go.type === 'go_statement' ? spawn.go.namedChild(0) : undefined;
  const calls = [...(started ? [started] : []), ...bodies.flatMap(({ body }) => body.descendantsOfType('call_expression'))];
  for (const call of calls) {
    const fn = call.childForFieldName('function');
    if (!fn) continue;
    if (functionOf(fn)) return firstLine(call.text);
    // `recv := *s` in the loop, then `recv(message)`.
    const decl = fn.type === 'identifier' ? declarationOf(fn.text, call) : undefined;
    const local = decl && 'local' in decl && decl.local.value && spawn.loops.some((l) => contains(loopStatement(l), decl.local.decl)) ? decl.local : undefined;
    if (local && functionOf(local.value!)) return `${firstLine(call.text)}, ${fn.text} := ${local.value!.text}`;
  }
  return undefined;
}

/** The type of what a loop ranges over, when its declaration says: `var x T`, `x := make(T, n)`, `x := T{…}`, a parameter, a field. */
function rangedType(over: Node, at: Node, ctx: FileContext): Node | undefined {
  if (over.type === 'selector_expression') return selectedField(over, ctx.packageIndex())?.typeNode;
  const decl = over.type === 'identifier' ? declarationOf(over.text, at) : undefined;
  if (!decl) return undefined;
  if ('param' in decl) return decl.param.typeNode;
  const value = decl.local.value ? unparen(decl.local.value) : undefined;
  if (decl.local.typeNode) return decl.local.typeNode;
  if (value?.type === 'composite_literal') return value.childForFieldName('type') ?? undefined;
  const made = value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'make' ? value.childForFieldName('arguments')?.namedChildren[0] : undefined;
  return made ?? undefined;
}

/** A named type of the package resolved to its declaration's type (`Receiver` to `func(Message)`). */
function resolved(type: Node | undefined, ctx: FileContext): Node | undefined {
  if (type?.type !== 'type_identifier') return type;
  return ctx.packageIndex().type(type.text)?.typeNode ?? type;
}

/** `subscriber` of `*subscriber` or `subscriber`. */
function structName(type: Node): string | undefined {
  const named = type.type === 'pointer_type' ? type.namedChild(0) : type;
  return named?.type === 'type_identifier' ? named.text : undefined;
}
