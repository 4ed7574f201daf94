import { rangedByCallee } from './ranged-by-callee.js';
import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { carriesResultOf, reportsFailureOf } from '../done-already/done-already.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { isDoneCase } from '../../../src/go/receive-shapes.js';
import { declarationOf, isChannelMade, type Param } from '../../../src/go/scope.js';
import { callsHanding } from '../../../src/go/called-functions.js';
import { ancestors, closedChannels, contains, enclosingFunction, firstLine, FUNCTION_TYPES, same, type Node } from '../../../src/go/syntax.js';
import { mostSends } from '../../../src/go/send-paths.js';
import { heldInReturnedLocal } from './held-in-returned-local.js';
import { closedParamRanged } from './closed-param-ranged.js';

/**
 * A stream the function makes, returns (or hands to a call of its own that reads it, after the
 * send) and closes once it has sent everything (`uploadTasks := make(chan T)`,
 * `close(uploadTasks)`, `return uploadTasks`, or among other results: `return out, outErrs,
 * drainDone, nil`; `n := report(dup)`: opa's test results): its readers take the close as the
 * end, and a send that gave up once the source is done would end the stream early, read as
 * complete (a caller reporting success with values missing). How it is handed on (`returns`,
 * `hands to report()`), and how it is read: the range of a caller in the package that then goes
 * on without asking its context, the call it is handed to, or by default its readers.
 */
export function truncatedStream(send: Node, ctx: FileContext): { handed?: string; how?: string; text?: string } | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type === 'selector_expression') return closedFieldOfParam(send, chan);
  if (chan?.type !== 'identifier') return undefined;
  const found = declarationOf(chan.text, send);
  if (found && 'param' in found) return closedByCaller(send, chan.text, found.param, ctx);
  if (found && 'local' in found && found.local.decl.type === 'range_clause') return rangedFromReturned(send, chan.text, found.local.decl);
  if (!found || !('local' in found) || !isChannelMade(found.local.value)) return undefined;
  const maker = enclosingFunction(found.local.decl);
  const name = maker?.type === 'function_declaration' || maker?.type === 'method_declaration' ? maker.childForFieldName('name')?.text : undefined;
  if (!maker || !name) return undefined;
  const word = regexEscaped(chan.text);
  if (!closes(maker.text, chan.text)) return undefined;
  // Or handed, after the send, to a call of the maker's own that reads it (`n := report(dup)`,
  // `return report(dup)`).
  const reader = new RegExp(`^[ \\t]*(?:return\\s+|[\\w.]+(?:\\s*,\\s*[\\w.]+)*\\s*:?=\\s*)?((?!close\\b|go\\b)[\\w.]+)\\((?:[^()\\n]*,\\s*)?${word}\\s*\\)[ \\t]*$`, 'm').exec(maker.text.slice(send.endIndex - maker.startIndex));
  const direct = returnsName(maker.text, chan.text) || !!returnedInLiteral(maker, chan.text);
  const holder = direct ? undefined : heldInReturnedLocal(maker, chan.text); // `s := &stream{ch: ch}`, `return s, nil`
  const returned = direct || !!holder;
  // A pipeline whose stages already give up on a done context (`select { case mid <- v: case
  // <-ctx.Done(): return }`): ending early on cancellation is its design.
  // Or to one, before the send too, that ranges over it to the close (alloy's pipeline stages).
  const reads = reader?.[1] ?? (returned ? undefined : rangedByCallee(maker, chan.text, ctx.packageIndex()));
  if ((!reads && !returned) || givesUpElsewhere(maker, send)) return undefined;
  if (reads) return { handed: `hands to ${reads}()`, how: `${reads}() reads it to the close and takes that as the end` };
  for (const call of ctx.packageIndex().callsNamed(name)) {
    const clause = call.parent;
    if (clause?.type !== 'range_clause') continue;
    const loop = clause.parent!;
    const caller = ancestors(loop).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration' || a.type === 'func_literal');
    if (!caller) continue;
    const after = caller.text.slice(loop.endIndex - caller.startIndex);
    if (/\.Err\(\)|\.Done\(\)/.test(after)) continue;
    const callerName = caller.childForFieldName('name')?.text;
    return { handed: 'returns', how: `${callerName ? `${callerName}()` : 'a function literal'} ranges over it (${firstLine(clause.text)}) and then goes on as if every value had come` };
  }
  return { handed: holder ? `returns (held in ${holder})` : 'returns', how: 'its readers take the close as the end' };
}

