import type { FileContext } from '../../../src/engine/types.js';
import { filledByCall } from './filled-by-call.js';
import { fieldFilledPlainly } from './relayed-field.js';
import { calledName, parametersGiven } from '../../../src/go/called-functions.js';
import { sendStatements } from '../../../src/go/find-by-text.js';
import { assignmentsOf, declarationOf, isChannelMade, isLocalOf, selectedField, writtenType } from '../../../src/go/scope.js';
import { ancestors, closedOnExit, enclosingFunction, firstLine, same, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * A send in a loop ranging over a local channel the package fills (`for res := range resultCh {
 * … errorCh <- e }`, with `go c.removeObjects(ctx, objectsCh, resultCh)` sending on it): a relay.
 * Returning once the source is done would stop the draining, and a sender on the ranged channel
 * that does not give up by itself (a plain send, not a select case) would then wait forever. The
 * ranged channel and that send, e.g. `resultCh, filled by resultCh <- RemoveObjectResult{ (in
 * removeObjects)`. Or a loop ranging over a channel it was handed on another channel (`case uch :=
 * <-a.upstream: for e := range uch { dch <- e }`): whoever handed it fills it and counts on it
 * being drained.
 */
export function relayedFrom(send: Node, fn: Node, ctx: FileContext): string | undefined {
  for (const loop of ancestors(send)) {
    if (same(loop, fn)) break;
    const clause = loop.type === 'for_statement' ? loop.namedChildren.find((c) => c.type === 'range_clause') : undefined;
    const ranged = clause?.childForFieldName('right');
    // A stage of a pipeline: ranging over a channel it is handed (a field, a parameter) and
    // closing the one it sends on as it returns (\`defer close(sx.Output)\`, \`for element := range
    // sx.Input { … sx.Output <- element }\`): its input's senders, other stages, count on it
    // draining to the close (ooni's dslvm stages left a connection unclosed and their upstream
    // blocked once one gave up).
    if (ranged && stageInput(ranged, loop, send, fn, ctx)) return `${ranged.text}, a pipeline's input handed to it, while it closes ${unparen(send.childForFieldName('channel')!).text} on its way out`;
    // A field of a local (`for chunk := range chunkReporter.chunkCh`) the package fills with a plain send.
    const field = ranged?.type === 'selector_expression' ? fieldFilledPlainly(ranged, ctx) : undefined;
    if (field) return field;
    if (ranged?.type !== 'identifier') continue;
    const found = declarationOf(ranged.text, loop);
    // A channel handed in on a channel (`case uch := <-a.upstream:`): its senders, given it to
    // fill, count on it being drained to the end.
    const taken = found && 'local' in found ? receivedFrom(found.local.value) : caseReceived(loop, ranged.text);
    if (taken && carriesChannels(taken, ctx)) return `${ranged.text}, a channel taken from ${taken.text} for this loop to drain`;
    // A channel a function of the package hands back (`pipelineOut := p.Run(pipelineIn)`): its
    // stages send on it, and count on it being drained.
    const handedBack = found && 'local' in found ? (channelReturnedBy(found.local.value, ctx, ranged.text, clause!) ?? assignedReturnedBy(ranged.text, found.local.decl, ctx, clause!)) : undefined;
    if (handedBack) return `${ranged.text}, handed back by ${handedBack} for this loop to drain`;
    if (!found || !('local' in found) || !isChannelMade(found.local.value)) continue;
    const maker = enclosingFunction(found.local.decl);
    const sender = maker && plainSendOn(maker, ranged.text, found.local.decl, ctx);
    if (sender) return `${ranged.text}, filled by ${sender}`;
    const filler = maker && filledByCall(ranged.text, maker, loop);
    if (filler) return `${ranged.text}, handed to ${filler}`;
  }
  return undefined;
}

/** For `case uch := <-a.upstream:` around the loop, declaring `name`: `a.upstream`. */
function caseReceived(loop: Node, name: string): Node | undefined {
  const kase = ancestors(loop).find((a) => a.type === 'communication_case');
  const comm = kase?.childForFieldName('communication');
  if (comm?.type !== 'receive_statement' || !(comm.childForFieldName('left')?.namedChildren ?? []).some((n) => n.text === name)) return undefined;
  return receivedFrom(comm.childForFieldName('right') ?? undefined);
}

/**
 * Whether a channel's declared type is a channel of channels (`upstream chan (<-chan Report)`): a
 * local's, a parameter's, or a field's.
 */
function carriesChannels(chan: Node, ctx: FileContext): boolean {
  const type = chan.type === 'identifier' ? writtenType(chan.text, chan) : selectedField(chan, ctx.packageIndex())?.type;
  return /\bchan\b[\s(]*(<-\s*)?chan\b/.test(type ?? '');
}

/**
 * For a call of a function of the package whose result is a channel (`p.Run(in)`, declared `chan
 * Entry`), or of a method it does not declare: the call, as written up to its paren.
 */
function channelReturnedBy(value: Node | undefined, ctx: FileContext, local: string, clause: Node): string | undefined {
  const call = value ? unparen(value) : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  const named = callee ? calledName(callee) : undefined;
  if (!named || named.name === 'make') return undefined;
  const declared = ctx.packageIndex().functionsNamed(named.name, named.method);
  const returnsChannel = declared.some((d) => /^(<-\s*)?chan\b/.test(d.childForFieldName('result')?.text ?? ''));
  if (returnsChannel) return `${callee!.text}(…)`;
  // A method the package does not declare, on a value of another package's (`uw.ResultChan()`, a
  // watch.Interface): its code fills the channel, and may not give up by itself (knative's
  // structured watcher, events dropped and the upstream left blocked once the watch's context ended).
  // Only where it is a channel: one range variable at most (not `for _, m := range msgs`, a slice),
  // and a name saying so (`ResultChan()`, `eventCh`).
  const oneVariable = (clause.childForFieldName('left')?.namedChildCount ?? 0) <= 1;
  const aChannel = /(Chan|Channel|Ch)$|^C$/.test(named.name) || /(ch|chan|channel)$/i.test(local);
  return named.method && declared.length === 0 && oneVariable && aChannel ? `${callee!.text}(…), another package's code` : undefined;
}

/**
 * For a local declared bare (`var ch chan *tester.Result`) and given its channel by calls only
 * (`ch, err = runner.RunTests(ctx)`, or RunBenchmarks on another branch: opa's test command),
 * the first call, as channelReturnedBy names it, when every assignment is such a call.
 */
function assignedReturnedBy(name: string, decl: Node, ctx: FileContext, clause: Node): string | undefined {
  const scope = enclosingFunction(decl);
  if (!scope || decl.childForFieldName('value') || !/\bchan\b/.test(decl.text)) return undefined;
  const calls = assignmentsOf(scope, ctx.source, name, decl).map((assignment) => {
    const right = assignment.childForFieldName('right')?.namedChildren ?? [];
    // Its declared type says it is a channel, whatever its name.
    return right.length === 1 ? channelReturnedBy(right[0], ctx, 'ch', clause) : undefined;
  });
  return calls.length > 0 && calls.every(Boolean) ? calls[0] : undefined;
}

/** `x` of a receive `<-x`. */
function receivedFrom(value: Node | undefined): Node | undefined {
  const v = value ? unparen(value) : undefined;
  return v?.type === 'unary_expression' && v.childForFieldName('operator')?.text === '<-' ? (v.childForFieldName('operand') ?? undefined) : undefined;
}

/** A send on the channel that is not a select case: in the function that made it, or in a package function it is handed to. */
function plainSendOn(maker: Node, name: string, decl: Node, ctx: FileContext): string | undefined {
  // Another function of the package may come from another file: its tree, not this file's text.
  const plain = (sends: Node[], chan: string) => sends.find((s) => s.parent?.type !== 'communication_case' && unparen(s.childForFieldName('channel')!).text === chan);
  const own = plain(sendStatements(maker, ctx.source), name);
  if (own && isLocalOf(name, own, decl)) return `${firstLine(own.text)} (line ${own.startPosition.row + 1})`;
  for (const call of maker.descendantsOfType('call_expression')) {
    for (const { callee, decl: callee_, param } of parametersGiven(call, name, ctx.packageIndex())) {
      const there = plain(callee_.descendantsOfType('send_statement'), param);
      if (there) return `${firstLine(there.text)} (in ${callee})`;
    }
  }
  return undefined;
}

/**
 * A channel handed to the function (a field, a parameter) ranged over, where the send is on another
 * handed to it (not one it makes) that it defers closing.
 */
function stageInput(ranged: Node, loop: Node, send: Node, fn: Node, ctx: FileContext): boolean {
  const channel = unparen(send.childForFieldName('channel')!);
  if (!handedChannel(ranged, loop, ctx) || !handedChannel(channel, send, ctx)) return false;
  const chan = channel.text.replace(/\s/g, '');
  return closedOnExit(fn).some((c) => unparen(c).text.replace(/\s/g, '') === chan);
}

/** A parameter or a field declared a channel. */
function handedChannel(node: Node, at: Node, ctx: FileContext): boolean {
  const found = node.type === 'identifier' ? declarationOf(node.text, at) : undefined;
  const type = found && 'param' in found ? found.param.typeNode.text : node.type === 'selector_expression' ? selectedField(node, ctx.packageIndex())?.type : undefined;
  return /^(<-\s*)?chan\b/.test(type ?? '');
}
