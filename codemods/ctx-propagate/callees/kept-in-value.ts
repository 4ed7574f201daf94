import { parametersGiven } from '../../../src/go/called-functions.js';
import { receiverOf } from '../../../src/go/declarations.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { isParam, literalHolding, localHolding } from './handed-over-channel.js';
import { heldByReceiver } from './held-by-receiver.js';

// A function that puts the context it is given into a value (`follower{ctx: ctx, w: w}`, or a
// local made so) and hands that value to a function or method of the package that keeps it in
// its receiver (`m.fs = append(m.fs, f)`): work reading the receiver later runs with the context
// after the call (a variant of redcon's MONITOR, whose follower stopped with the command).

/**
 * How `decl` keeps its parameter `param` past its return through a value it hands on, as written
 * (`hands it to m.add(follower{ctx: ctx, w: w}) inside a value, and add keeps that value in its
 * receiver (m.fs = append(m.fs, f))`), if it does.
 */
export function keptInHandedValue(decl: Node, param: string, index: PackageIndex): string | undefined {
  const body = decl.childForFieldName('body');
  if (!body) return undefined;
  for (const call of body.descendantsOfType('call_expression')) {
    if (!same(enclosingFunction(call), decl)) continue;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const holding = literalHolding(arg, param) || (arg.type === 'identifier' && localHolding(arg.text, decl, call, param));
      if (!holding) continue;
      for (const next of parametersGiven(call, arg.text, index)) {
        if (same(next.decl, decl)) continue;
        const kept = heldByReceiver(next.decl, next.param) ?? fieldOfReceiver(next.decl, next.param);
        if (kept) return `hands it to ${firstLine(call.text)} inside a value, and ${next.callee} keeps that value in its receiver (${kept}), for work that reads it after it returns`;
      }
    }
  }
  return undefined;
}

/** `m.f = f`: the receiver's field set to the parameter itself, as written. */
function fieldOfReceiver(decl: Node, param: string): string | undefined {
  const receiver = receiverOf(decl)?.name;
  const body = decl.childForFieldName('body');
  if (!receiver || !body) return undefined;
  for (const a of body.descendantsOfType('assignment_statement')) {
    const left = a.childForFieldName('left')!.namedChildren;
    const right = a.childForFieldName('right')!.namedChildren;
    if (!same(enclosingFunction(a), decl) || left.length !== 1 || right.length !== 1 || left[0].type !== 'selector_expression') continue;
    if (left[0].childForFieldName('operand')?.text === receiver && isParam(right[0], param)) return firstLine(a.text);
  }
  return undefined;
}