/**
 * A channel field of a parameter (`resp.PlannedChanges`, `resp *PlanResponse`) that the function
 * declaring the parameter closes (`defer close(resp.PlannedChanges)`) once it has sent everything:
 * its caller reads it to that close and takes it as the end (terraform's stack plans, their last
 * changes and the applyable marker dropped once the plan's ctx was cancelled). Sends in the
 * function's literals count too.
 */
function closedFieldOfParam(send: Node, chan: Node): { handed: string; how: string } | undefined {
  const holder = chan.childForFieldName('operand');
  const found = holder?.type === 'identifier' ? declarationOf(holder.text, send) : undefined;
  if (!found || !('param' in found) || found.param.fn.type === 'func_literal') return undefined;
  const fn = found.param.fn;
  const closed = closes(fn.text, chan.text);
  // A stream: values sent in a loop, or by more than one send (one send closed after is an
  // answer, closedErrorChannel's case).
  const sends = fn.text.match(new RegExp(`(?<![\\w.])${regexEscaped(chan.text)}\\s*<-`, 'g'))?.length ?? 0;
  const looped = ancestors(send).some((a) => a.type === 'for_statement' && contains(fn, a));
  if (!closed || (sends < 2 && !looped) || givesUpElsewhere(fn, send)) return undefined;
  return { handed: `fills for its caller (in ${holder!.text})`, how: 'its reader takes the close as the end' };
}

/**
 * A stream taken by a range over a map or slice of channels the function makes and returns
 * (`results := map[string]chan *Sample{"0.5": make(chan *Sample), …}`, `for q, ch := range
 * results { go func() { defer close(ch); …; ch <- s }() }`, `return results`: linkerd's quantile
 * queries), closed once everything is sent: its reader takes the close as the end.
 */
function rangedFromReturned(send: Node, chan: string, clause: Node): { handed: string; how: string } | undefined {
  const over = clause.childForFieldName('right');
  const left = clause.childForFieldName('left')?.namedChildren ?? [];
  // The value, not the key: the second name of the clause.
  if (over?.type !== 'identifier' || left.length !== 2 || left[1].text !== chan) return undefined;
  const container = declarationOf(over.text, clause);
  const made = container && 'local' in container ? container.local.value : undefined;
  const maker = made && enclosingFunction(made);
  if (made?.type !== 'composite_literal' || !/^(map\[[^\]]*\]|\[\])chan\b/.test(made.childForFieldName('type')?.text ?? '') || !maker) return undefined;
  if (maker.type !== 'function_declaration' && maker.type !== 'method_declaration') return undefined;
  const loop = clause.parent!;
  if (!contains(loop, send) || !closes(loop.text, chan) || givesUpElsewhere(maker, send) || !returnsName(maker.text, over.text)) return undefined;
  return { handed: `returns (among the channels of ${over.text})`, how: 'its readers take the close as the end' };
}

/** Whether the text closes the channel (`close(results)`, `close(resp.Changes)`), as written. */
function closes(text: string, chan: string): boolean {
  return new RegExp(`\\bclose\\(\\s*${regexEscaped(chan)}\\s*\\)`).test(text);
}

/** Whether the text returns the name, alone or among other results (`return out, outErrs, nil`). */
function returnsName(text: string, name: string): boolean {
  return new RegExp(`\\breturn\\s+(?:[\\w.]+\\s*,\\s*)*${regexEscaped(name)}\\s*(,|$)`, 'm').test(text);
}

