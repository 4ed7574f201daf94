import type { FileContext } from '../../src/engine/types.js';
import { ancestors, FUNCTION_TYPES, unparen, type Node } from '../../src/go/syntax.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { parametersGiven } from '../../src/go/called-functions.js';

/**
 * A send on each channel of a field (`for _, ch := range q.eventChannels { ch <- m }`) whose
 * channels the package registers itself and hands to its own loop: `q.eventChannels =
 * append(q.eventChannels, eventChan)`, then `q.consume(eventChan)`, whose loop receives from its
 * parameter (`case e := <-eventChan:`). Those receivers run on after a stop that ends neither, so
 * the send has its receiver, and one giving up would drop what a running loop would take. How,
 * e.g. `consume(eventChan) receives from each one in a loop`.
 */
export function drainedAfterRegistering(send: Node, ctx: FileContext): string | undefined {
  const field = rangedField(send);
  if (!field) return undefined;
  const index = ctx.packageIndex();
  const appended = new RegExp(`\\.${regexEscaped(field)}\\s*=\\s*append\\(`, 'g');
  for (const at of index.nodesMatching(appended)) {
    const assign = ancestors(at).find((a) => a.type === 'assignment_statement');
    const call = assign?.childForFieldName('right')?.namedChildren[0];
    const fn = ancestors(at).find((a) => FUNCTION_TYPES.has(a.type));
    if (call?.type !== 'call_expression' || !fn) continue;
    for (const added of (call.childForFieldName('arguments')?.namedChildren ?? []).slice(1)) {
      if (added.type !== 'identifier') continue;
      const consumer = consumerOf(added.text, fn, ctx);
      if (consumer) return `${consumer} receives from each one in a loop`;
    }
  }
  return undefined;
}

/** `q.eventChannels` of `for _, ch := range q.eventChannels { ch <- m }`: the field's name. */
function rangedField(send: Node): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  if (chan.type !== 'identifier') return undefined;
  for (const a of ancestors(send)) {
    if (FUNCTION_TYPES.has(a.type)) break;
    const clause = a.type === 'for_statement' ? a.namedChildren.find((c) => c.type === 'range_clause') : undefined;
    const names = clause?.childForFieldName('left')?.namedChildren ?? [];
    const over = clause?.childForFieldName('right');
    if (names.length === 2 && names[1].text === chan.text && over?.type === 'selector_expression') return over.childForFieldName('field')?.text;
  }
  return undefined;
}

/** A call in `fn` handing `name` to a function of the package whose loop receives from that parameter: the call, e.g. `consume(eventChan)`. */
function consumerOf(name: string, fn: Node, ctx: FileContext): string | undefined {
  for (const call of fn.descendantsOfType('call_expression')) {
    const given = parametersGiven(call, name, ctx.packageIndex()).find(({ decl, param }) => {
      const body = decl.childForFieldName('body');
      return !!body && receivesInLoop(body, param);
    });
    if (given) return `${given.callee}(${(call.childForFieldName('arguments')?.namedChildren ?? []).map((a) => a.text).join(', ')})`;
  }
  return undefined;
}

/** A receive from `name` (`<-name`, a select case, `range name`) inside a loop of the body. */
function receivesInLoop(body: Node, name: string): boolean {
  const received = body.descendantsOfType('unary_expression').some((u) => u.childForFieldName('operator')?.text === '<-' && u.childForFieldName('operand')?.text === name && ancestors(u).some((a) => a.type === 'for_statement'));
  return received || body.descendantsOfType('range_clause').some((c) => c.childForFieldName('right')?.text === name);
}
