import { parseGo } from '../../../src/engine/parser.js';
import { calledName, parametersGiven } from '../../../src/go/called-functions.js';
import { functionTexts, importedModuleTexts } from '../../../src/go/module-packages.js';
import { receiverOf } from '../../../src/go/declarations.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { isDetached } from '../../../src/go/detached.js';
import { isParam, sentOnChannel } from './handed-over-channel.js';
import { heldByReceiver } from './held-by-receiver.js';
import { keptInHandedValue } from './kept-in-value.js';
import { startsProcessWith } from './process-started.js';
import { keptInPackageState } from './kept-in-package-state.js';
import { declaresName } from '../../../src/go/top-level-names.js';

// A function of the package that keeps the context it is given past its return: it starts a
// goroutine with it that nothing waits for, or stores it in a field of what it makes. The empty
// context given to it is the life of that work, not of the call (xk6-browser's browser registry,
// whose iteration handler, started with the VU's init context, stopped as the init stage ended).

/** How `fn`'s parameter `param` outlives its call, as written: `starts a goroutine with it (go r.run(ctx, …))`. */
type Kept = string;

/**
 * Why the call the empty context `call` is given to keeps it past its return, if it does: the
 * callee's own code, or that of a function of the package it hands the context on to.
 */
export function calleeKeepsContext(call: Node, index: PackageIndex, file?: { source: string; path: string }): string | undefined {
  const given = calleesGivenContext(call, index, mayKeep);
  if (!given) return undefined;
  const { named, fn, position, count } = given;
  const topLevel = (name: string) => declaresName(index, name);
  for (const { decl, param } of given.callees) {
    const own = keptBy(decl, param, topLevel);
    if (own) return `${named.name} ${own}`;
    // One call deeper: `r.start(ctx)`, where start does.
    for (const inner of decl.descendantsOfType('call_expression')) {
      if (!inner.childForFieldName('arguments')?.namedChildren.some((a) => a.type === 'identifier' && a.text === param)) continue;
      for (const next of parametersGiven(inner, param, index)) {
        if (same(next.decl, decl) || !/Context$/.test(paramType(next.decl, next.param) ?? '')) continue;
        const deeper = keptBy(next.decl, next.param, topLevel);
        if (deeper) return `${named.name} hands it to ${firstLine(inner.text)}, and ${next.callee} ${deeper}`;
      }
    }
    // Or inside a value it hands on: `m.add(follower{ctx: ctx, w: w})`, where add keeps that value.
    const inValue = keptInHandedValue(decl, param, index);
    if (inValue) return `${named.name} ${inValue}`;
  }
  return file ? keptByModuleFunction(fn, position, count, file) : undefined;
}

/**
 * The call the empty context `call` is an argument of (its callee as written and by name, where
 * the context stands, how many arguments it has), with the package's declarations of that callee
 * whose parameter there is a context, and that parameter's name. `parse` says which declarations'
 * texts are worth parsing.
 */
export function calleesGivenContext(call: Node, index: PackageIndex, parse: (text: string) => boolean): { named: { name: string; method: boolean }; fn: Node; position: number; count: number; callees: { decl: Node; param: string }[] } | undefined {
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const fn = given?.type === 'call_expression' ? given.childForFieldName('function') : undefined;
  const named = fn ? calledName(fn) : undefined;
  if (!given || !fn || !named) return undefined;
  const args = given.childForFieldName('arguments')!.namedChildren;
  const position = args.findIndex((a) => same(a, call));
  const callees = index.functionsNamed(named.name, named.method, parse).flatMap((decl) => {
    const param = contextParamAt(decl, position, args.length);
    return param ? [{ decl, param }] : [];
  });
  return { named, fn, position, count: args.length, callees };
}

