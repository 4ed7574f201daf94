import { madeChannel } from '../../../src/go/scope.js';
import { closedChannels, enclosingFunction, same, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * The function waits on its way out for a goroutine it started (`defer func() {
 * <-displayEventsDone; … }()`, with `go display.ShowEvents(…, displayEvents, displayEventsDone,
 * …)`), and that goroutine receives from a channel the function makes and sends on but never
 * closes (pulumi's recordAndDisplayEvents): it ends only on a value still to come. A return at the
 * send would run the defer, which would wait forever for a goroutine waiting for more. Left out:
 * a goroutine also given the source (it may stop on it). The reason, if so.
 */
export function awaitedOnExitReason(send: Node, fn: Node, source: string): string | undefined {
  if (!same(enclosingFunction(send), fn)) return undefined;
  const own = (n: Node) => same(enclosingFunction(n), fn);
  const closed = new Set(closedChannels(fn).map((c) => unparen(c).text));
  const sentOn = new Set(fn.descendantsOfType('send_statement').filter(own).map((s) => unparen(s.childForFieldName('channel')!).text));
  const starts = fn.descendantsOfType('go_statement').filter(own);
  for (const defer of fn.descendantsOfType('defer_statement').filter((d) => own(d) && d.endIndex < send.startIndex)) {
    for (const receive of defer.descendantsOfType('unary_expression')) {
      const awaited = receive.childForFieldName('operator')?.text === '<-' ? receive.childForFieldName('operand') : null;
      if (awaited?.type !== 'identifier') continue;
      for (const go of starts) {
        const call = go.namedChild(0);
        const args = call?.type === 'call_expression' ? (call.childForFieldName('arguments')?.namedChildren ?? []) : [];
        if (!args.some((a) => a.text === awaited.text) || args.some((a) => a.text === source)) continue;
        const fed = args.find((a) => a.type === 'identifier' && a.text !== awaited.text && sentOn.has(a.text) && !closed.has(a.text) && madeIn(a, fn));
        if (!fed) continue;
        const callee = call!.childForFieldName('function')!.text;
        return `the function waits on its way out (<-${awaited.text}, deferred) for ${callee}, which receives ${fed.text} and ends only when told (nothing closes ${fed.text}): a return here would leave it waiting for more and the defer waiting for it`;
      }
    }
  }
  return undefined;
}

/** A local of fn made by `make(chan …)`. */
function madeIn(id: Node, fn: Node): boolean {
  const made = madeChannel(id.text, id);
  return !!made && same(enclosingFunction(made.decl), fn);
}
