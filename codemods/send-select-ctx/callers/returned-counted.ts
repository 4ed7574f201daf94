import type { FileContext } from '../../../src/engine/types.js';
import { callsHanding, callsOf, parametersGiven } from '../../../src/go/called-functions.js';
import { leavesLoop, loopShape } from '../../../src/go/loops.js';
import { plainReceive } from '../../../src/go/receive-shapes.js';
import { awaitedReceive } from './returned-received.js';
import { declarationOf, isChannelMade } from '../../../src/go/scope.js';
import { ancestors, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';

/**
 * A channel a function of the package makes and returns (`outputs := make(chan Subresult)`, its
 * goroutines sending on it, `return outputs`), where the send is in one of those goroutines (a
 * literal of the maker, or a function every call of which the maker hands the channel: `go
 * m.measureonewithcache(ctx, outputs, …)`), and a caller of the maker takes the result into a loop
 * that waits for values until it has counted enough, itself or through a function of the package
 * it hands the channel to (`outputs := m.startall(ctx, inputs)`, then `m.processall(outputs,
 * inputs)`, ranging `for smk := range outputs { …; if current >= len(inputs) { break } }`), and
 * nothing closes the channel: that loop waits for every value, and a send that gave up would leave
 * it waiting forever (ooni's SNI blocking experiment, a variant with an unbuffered channel).
 */
export function countedWhereReturned(send: Node, ctx: FileContext, source: string): string | undefined {
  const chan = send.childForFieldName('channel');
  if (chan?.type !== 'identifier' || closes(enclosingFunction(send)!, chan.text)) return undefined;
  for (const { maker, name } of makersOf(chan.text, send, ctx)) {
    const makerName = maker.childForFieldName('name')?.text;
    if (!makerName || closes(maker, name)) continue;
    const at = returnedAt(maker, name);
    if (at === undefined) continue;
    for (const call of callsOf(maker, ctx.packageIndex())) {
      for (const use of usesOfResult(call, at)) {
        const loop = countingLoop(use, ctx);
        const received = loop ? undefined : awaitedReceive(use);
        const caller = enclosingFunction(call)?.childForFieldName('name')?.text ?? 'a function literal';
        if (received) return `${chan.text} is the channel ${makerName}() makes and returns (${name}); ${caller}() ${received}, and nothing closes it: that receive waits for the value, and a send that gives up once ${source} is done would leave it waiting forever (a buffer with room for every send lets the sends finish instead)`;
        if (!loop) continue;
        return `${chan.text} is the channel ${makerName}() makes and returns (${name}); ${caller}() ${loop}, and nothing closes it: that loop waits for every value, and a send that gives up once ${source} is done would leave it waiting forever (a buffer with room for every send lets the sends finish instead)`;
      }
    }
  }
  return undefined;
}

/** Whether a function's own text closes the channel by this name. */
function closes(fn: Node, name: string): boolean {
  return new RegExp(`\\bclose\\(\\s*${name}\\s*\\)`).test(fn.text);
}

/** The function that made the send's channel and its name there: the maker of a local, or, for a parameter, of the local every call hands in. */
function makersOf(name: string, send: Node, ctx: FileContext): { maker: Node; name: string }[] {
  const found = declarationOf(name, send);
  const made = (local: NonNullable<ReturnType<typeof declarationOf>>) => ('local' in local && isChannelMade(local.local.value) ? enclosingFunction(local.local.decl) : undefined);
  if (!found) return [];
  if ('local' in found) {
    const maker = made(found);
    return maker && !same(maker, enclosingFunction(send)) ? [{ maker, name }] : [];
  }
  const calls = callsHanding(found.param, ctx.packageIndex())?.calls ?? [];
  return calls.flatMap(({ call, arg }) => {
    const local = arg?.type === 'identifier' && ancestors(call).some((a) => a.type === 'go_statement') ? declarationOf(arg.text, call) : undefined;
    const maker = local ? made(local) : undefined;
    return maker ? [{ maker, name: arg!.text }] : [];
  });
}

/** The position among a function's results at which its own returns give back the name, when every return that names it does so there. */
function returnedAt(fn: Node, name: string): number | undefined {
  const returns = fn.descendantsOfType('return_statement').filter((r) => same(enclosingFunction(r), fn));
  const at = returns.map((r) => r.namedChildren.flatMap((c) => (c.type === 'expression_list' ? c.namedChildren : [c])).findIndex((v) => v.type === 'identifier' && v.text === name));
  const found = at.filter((i) => i >= 0);
  return found.length > 0 && found.every((i) => i === found[0]) ? found[0] : undefined;
}


/** Where a call's result at this position is used: the call itself (a lone result), or each later use of the local it is assigned to. */
function usesOfResult(call: Node, at: number): Node[] {
  const list = call.parent?.type === 'expression_list' ? call.parent : undefined;
  const stmt = list?.parent;
  if (stmt?.type !== 'short_var_declaration' && stmt?.type !== 'assignment_statement') return at === 0 ? [call] : [];
  if (!same(stmt.childForFieldName('right'), list) || list!.namedChildCount !== 1) return [];
  const target = stmt.childForFieldName('left')?.namedChildren[at];
  const fn = enclosingFunction(call);
  if (target?.type !== 'identifier' || !fn) return [];
  return fn.descendantsOfType('identifier').filter((id) => id.text === target.text && id.startIndex > stmt.endIndex && !ancestors(id).some((a) => a.type === 'go_statement'));
}

/** A loop waiting for values until it has counted enough that takes the channel at `use`, here or in the function of the package it is handed to: how, or undefined. */
function countingLoop(use: Node, ctx: FileContext): string | undefined {
  const here = countedIn(use.parent, use);
  if (here) return `takes it into ${here}`;
  const call = use.parent?.type === 'argument_list' ? use.parent.parent : undefined;
  for (const { callee, decl, param } of call?.type === 'call_expression' ? parametersGiven(call, use.text, ctx.packageIndex()) : []) {
    const uses = decl.descendantsOfType('identifier').filter((id) => id.text === param && same(enclosingFunction(id), decl));
    const loop = uses.map((id) => countedIn(id.parent, id)).find(Boolean);
    if (loop) return `hands it to ${firstLine(call!.text)}, which takes it as ${param} into ${loop} in ${callee}`;
  }
  return undefined;
}

/** `for v := range ch` left early (a count reached), or a plain `<-ch` in a counted `for` loop not left early: its header. */
function countedIn(parent: Node | null, id: Node): string | undefined {
  if (parent?.type === 'range_clause' && same(parent.childForFieldName('right'), id) && leavesLoop(parent.parent!)) return `a loop that stops once it has counted enough (for ${parent.text})`;
  if (parent?.type !== 'unary_expression' || parent.childForFieldName('operator')?.text !== '<-' || !plainReceive(parent)) return undefined;
  const loop = ancestors(parent).find((a) => a.type === 'for_statement');
  if (!loop || !same(enclosingFunction(loop), enclosingFunction(parent)) || !(loopShape(loop).kind === 'counted' || rangesOverCollection(loop)) || leavesLoop(loop)) return undefined;
  return `a counted loop (${firstLine(loop.text).replace(/\s*\{…?$/, '')})`;
}

/**
 * `for _, c := range containers` over a slice, map or array (a parameter or local declared so, or
 * made so), or `for range n` over a number: as many passes as it holds, as a counted loop makes
 * (docker/cli's runPause reading one result per container from parallelOperation's channel).
 */
function rangesOverCollection(loop: Node): boolean {
  const shape = loopShape(loop);
  const over = shape.kind === 'range' ? shape.over : undefined;
  if (!over) return false;
  if (over.type === 'int_literal' || /^len\(/.test(over.text)) return true;
  // Two variables (`for _, ctr := range opts.containers`): a slice, map, array or string, never a
  // channel or a number, whatever the field's type.
  const left = loop.namedChildren.find((c) => c.type === 'range_clause')?.childForFieldName('left');
  if (left?.type === 'expression_list' && left.namedChildCount === 2) return true;
  const found = over.type === 'identifier' ? declarationOf(over.text, loop) : undefined;
  if (!found) return false;
  const type = 'param' in found ? found.param.typeNode : found.local.typeNode;
  if (type) return ['slice_type', 'map_type', 'array_type'].includes(type.type);
  return 'local' in found && /^(make\(\s*(\[\]|map\[)|\[\]|map\[)/.test(found.local.value?.text ?? '');
}