/**
 * A stream handed in as a parameter (`out chan<- LogEntry`) that a caller in the package closes
 * once the function returns (`defer close(c)` around `Poll(ctx, c, …)`): its reader takes the
 * close as the end (flyctl's log polling, cancelled at the hand-over to a live stream, dropped the
 * rest of a batch its printer was still reading). Not when the function's other sends give up on a
 * done context already.
 */
function closedByCaller(send: Node, chan: string, param: Param, ctx: FileContext): { text: string } | undefined {
  const fn = enclosingFunction(send);
  if (!fn || givesUpElsewhere(fn, send)) return undefined;
  const handing = callsHanding(param, ctx.packageIndex());
  for (const { call, arg } of handing?.calls ?? []) {
    if (arg?.type !== 'identifier') continue;
    const scope = ancestors(call).find((a) => FUNCTION_TYPES.has(a.type));
    const close = scope && new RegExp(`(?:defer\\s+)?close\\(\\s*${regexEscaped(arg.text)}\\s*\\)`).exec(scope.text);
    if (close) return { text: `${chan} is a stream ${handing!.callee}()'s caller closes once it returns (${close[0]}), and its reader takes the close as the end` };
  }
  return closedParamRanged(fn, chan, param, ctx);
}

/**
 * A struct the maker returns that holds the stream (`return logQueues{ordered: orderedLogCh, …}`:
 * mongo's log partitions, read until closed). The literal's type, as written.
 */
function returnedInLiteral(maker: Node, chan: string): string | undefined {
  for (const ret of maker.descendantsOfType('return_statement')) {
    if (!same(enclosingFunction(ret), maker)) continue;
    const held = ret.descendantsOfType('literal_element').find((e) => e.text === chan && (e.parent?.type !== 'keyed_element' || same(e.parent.childForFieldName('value'), e)));
    const literal = held && ancestors(held).find((a) => a.type === 'composite_literal');
    if (literal) return literal.childForFieldName('type')?.text;
  }
  return undefined;
}

/** Another send of the function, of a value (not a `struct{}{}` token), in a select beside a `Done()` case. */
function givesUpElsewhere(maker: Node, send: Node): boolean {
  return maker.descendantsOfType('communication_case').some((kase) => {
    const comm = kase.childForFieldName('communication');
    if (comm?.type !== 'send_statement' || comm.id === send.id || /^struct\s*\{\s*\}\s*\{\s*\}$/.test(comm.childForFieldName('value')?.text ?? '')) return false;
    return kase.parent!.namedChildren.some(isDoneCase);
  });
}

/**
 * An error channel the function closes on its way out (`defer close(ch.errCh)`) and sends its
 * failure on (`ch.errCh <- err`), or any channel it closes so and sends one value on (in no loop,
 * once on any path: `aborted <- abort` under `defer close(aborted)`): a send skipped once the
 * source is done leaves its reader the close, and a plain receive of it (`err :=
 * <-promise.errCh`, `if <-aborted`) takes the zero value for the answer (nil, a success; false, a
 * run not cut short). Also for a closure the function keeps in a local and calls (conduit's
 * acker lost why its stream stopped). The deferred close, e.g. `close(ch.errCh)`.
 */
export function closedErrorChannel(send: Node): string | undefined {
  const { fn, chan } = answerSend(send) ?? {};
  if (!fn || !chan) return undefined;
  // A closure kept in a local of the function (`handleError := func(err error) { errChan <- err }`)
  // sends in the function's stead, before its deferred close; so does one it defers (`defer
  // func() { if e := recover(); e != nil { errCh <- … } }()`, kuma's resilient component).
  const kept = fn.type === 'func_literal' && ((fn.parent?.type === 'expression_list' && fn.parent.parent?.type === 'short_var_declaration') || (fn.parent?.type === 'call_expression' && fn.parent.parent?.type === 'defer_statement'));
  const closers = kept ? [fn, enclosingFunction(fn)!] : [fn];
  const closed = closers.flatMap((f) => f.descendantsOfType('defer_statement')).flatMap(closedChannels).find((c) => c.text.replace(/\s/g, '') === chan);
  return closed && `close(${closed.text})`;
}