const mayKeep = (text: string) => /\bgo\b|CommandContext|\w+\.\w+\s*=[^=]|:\s*\w+\s*[,}\n]|\]\s*=[^=]|<-|\.Set[A-Z]\w*\(|\n\s*\w+\s*=[^=]/.test(text);

/**
 * The same for a function of another package of the module, whose source is in the tree
 * (`worker.ProcessRestoreRequest(context.Background(), &req, wg)`: dgraph's online restore, whose
 * per-group proposals run on in goroutines after it returns and the request is answered), or
 * for a function of that package it hands the context on to, up to three calls deep
 * (`db.InitEngineWithMigration(ctx, …)` calling `InitEngine(ctx)`, calling `SetDefaultEngine(ctx,
 * xe)`, which keeps it in the package's engine).
 */
function keptByModuleFunction(fn: Node, position: number, count: number, file: { source: string; path: string }): string | undefined {
  const alias = fn.type === 'selector_expression' && fn.childForFieldName('operand')?.type === 'identifier' ? fn.childForFieldName('operand')!.text : undefined;
  const texts = alias ? importedModuleTexts(alias, [file.source], file.path) : undefined;
  if (!texts) return undefined;
  const kept = keptInModulePackage(texts, fn.childForFieldName('field')!.text, position, count, 3);
  return kept ? `${fn.text}, a function of package ${alias} of this module, ${kept}` : undefined;
}

/** How the package's function `name`, given a context at `position` of `count` arguments, keeps it, itself or through the package's functions it hands it to (`depth` calls deep at most). */
function keptInModulePackage(texts: string[], name: string, position: number, count: number, depth: number): Kept | undefined {
  const package_ = { anyTextMatches: (pattern: RegExp) => texts.some((t) => pattern.test(t)) };
  const topLevel = (n: string) => declaresName(package_, n);
  for (const text of functionTexts(texts, name)) {
    const decl = parseGo(text).rootNode.namedChildren.find((n) => n.type === 'function_declaration');
    const param = decl && contextParamAt(decl, position, count);
    if (!param) continue;
    const own = mayKeep(text) ? keptBy(decl, param, topLevel) : undefined;
    if (own) return own;
    if (depth <= 1) continue;
    for (const inner of decl.descendantsOfType('call_expression')) {
      const callee = inner.childForFieldName('function');
      const args = inner.childForFieldName('arguments')?.namedChildren ?? [];
      const at = args.findIndex((a) => a.type === 'identifier' && a.text === param);
      if (callee?.type !== 'identifier' || callee.text === name || at < 0) continue;
      const deeper = keptInModulePackage(texts, callee.text, at, args.length, depth - 1);
      if (deeper) return `hands it to ${firstLine(inner.text)}, and ${callee.text} ${deeper}`;
    }
  }
  return undefined;
}

/** The name of `decl`'s parameter at `position` when it is a context and the call's argument count fits. */
export function contextParamAt(decl: Node, position: number, count: number): string | undefined {
  const names: { name: string; type: string }[] = [];
  let variadic = false;
  for (const p of decl.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p.type === 'variadic_parameter_declaration') variadic = true;
    const type = p.childForFieldName('type')?.text ?? '';
    const ids = p.childrenForFieldName('name');
    if (ids.length === 0) names.push({ name: '_', type });
    for (const id of ids) names.push({ name: id.text, type });
  }
  if (names.length !== count && !variadic) return undefined;
  const at = names[position];
  return at && at.name !== '_' && /(^|\.)Context$/.test(at.type) ? at.name : undefined;
}

function paramType(decl: Node, name: string): string | undefined {
  const p = (decl.childForFieldName('parameters')?.namedChildren ?? []).find((d) => d.childrenForFieldName('name').some((n) => n.text === name));
  return p?.childForFieldName('type')?.text;
}

