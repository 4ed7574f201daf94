import { freshNameIn, unparen, usedNames, type Node } from '../../../src/go/syntax.js';

/** The send as the send-first shape writes it twice, and the temporaries declared before it. */
export interface SendOperands {
  /** `ch <- v`, on the temporaries when there are any. */
  send: string;
  /** `v := f()`, `ch, v := s.next(), f()`: declared once, before the selects. */
  before?: string;
}

/**
 * The send's operands for the send-first shape, which writes the send twice. An operand that
 * calls a function (or receives) is evaluated once, into a temporary declared before the selects
 * (`v := p.activeConns.Add(d)`): evaluated twice it would do its work twice. So is a value
 * written over several lines, read once rather than repeated. Names, fields, indexes, literals
 * and the calls Go computes without effects (len, cap, conversions to predeclared types) are
 * written as they are. The temporaries' names are fresh in `fn`.
 */
export function sendOperands(send: Node, fn: Node): SendOperands {
  const channel = send.childForFieldName('channel')!;
  const value = send.childForFieldName('value')!;
  const hoistChannel = !repeatable(channel);
  const hoistValue = !repeatable(value) || value.text.includes('\n');
  if (!hoistChannel && !hoistValue) return { send: send.text };
  const used = usedNames(fn);
  const names: string[] = [];
  const values: string[] = [];
  let [ch, v] = [channel.text, value.text];
  if (hoistChannel) {
    ch = freshNameIn(fn, 'ch', used);
    names.push(ch);
    values.push(channel.text);
  }
  if (hoistValue) {
    v = freshNameIn(fn, 'v', used);
    names.push(v);
    values.push(value.text);
  }
  return { send: `${ch} <- ${v}`, before: `${names.join(', ')} := ${values.join(', ')}` };
}

/** Builtins and conversions to predeclared types: calls that compute a value and do nothing else. */
const WITHOUT_EFFECTS = /^(len|cap|real|imag|complex|string|bool|byte|rune|u?int(8|16|32|64)?|uintptr|float(32|64)|complex(64|128)|unsafe\.\w+)$/;

/** Whether evaluating the expression twice is the same as once: no call with effects, no receive (closures' bodies do not run). */
export function repeatable(expr: Node): boolean {
  const inClosure = (n: Node) => {
    if (n.id === expr.id) return false;
    for (let p = n.parent; p && p.id !== expr.id; p = p.parent) if (p.type === 'func_literal') return true;
    return false;
  };
  return [expr, ...expr.descendantsOfType(['call_expression', 'unary_expression'])].every((n) => {
    if (inClosure(n)) return true;
    if (n.type === 'call_expression') return WITHOUT_EFFECTS.test(unparen(n.childForFieldName('function')!).text);
    if (n.type === 'unary_expression') return n.childForFieldName('operator')?.text !== '<-';
    return true;
  });
}