/** The function and channel of a send of an answer: an error channel, or one value sent once. */
function answerSend(send: Node): { fn: Node; chan: string } | undefined {
  const chan = send.childForFieldName('channel')!.text.replace(/\s/g, '');
  const fn = enclosingFunction(send);
  const body = fn?.childForFieldName('body');
  if (!fn || !body) return undefined;
  const oneValue = !ancestors(send).some((a) => a.type === 'for_statement' && contains(body, a)) && mostSends(body, chan) <= 1 && !calledAgain(fn);
  return oneValue || /err/i.test(chan.slice(chan.lastIndexOf('.') + 1)) ? { fn, chan } : undefined;
}

/**
 * A closure kept in a local that the function around it names more than once, or in a loop, or
 * hands on (\`emit := func(r result) error { results <- … }\`, then \`p.feedSlices(ctx, s, data,
 * emit)\`): each call sends again, a stream's values, not one answer (LocalAI's transcription deltas).
 */
function calledAgain(fn: Node): boolean {
  const decl = fn.parent?.type === 'expression_list' && fn.parent.parent?.type === 'short_var_declaration' ? fn.parent.parent : undefined;
  const name = decl?.childForFieldName('left')?.namedChildren.length === 1 ? decl.childForFieldName('left')!.namedChild(0)!.text : undefined;
  const outer = name ? enclosingFunction(decl!) : undefined;
  if (!outer) return false;
  const uses = outer.descendantsOfType('identifier').filter((id) => id.text === name && id.startIndex > decl!.endIndex);
  return uses.length > 1 || uses.some((id) => id.parent?.type !== 'call_expression' || ancestors(id).some((a) => a.type === 'for_statement' && contains(outer, a)));
}

/**
 * For a send in a goroutine the function starts: the function closes the channel once its
 * goroutines are done, after a `Wait()` (`go func() { wg.Wait(); close(v.clientErrs[c]) }()`).
 * A skipped send leaves its reader the close, nil, read as no error: mongo's log validators
 * reported a mismatch as success. The close, e.g. `close(v.clientErrs[c])`.
 */
export function closedOnceAllSent(send: Node): string | undefined {
  const { fn, chan } = answerSend(send) ?? {};
  if (!fn || !chan || fn.type !== 'func_literal' || fn.parent?.type !== 'call_expression' || fn.parent.parent?.type !== 'go_statement') return undefined;
  const outer = enclosingFunction(fn);
  const closed = outer && closedChannels(outer).find((c) => {
    if (c.text.replace(/\s/g, '') !== chan) return false;
    const closer = enclosingFunction(c)!;
    return /\.Wait\(\)/.test(closer.text.slice(0, c.startIndex - closer.startIndex));
  });
  return closed && `close(${closed.text})`;
}

/**
 * Another send on the same channel, in the loop around this one, that reports what ctx's end
 * produces (the read error closing a stream opened with ctx): its reader takes every value until
 * that report, and a select here would leave holes before it (emissary's pod logs dropped lines).
 * That send's line.
 */
export function reportedOnSameChannel(send: Node, fn: Node, source: CancellationSource): number | undefined {
  const chan = send.childForFieldName('channel')?.text;
  // Values streamed in a loop that ends with that report, not other reports of their own.
  const loop = ancestors(send).find((a) => a.type === 'for_statement' || same(a, fn));
  if (!loop || same(loop, fn)) return undefined;
  const other = loop.descendantsOfType('send_statement').find((s) => !same(s, send) && s.childForFieldName('channel')?.text === chan && same(enclosingFunction(s), fn) && (reportsFailureOf(s, fn, source) ?? carriesResultOf(s, fn, source)));
  return other ? other.startPosition.row + 1 : undefined;
}
