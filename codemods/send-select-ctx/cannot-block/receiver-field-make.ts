import { receiverOf } from '../../../src/go/declarations.js';
import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';
import { enclosingFunction, normalized, same, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * A channel in a field of the receiver that the method makes itself (`ks.startedErr = make(chan
 * error, 1)`, then `go func() { … ks.startedErr <- err; return … }()`: controller-runtime's Kind
 * source), where nothing else in the package makes it or sends on it: the method's own sends are
 * all it takes, and its capacity can be weighed against them as a local channel's is. The
 * assignment and the make's arguments, with the method as the scope its sends are in, or undefined.
 */
export function receiverFieldMake(chan: Node, outerFn: Node, packageTexts: () => string[]): { decl: Node; arguments: Node[]; scope: Node; declares: () => boolean } | undefined {
  const operand = chan.type === 'selector_expression' ? chan.childForFieldName('operand') : undefined;
  const receiver = outerFn.type === 'method_declaration' ? receiverOf(outerFn)?.name : undefined;
  if (operand?.type !== 'identifier' || !receiver || operand.text !== receiver) return undefined;
  const field = chan.childForFieldName('field')!.text;
  const key = normalized(chan);
  const made = outerFn.descendantsOfType('assignment_statement').filter((a) => {
    const left = a.childForFieldName('left')!.namedChildren;
    return left.length === 1 && normalized(left[0]) === key;
  });
  const right = made.length === 1 && same(enclosingFunction(made[0]), outerFn) ? made[0].childForFieldName('right')!.namedChildren : [];
  const call = right.length === 1 ? unparen(right[0]) : undefined;
  const args = call?.type === 'call_expression' && call.childForFieldName('function')?.text === 'make' ? call.childForFieldName('arguments')!.namedChildren : [];
  if (args[0]?.type !== 'channel_type' || args.length < 2) return undefined;
  // Nothing else in the package sets the field (`.startedErr =`, `startedErr:`) or sends on it.
  const name = regexEscaped(field);
  const code = packageTexts().map(codeOnly);
  const count = (re: RegExp) => code.reduce((n, t) => n + (t.match(re)?.length ?? 0), 0);
  const sendsHere = outerFn.descendantsOfType('send_statement').filter((s) => normalized(unparen(s.childForFieldName('channel')!)) === key).length;
  if (count(new RegExp(`\\.${name}\\s*=[^=]`, 'g')) !== 1 || count(new RegExp(`(?<![\\w.])${name}\\s*:[^=]`, 'g')) > 0) return undefined;
  if (count(new RegExp(`\\.${name}\\s*<-`, 'g')) !== sendsHere) return undefined;
  return { decl: made[0], arguments: args, scope: outerFn, declares: () => true };
}
