import { closedChannels, contains, enclosingFunction, firstLine, same, unparen, type Node } from '../../../src/go/syntax.js';
import { goroutineStarts } from './goroutine-starts.js';

/** Builtins and conversions a channel may be handed to without being filled. */
const NOT_FILLING = /^(close|len|cap|append|copy|print|println|delete|panic)$/;

/**
 * A local channel the relay ranges over (`for e := range eventsChannel`) that the function making it
 * hands to a call, directly or through another variable (`events = eventsChannel; return
 * b.runEngineAction(ctx, …, events, …)`), and closes itself (`defer func() { close(eventsChannel);
 * <-done }()`: pulumi's apply): that call fills it, and returns only once it has sent everything.
 * A relay that stops draining would leave it blocked on its next send, and the close, with whatever
 * waits after it, never comes. Or a call in a goroutine the function starts (`go func() {…}()`,
 * `wg.Go(func() {…})`, `g.Go(func() error {…})`) that defers the close itself (`defer close(tfCh);
 * err = srcDb.Clone(ctx, …, tfCh)`: dolt's SyncRoots), whose end the function waits for. What
 * follows "handed to": the call, as written up to its paren, the name handed, and who closes it.
 */
export function filledByCall(ranged: string, maker: Node, loop: Node): string | undefined {
  if (!closedChannels(maker).some((c) => unparen(c).text === ranged)) return undefined;
  // Names the channel goes by in the maker: its own, and variables set to it (`events = eventsChannel`).
  const names = new Set([ranged]);
  for (const a of maker.descendantsOfType(['assignment_statement', 'short_var_declaration'])) {
    const left = a.childForFieldName('left')?.namedChildren ?? [];
    const right = a.childForFieldName('right')?.namedChildren ?? [];
    if (left.length === 1 && right.length === 1 && right[0].text === ranged && left[0].type === 'identifier') names.add(left[0].text);
  }
  const goroutine = enclosingFunction(loop);
  for (const call of maker.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function');
    if (!callee || callee.type === 'func_literal' || NOT_FILLING.test(callee.text) || call.parent?.type === 'go_statement') continue;
    if (goroutine && !same(goroutine, maker) && contains(goroutine, call)) continue;
    const inGoroutine = startedClosing(maker, enclosingFunction(call), ranged);
    if (!same(enclosingFunction(call), maker) && !inGoroutine) continue;
    const arg = (call.childForFieldName('arguments')?.namedChildren ?? []).find((a) => a.type === 'identifier' && names.has(a.text));
    if (!arg) continue;
    const handed = `${callee.text}(…)${arg.text === ranged ? '' : ` (as ${arg.text})`}`;
    if (inGoroutine) return `${handed} to fill in a goroutine the function starts (line ${inGoroutine.go.startPosition.row + 1}), which closes it (${firstLine(inGoroutine.defer.text)}) only after that call returns`;
    return `${handed} to fill and closed by the function only after that call returns`;
  }
  return undefined;
}

/** For a function literal the maker starts as a goroutine, deferring the channel's close in its own body: what starts it, and that defer. */
function startedClosing(maker: Node, literal: Node | undefined, ranged: string): { go: Node; defer: Node } | undefined {
  const start = literal?.type === 'func_literal' ? goroutineStarts(maker).find((s) => s.literal && same(s.literal, literal) && same(enclosingFunction(s.go), maker)) : undefined;
  const defer = start && literal!.descendantsOfType('defer_statement').find((d) => same(enclosingFunction(d), literal!) && closedChannels(d).some((c) => unparen(c).text === ranged));
  return defer ? { go: start.go, defer } : undefined;
}
