import { declarationOf } from '../../../src/go/scope.js';
import { mostSends, sendsIn } from '../../../src/go/send-paths.js';
import { closedChannels, contains, enclosingFunction, returnedValues, same, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * A future: an unbuffered channel the function makes and returns (`errs := make(chan error)`,
 * `return errs`), sent on only by one goroutine it starts, at most once on each path, and never
 * closed (coder/websocket's `xsync.Go`). Its caller's plain receive (`err := <-writeErr`) waits for
 * that one value: a send giving up once the source is done would leave that receive waiting
 * forever, where a buffer of one lets the goroutine end whatever the caller does. The reason.
 */
export function returnedFuture(send: Node, source: string): string | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier') return undefined;
  const found = declarationOf(chan.text, send);
  const made = found && 'local' in found && found.local.value ? unparen(found.local.value) : undefined;
  const args = made?.type === 'call_expression' && made.childForFieldName('function')?.text === 'make' ? made.childForFieldName('arguments')?.namedChildren ?? [] : [];
  if (args.length !== 1 || args[0].type !== 'channel_type') return undefined;
  const maker = enclosingFunction(made!);
  const goroutine = enclosingFunction(send);
  if (!maker || goroutine?.type !== 'func_literal' || goroutine.parent?.type !== 'call_expression' || goroutine.parent.parent?.type !== 'go_statement') return undefined;
  if (!same(enclosingFunction(goroutine), maker)) return undefined;
  // Sent on only in this goroutine, once at most on any path; never closed.
  const body = goroutine.childForFieldName('body');
  if (!body || sendsIn(maker, chan.text).some((s) => !contains(body, s)) || mostSends(body, chan.text) > 1) return undefined;
  if (closedChannels(maker).some((c) => c.text === chan.text)) return undefined;
  const ret = maker.descendantsOfType('return_statement').find((r) => same(enclosingFunction(r), maker) && returnedValues(r).some((v) => unparen(v).text === chan.text));
  if (!ret) return undefined;
  const name = maker.childForFieldName('name')?.text;
  const who = name ? `${name}()` : 'the function';
  return `${chan.text} is a one-value result ${who} makes unbuffered and returns (${ret.text}), sent once by its goroutine: its caller's receive waits for that value, and a send giving up once ${source} is done would leave it waiting forever (a buffer of one, make(${args[0].text}, 1), lets the goroutine end whatever the caller does)`;
}
