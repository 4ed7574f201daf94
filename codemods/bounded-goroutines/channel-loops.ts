import type { FileContext } from '../../src/engine/types.js';
import { calledName } from '../../src/go/called-functions.js';
import { loopShape, loopStatement } from '../../src/go/loops.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * `for x := range ch` where ch is declared a channel (parameter or local `make(chan …)`), or
 * `for x := range chs[i]` where chs is a slice of channels (`make([]chan T, n)`, `[]chan T`).
 */
export function rangesOverChannel(loop: Node): boolean {
  const shape = loopShape(loop);
  const over = shape.over?.type === 'index_expression' ? shape.over.childForFieldName('operand') : shape.over;
  if (shape.kind !== 'range' || over?.type !== 'identifier') return false;
  const decl = declarationOf(over.text, loopStatement(loop));
  if (!decl) return false;
  const typeNode = 'param' in decl ? decl.param.typeNode : decl.local.typeNode;
  const value = 'local' in decl ? decl.local.value?.text ?? '' : '';
  if (over !== shape.over) return /^\[\w*\]\s*(<-\s*)?chan\b/.test(typeNode?.text ?? '') || /^make\(\s*\[\]\s*(<-\s*)?chan\b/.test(value);
  if ('param' in decl) return decl.param.typeNode.type === 'channel_type';
  return decl.local.typeNode?.type === 'channel_type' || /^make\(\s*(<-)?chan\b/.test(decl.local.value?.text ?? '');
}

/**
 * `for err := range c.Errors()`, where the package's functions or methods of that name return a
 * channel; or a call named for one (`a.GetConnChan()`, `w.ResultChannel()`), whatever declares it
 * (an interface of another package).
 */
export function rangesOverReturnedChannel(loop: Node, ctx: FileContext): boolean {
  let over = loopShape(loop).over;
  // Or a local the call's result was given (`sigBuffer := catchSignals(sigs...)`, then `for s := range sigBuffer`).
  const local = over?.type === 'identifier' ? declarationOf(over.text, loopStatement(loop)) : undefined;
  if (local && 'local' in local && local.local.value?.type === 'call_expression') over = local.local.value;
  const callee = over?.type === 'call_expression' ? over.childForFieldName('function') : undefined;
  const named = callee ? calledName(callee) : undefined;
  if (!named) return false;
  const declared = ctx.packageIndex().functionsNamed(named.name, named.method);
  if (declared.length === 0) return /Chan(nel)?$/.test(named.name);
  return declared.some((d) => d.childForFieldName('result')?.type === 'channel_type');
}

/**
 * `for v := range r.ch` in a method of r, where the receiver's type declares `ch` a channel; or
 * `for m := range unit.src`, unit declared of a type of the package (`unit *processorUnit`) that
 * does; or `for ts := range si.shards[i]`, the field a slice or map of channels.
 */
export function rangesOverChannelField(loop: Node, ctx: FileContext): boolean {
  const over = loopShape(loop).over;
  // Or one of a field's channels (`range si.shards[shard]`, shards a `[]chan T`: promscale's loader).
  const indexed = over?.type === 'index_expression' ? over.childForFieldName('operand') : undefined;
  const field = (indexed ?? over) ? selectedField((indexed ?? over)!, ctx.packageIndex()) : undefined;
  return !!field && (indexed ? /^(\[\w*\]|map\[[^\]]+\])\s*(<-\s*)?chan\b/ : /^(<-\s*)?chan\b/).test(field.type);
}

/**
 * `for dst := range toBeDeleted` where toBeDeleted is of a named channel type: one the package
 * declares (`type ObjectsChan chan string`), or another package's named so (`fs.ObjectsChan`).
 */
export function rangesOverNamedChannel(loop: Node, ctx: FileContext): boolean {
  const over = loopShape(loop).over;
  if (over?.type !== 'identifier') return false;
  const decl = declarationOf(over.text, loopStatement(loop));
  const typeNode = !decl ? undefined : 'param' in decl ? decl.param.typeNode : decl.local.typeNode;
  const made = decl && 'local' in decl ? /^make\(\s*([\w.]+)\s*[,)]/.exec(decl.local.value?.text ?? '')?.[1] : undefined;
  const type = typeNode?.text ?? made;
  if (!type || !/^[\w.]+$/.test(type)) return false;
  if (type.includes('.')) return /Chan(nel)?$/.test(type);
  return ctx.packageIndex().underlyingKind(type) === 'chan';
}

/** The channel a loop takes its values from, as written, when it ranges over one (`messages`, `r.ch`, `sub.Messages()`). */
export function channelRangedOver(loop: Node, ctx: FileContext): string | undefined {
  if (rangesOverChannel(loop) || rangesOverChannelField(loop, ctx) || rangesOverReturnedChannel(loop, ctx) || rangesOverNamedChannel(loop, ctx)) return loopShape(loop).over!.text;
  return undefined;
}
