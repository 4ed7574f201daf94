import type { FileContext } from '../../../src/engine/types.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { importName, importSpecs } from '../../../src/go/imports.js';
import { declarationOf, resultsOf, selectedField } from '../../../src/go/scope.js';
import { enclosingFunction, unparen, type Node } from '../../../src/go/syntax.js';
import { handedBackWithChannel } from './reply-channels.js';

/**
 * The send end of a channel whose maker kept the receive end: the channel came from a call whose
 * declared result is `chan<- T` (`hasCapacity, releaseCapacity := orch.CheckAICapacity(…)`, an
 * interface method of the package declared `(bool, chan<- bool)`), or a local or struct field
 * declared `chan<- T` and filled from a call. The maker waits for this value (a release, an ack, a
 * reply to it), whether or not goconc sees it (go-livepeer's capacity release, made in another
 * package): a send dropped once the source is done leaves it waiting for good. The reason.
 */
export function sendEndReason(send: Node, fn: Node, source: string, ctx: FileContext): string | undefined {
  // A value lent with the channel by the same call has its own, more telling reason (handedBackWithChannel).
  if (handedBackWithChannel(send, fn)) return undefined;
  const found = sendEndOrigin(send, ctx);
  if (!found) return undefined;
  const chan = send.childForFieldName('channel')!.text;
  const what = found.declared ? `declared the send end (${found.type}) of what ${found.call}(…) returns` : `the send end ${found.call}(…) returns (${found.type})`;
  return `${chan} is ${what}: its maker keeps the receive end and waits for this value (a release, an ack); a send dropped once ${source} is done would leave it waiting for good, and what it holds (a capacity slot, a lock) never given back`;
}

function sendEndOrigin(send: Node, ctx: FileContext): { call: string; type: string; declared?: boolean } | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  if (chan.type === 'selector_expression') {
    const field = selectedField(chan, ctx.packageIndex());
    if (!field || !isSendEnd(field.typeNode)) return undefined;
    const call = fieldFilledByCall(field.name, ctx.packageIndex());
    return call ? { call, type: normalizedType(field.typeNode), declared: true } : undefined;
  }
  if (chan.type !== 'identifier') return undefined;
  const found = declarationOf(chan.text, send);
  if (!found || !('local' in found)) return undefined;
  const { decl, typeNode } = found.local;
  // Filled where declared (`a, ch := f()`, `var ch chan<- T = f()`), or by a later assignment (`_, ch = f()`).
  const fn = enclosingFunction(decl);
  const fillers = [decl, ...(fn?.descendantsOfType('assignment_statement') ?? [])].flatMap((s) => {
    const filled = callFilling(s, chan.text);
    return filled ? [filled] : [];
  });
  for (const { call, position, count } of fillers) {
    const callee = call.childForFieldName('function')!;
    const type = declaredResult(callee, position, count, ctx);
    if (type) return { call: callee.text, type };
    if (typeNode && isSendEnd(typeNode)) return { call: callee.text, type: normalizedType(typeNode), declared: true };
  }
  return undefined;
}

/** The call a statement fills `name` from, and the position of `name` among the results it takes. */
function callFilling(stmt: Node, name: string): { call: Node; position: number; count: number } | undefined {
  const left = stmt.type === 'var_spec' ? stmt.childrenForFieldName('name') : stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = (stmt.type === 'var_spec' ? stmt.childForFieldName('value') : stmt.childForFieldName('right'))?.namedChildren ?? [];
  if (stmt.type === 'assignment_statement' && stmt.childForFieldName('operator')?.text !== '=') return undefined;
  const position = left.findIndex((l) => l.text === name);
  if (position < 0) return undefined;
  const value = right.length === 1 ? unparen(right[0]) : right.length === left.length ? unparen(right[position]) : undefined;
  if (value?.type !== 'call_expression') return undefined;
  return { call: value, position: right.length === 1 ? position : 0, count: right.length === 1 ? left.length : 1 };
}

/**
 * The result type at `position` of what a call runs, when every declaration of the package by its
 * name (functions, methods, interface methods) gives `count` results and a send end there.
 */
function declaredResult(callee: Node, position: number, count: number, ctx: FileContext): string | undefined {
  const index = ctx.packageIndex();
  let decls: Node[];
  if (callee.type === 'identifier') decls = index.functionsNamed(callee.text, false);
  else if (callee.type === 'selector_expression') {
    const operand = callee.childForFieldName('operand');
    // Another package's function: its declaration is not here.
    if (operand?.type === 'identifier' && !declarationOf(operand.text, callee) && importSpecs(ctx.tree).some((s) => (s.alias ?? importName(s.path)) === operand.text)) return undefined;
    const name = callee.childForFieldName('field')!.text;
    decls = [...index.functionsNamed(name, true), ...interfaceMethodsNamed(name, index)];
  } else return undefined;
  const types = decls.map((d) => {
    const results = resultsOf(d);
    return results.length === count ? results[position].typeNode : undefined;
  });
  if (types.length === 0 || !types.every((t) => t && isSendEnd(t))) return undefined;
  return normalizedType(types[0]!);
}

/** The method specs named `name` of the package's interface types. */
function interfaceMethodsNamed(name: string, index: PackageIndex): Node[] {
  const declared = /(?:^type[ \t]+|^[ \t]+)(\w+)(?:\[[^\]\n]*\])?[ \t]+interface[ \t]*\{/gm;
  const spec = new RegExp(`^[ \\t]+${name}[ \\t]*\\(`, 'm');
  const names = new Set(index.allTexts().filter((t) => spec.test(t)).flatMap((t) => Array.from(t.matchAll(declared), (m) => m[1])));
  return [...names].flatMap((typeName) => {
    const decl = index.type(typeName);
    if (decl?.kind !== 'interface') return [];
    return decl.typeNode.namedChildren.filter((c) => (c.type === 'method_elem' || c.type === 'method_spec') && c.childForFieldName('name')?.text === name);
  });
}

/** `f.ch = newThing(…)` or `ch: newThing(…)` somewhere in the package: the call, e.g. `newThing`. */
function fieldFilledByCall(field: string, index: PackageIndex): string | undefined {
  const filled = new RegExp(`(?:\\.${field}\\s*=|(?<![\\w.])${field}\\s*:)\\s*([\\w.]+)\\(`, 'g');
  const texts = index.allTexts();
  for (const text of texts) for (const m of text.matchAll(filled)) if (m[1] !== 'make') return m[1];
  return undefined;
}

/** `chan<- T`: a channel type that can only be sent on. */
function isSendEnd(type: Node): boolean {
  return type.type === 'channel_type' && /^chan\s*<-/.test(type.text);
}

function normalizedType(type: Node): string {
  return type.text.replace(/\s+/g, ' ');
}