/** How `decl` keeps its parameter `param` past its return, if it does. `topLevel`: whether its package declares a name at top level. */
function keptBy(decl: Node, param: string, topLevel: (name: string) => boolean): Kept | undefined {
  const body = decl.childForFieldName('body');
  if (!body) return undefined;
  for (const go of body.descendantsOfType('go_statement')) {
    if (!same(enclosingFunction(go), decl) || !isDetached(go)) continue;
    const started = goWith(go, param);
    if (started) return `starts a goroutine with it (${started}) that runs after it returns`;
  }
  const field = storedInField(decl, body, param);
  if (field) return `keeps it in a field of what it makes (${field}), used after it returns`;
  const held = heldByReceiver(decl, param);
  if (held) return `keeps it in its receiver (${held}), for work that reads it after it returns`;
  const state = keptInPackageState(decl, param, topLevel);
  if (state) return `keeps it in a variable of its package (${state}), for the work that reads it after it returns`;
  return sentOnChannel(decl, param) ?? startsProcessWith(decl, param);
}

/** The go statement, as written short (`go r.handleIterEvents(ctx, …)`), when the goroutine is handed `param` or its literal uses it. */
function goWith(go: Node, param: string): string | undefined {
  const started = go.namedChild(0);
  const fn = started?.childForFieldName('function');
  const args = started?.childForFieldName('arguments')?.namedChildren ?? [];
  if (!started || !fn) return undefined;
  const named = (n: Node) => n.descendantsOfType('identifier').some((id) => id.text === param) || (n.type === 'identifier' && n.text === param);
  const at = args.findIndex(named);
  if (at >= 0) return `go ${fn.type === 'func_literal' ? 'func(…) {…}' : fn.text}(${[...args.slice(0, at).map(() => '…'), args[at].text.length > 40 ? '…' : args[at].text].join(', ')}${at < args.length - 1 ? ', …' : ''})`;
  if (fn.type !== 'func_literal') return undefined;
  // A literal of its own parameter by that name does not use the outer one.
  if (fn.childForFieldName('parameters')?.descendantsOfType('identifier').some((id) => id.text === param)) return undefined;
  const body = fn.childForFieldName('body');
  return body && named(body) ? `go func() { … ${param} … }()` : undefined;
}

/**
 * A field the parameter is stored in, of the receiver or of what the function returns, as
 * written: `r.ctx = ctx`, `r.ctx, r.cancel = context.WithCancel(ctx)`, or `ctx: ctx` in a
 * composite literal returned or given to a local that is.
 */
function storedInField(decl: Node, body: Node, param: string): string | undefined {
  const receiver = receiverOf(decl)?.name;
  const returns = body.descendantsOfType('return_statement').filter((r) => same(enclosingFunction(r), decl));
  const returned = (name: string) => returns.some((r) => r.namedChildren.some((e) => (e.type === 'expression_list' ? e.namedChildren : [e]).some((x) => x.text === name || x.text === `&${name}`)));
  for (const a of body.descendantsOfType('assignment_statement')) {
    if (!same(enclosingFunction(a), decl)) continue;
    const left = a.childForFieldName('left')!.namedChildren;
    const right = a.childForFieldName('right')!.namedChildren;
    const holder = left[0]?.type === 'selector_expression' ? left[0].childForFieldName('operand')?.text : undefined;
    if (holder && (holder === receiver || returned(holder)) && right.length === 1 && isParam(right[0], param)) return firstLine(a.text);
  }
  for (const k of body.descendantsOfType('keyed_element')) {
    const value = k.namedChildren.at(-1);
    if (!isParam(value?.type === 'literal_element' ? value.namedChildren[0] : value, param) || !same(enclosingFunction(k), decl)) continue;
    let lit: Node | null = k.parent;
    while (lit && lit.type !== 'composite_literal') lit = lit.parent;
    const up = lit?.parent?.type === 'unary_expression' ? lit.parent : lit;
    const at = up?.parent?.type === 'expression_list' ? up.parent.parent : up?.parent;
    const local = at?.type === 'short_var_declaration' || at?.type === 'assignment_statement' ? at.childForFieldName('left')?.namedChildren[0]?.text : undefined;
    if (at?.type === 'return_statement' || (local && returned(local))) return k.text;
  }
  return undefined;
}
