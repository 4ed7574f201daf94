import type Parser from 'tree-sitter';
import { regexEscaped } from './find-by-text.js';
import { contextPackageName } from './imports.js';
import { receiverOf, type FieldDecl } from './declarations.js';
import type { PackageIndex } from './package-index.js';
import { declarationOf, localsBefore, paramsOf, type LocalDecl } from './scope.js';
import { ancestors, FUNCTION_TYPES, same, unparen, type Node } from './syntax.js';
import { calledName } from './called-functions.js';
import { callThroughInterface } from './interface-calls.js';
import { declaredType } from './receiver-types.js';

/** Something a blocked operation can wait on to give up: a context or a done channel. */
export interface CancellationSource {
  kind: 'ctx-local' | 'ctx-param' | 'ctx-field' | 'done-param' | 'done-field';
  /** The expression naming it: `ctx`, `s.ctx`, `stop`, `s.done`. */
  expr: string;
  /** True for a context.Context (has Err()); false for a done channel. */
  isContext: boolean;
  /** The function whose scope provides it (for receiver fields: the method). */
  fn: Node;
  /** Human words for messages: "ctx parameter", "receiver field s.ctx"… */
  label: string;
}

export const DONE_NAME = /^(done|stop|stopped|quit|closing|closed|shutdown|exit|die|cancel)(ch|c|chan|channel)?$|^(stop|done|quit|shutdown|close)[A-Z]\w*$/i;
const CONTEXT_CONSTRUCTOR = /^With(Cancel|CancelCause|Timeout|TimeoutCause|Deadline|DeadlineCause|Value|outCancel)$/;

/** True when a type expression is `context.Context` (under the name the file imports it as). */
export function isContextType(typeNode: Node, contextPkg: string | undefined): boolean {
  if (!contextPkg || typeNode.type !== 'qualified_type') return false;
  return typeNode.childForFieldName('package')?.text === contextPkg && typeNode.childForFieldName('name')?.text === 'Context';
}

/** True for `chan struct{}` and `<-chan struct{}` (never a send-only channel). */
export function isDoneChannelType(typeNode: Node): boolean {
  if (typeNode.type !== 'channel_type') return false;
  const t = typeNode.text.replace(/\s+/g, '');
  return t === 'chanstruct{}' || t === '<-chanstruct{}';
}

/**
 * Cancellation sources in scope at `node`, innermost first: for each enclosing function from the
 * inside out, contexts made locally by context.With*, then context parameters, then done-channel
 * parameters; finally context and done-channel fields of the method's receiver.
 */
export function cancellationSources(node: Node, tree: Parser.Tree, index: () => PackageIndex): CancellationSource[] {
  const ctxPkg = contextPackageName(tree);
  const out: CancellationSource[] = [];
  const seen = new Set<string>();
  const add = (s: CancellationSource) => {
    if (seen.has(s.expr)) return; // an inner declaration shadows an outer one of the same name
    seen.add(s.expr);
    out.push(s);
  };
  let point: Node = node;
  for (const fn of [...ancestors(node)].filter((a) => FUNCTION_TYPES.has(a.type))) {
    const frame = frameOf(fn, tree, ctxPkg, index);
    for (const local of localsBefore(point)) {
      if (isContextLocal(local, ctxPkg) || madeByPackageWrapper(local, ctxPkg, index)) add({ kind: 'ctx-local', expr: local.name, isContext: true, fn, label: `local ${local.name}` });
      else if (!derivesParam(local, fn, frame)) seen.add(local.name);
    }
    for (const s of frame.params) add(s);
    for (const name of frame.paramNames) seen.add(name);
    if (frame.receiver && !seen.has(frame.receiver)) for (const s of frame.fields) add(s);
    point = fn;
  }
  return out;
}

/**
 * `ctx, span := tracer.Start(ctx, "op")` in the function's own body: with another name new, the
 * `:=` assigns the context parameter itself, still a `context.Context`, and derived from it (the
 * call is handed it, or it is assigned itself). In an inner block it would declare a new variable,
 * of the type the call returns; and a call not handed the parameter may return a context of its own.
 */
function derivesParam(local: LocalDecl, fn: Node, frame: Frame): boolean {
  if (local.decl.type !== 'short_var_declaration' || !same(local.decl.parent?.parent, fn.childForFieldName('body'))) return false;
  if (!frame.params.some((p) => p.kind === 'ctx-param' && p.expr === local.name)) return false;
  const left = local.decl.childForFieldName('left')?.namedChildren ?? [];
  const value = local.value && unparen(local.value);
  if (left.length < 2) return false;
  if (value?.type === 'identifier') return value.text === local.name;
  return value?.type === 'call_expression' && !!value.childForFieldName('arguments')?.namedChildren.some((a) => a.text === local.name);
}

/**
 * A context parameter that a local declared before `node` hides, from a function inside the one
 * that offers `source` (or the same one, for a receiver's field): `ctx, sp := tracer.Start(ctx,
 * …)` in an inner block, of a type goconc cannot see, or `ctx, cancel := newContext()` in the
 * function's own body, the parameter given a context not made from it. Either is the innermost
 * context, and `source` an outer one. Its name and the statement, if so.
 */
export function hiddenContextParam(node: Node, source: CancellationSource, tree: Parser.Tree, index: () => PackageIndex): { name: string; statement: Node; ownBody: boolean } | undefined {
  if (source.kind !== 'ctx-field' && source.kind !== 'ctx-param') return undefined;
  const ctxPkg = contextPackageName(tree);
  const hiding = new Map<string, Node>();
  let point: Node = node;
  for (const fn of [...ancestors(node)].filter((a) => FUNCTION_TYPES.has(a.type))) {
    const frame = frameOf(fn, tree, ctxPkg, index);
    for (const local of localsBefore(point)) if (!hiding.has(local.name) && !derivesParam(local, fn, frame)) hiding.set(local.name, local.decl);
    const hidden = frame.params.find((p) => p.kind === 'ctx-param' && hiding.has(p.expr));
    const statement = hidden && hiding.get(hidden.expr)!;
    if (statement && (source.kind === 'ctx-field' || !same(fn, source.fn))) return { name: hidden.expr, statement, ownBody: same(statement.parent?.parent, fn.childForFieldName('body')) };
    if (same(fn, source.fn)) return undefined;
    point = fn;
  }
  return undefined;
}

/** What a function offers whatever the point inside it: parameters, then receiver fields. */
interface Frame {
  params: CancellationSource[];
  /** Done channels left out because the function (or, for a field, the package) signals on them. */
  signalled: string[];
  /** Done-channel fields the package never sets, though it builds the type: nil. */
  unset: string[];
  /** Done-channel fields the package only makes and receives from: nothing ever closes them. */
  idle: string[];
  paramNames: string[];
  receiver: string | undefined;
  fields: CancellationSource[];
}

const frames = new WeakMap<Parser.Tree, Map<number, Frame>>();

function frameOf(fn: Node, tree: Parser.Tree, ctxPkg: string | undefined, index: () => PackageIndex): Frame {
  let byId = frames.get(tree);
  if (!byId) frames.set(tree, (byId = new Map()));
  const known = byId.get(fn.id);
  if (known) return known;
  const params = paramsOf(fn);
  const [signalled, doneParams] = partition(params.filter(isDoneChannel), (p) => signals(fn, p.name));
  const frame: Frame = {
    params: [
      ...params.filter((p) => isContextType(p.typeNode, ctxPkg) && !markedUnused(p.name, fn)).map((p): CancellationSource => ({ kind: 'ctx-param', expr: p.name, isContext: true, fn, label: `parameter ${p.name}` })),
      ...doneParams.map((p): CancellationSource => ({ kind: 'done-param', expr: p.name, isContext: false, fn, label: `parameter ${p.name}` })),
    ],
    signalled: signalled.map((p) => p.name),
    unset: [],
    idle: [],
    paramNames: params.map((p) => p.name),
    receiver: undefined,
    fields: [],
  };
  const recv = fn.type === 'method_declaration' ? receiverOf(fn) : undefined;
  if (recv?.name && !frame.paramNames.includes(recv.name)) {
    // Fields of the type and of the structs it embeds as parts; one promoted through an embedded
    // pointer (\`*SubscriptionManager\`'s closeCh) tells when another object stops.
    // An unexported done channel the package never sets, though it builds the type (`&Agent{`),
    // is nil: a case on it never fires (dkron's agent). Set: `a.shutdownCh =`, `a.stop, a.x =`,
    // `shutdownCh:` in a literal, `&a.shutdownCh`.
    const built = () => index().anyTextMatches(new RegExp(`[&=(,\\s]${regexEscaped(recv.typeName)}\\s*\\{`));
    const set = (f: FieldDecl) => !/^[a-z_]/.test(f.name) || !built() || index().anyTextMatches(new RegExp(`\\.${f.name}\\s*(,\\s*[\\w.]+\\s*)*=[^=]|[{,\\s]${f.name}\\s*:[^=]|&[\\w.]+\\.${f.name}\\b`));
    const [fields, unset] = partition(
      index().fieldsOf(recv.typeName, new Set(), false).filter((f) => !f.embedded),
      (f) => !isDoneChannel(f) || set(f),
    );
    frame.unset = unset.map((f) => `${recv.name}.${f.name}`);
    const source = (f: FieldDecl, kind: 'ctx-field' | 'done-field'): CancellationSource => ({ kind, expr: `${recv.name}.${f.name}`, isContext: kind === 'ctx-field', fn, label: `receiver field ${recv.name}.${f.name}` });
    frame.receiver = recv.name;
    // A field the package sends on (`c.stop <- struct{}{}` in Close) has a receiver waiting for
    // that signal: receiving from it here would take it.
    const sentOn = (f: FieldDecl) => index().anyTextMatches(new RegExp(`\\.${f.name}\\s*<-`));
    // A field closed only in a defer (`defer close(d.Done)` in `Run`) tells that the work finished,
    // not that it should stop: zrok's disabler, given a case on it, still blocked (it closes only
    // once the send is done), and closed from elsewhere to stop it, its own close would panic.
    // Only where the close is deferred in this method or in one calling it (another goroutine's
    // deferred close, a reader's on its way out, does tell this one to stop).
    const closedOnExit = (f: FieldDecl) => {
      const deferred = new RegExp(`\\bdefer\\s+close\\(\\s*[\\w.]+\\.${f.name}\\s*\\)`);
      if (index().anyTextMatches(new RegExp(`(?<!defer\\s+)\\bclose\\(\\s*[\\w.]+\\.${f.name}\\s*\\)`))) return false;
      const name = fn.childForFieldName('name')?.text;
      return deferred.test(fn.text) || (!!name && index().callsNamed(name).some((c) => deferred.test(enclosingFunctionText(c))));
    };
    const [signalledFields, doneFields] = partition(fields.filter(isDoneChannel), (f) => signals(fn, `${recv.name}.${f.name}`) || sentOn(f) || closedOnExit(f));
    const [idle, liveFields] = partition(doneFields, (f) => neverClosed(f, index()));
    frame.idle = idle.map((f) => `${recv.name}.${f.name}`);
    frame.fields = [...fields.filter((f) => isContextType(f.typeNode, ctxPkg)).map((f) => source(f, 'ctx-field')), ...liveFields.map((f) => source(f, 'done-field'))];
    frame.signalled.push(...signalledFields.map((f) => `${recv.name}.${f.name}`));
  }
  byId.set(fn.id, frame);
  return frame;
}

/**
 * A parameter its author named as unused (`_ctx`) and the function never reads: not a context the
 * function means to work under (coredns' azure plugin, whose callers may hand it nil).
 */
function markedUnused(name: string, fn: Node): boolean {
  return name.startsWith('_') && !(fn.childForFieldName('body')?.descendantsOfType('identifier') ?? []).some((id) => id.text === name);
}

/** The text of the function (or literal) around a node, or the empty string. */
function enclosingFunctionText(node: Node): string {
  return ancestors(node).find((a) => FUNCTION_TYPES.has(a.type))?.text ?? '';
}

/** The items that pass the test, and those that do not. */
function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  const yes = items.filter(test);
  return [yes, items.filter((item) => !yes.includes(item))];
}

function isDoneChannel(v: { name: string; typeNode: Node }): boolean {
  return isDoneChannelType(v.typeNode) && DONE_NAME.test(v.name);
}

/**
 * Done channels in scope at `node` that are not cancellation sources because the function
 * sends on them or closes them: worth naming when no source is left.
 */
export function signalledDoneChannels(node: Node, tree: Parser.Tree, index: () => PackageIndex): string[] {
  const ctxPkg = contextPackageName(tree);
  return ancestors(node)
    .filter((a) => FUNCTION_TYPES.has(a.type))
    .flatMap((fn) => frameOf(fn, tree, ctxPkg, index).signalled);
}

/**
 * Why the done-channel fields in scope at `node` can never fire, when that is why there is no
 * source: the package never sets them though it builds their type (nil channels), or it only
 * makes them and receives from them (nothing closes them).
 */
export function deadDoneFieldsReason(node: Node, tree: Parser.Tree, index: () => PackageIndex): string | undefined {
  const ctxPkg = contextPackageName(tree);
  const inScope = ancestors(node)
    .filter((a) => FUNCTION_TYPES.has(a.type))
    .map((fn) => frameOf(fn, tree, ctxPkg, index));
  const [unset, idle] = [inScope.flatMap((f) => f.unset), inScope.flatMap((f) => f.idle)];
  if (unset.length > 0) return `no cancellation source in scope: the package never makes or sets ${unset.join(', ')}, though it builds the type: a nil channel, on which a case would never fire`;
  if (idle.length > 0) return `no cancellation source in scope: the package only makes ${idle.join(', ')} and receives from it, never closes it or sends on it: a case on it would never fire`;
  return undefined;
}

/**
 * An unexported done-channel field the package only ever makes (`p.stop = make(chan struct{})`,
 * `stop: make(…)`) and receives from: no code closes it or sends on it, and none can take it
 * elsewhere to do so (hmq's worker pool selected on a `stoppedChan` nothing closed). Any other
 * mention (a close, a copy, an argument, a value set) may be the signal, and the field stays.
 */
function neverClosed(f: FieldDecl, index: PackageIndex): boolean {
  if (!/^[a-z_]/.test(f.name)) return false;
  const name = regexEscaped(f.name);
  const otherUse = new RegExp(`(?<!<-\\s*[\\w.()]*)\\.${name}\\b(?!\\s*=\\s*make\\()`);
  const keyedOtherwise = new RegExp(`[{,\\s]${name}\\s*:(?!\\s*make\\()`);
  const made = new RegExp(`\\.${name}\\s*=\\s*make\\(|[{,\\s]${name}\\s*:\\s*make\\(`);
  return index.anyTextMatches(made) && !index.anyTextMatches(otherUse) && !index.anyTextMatches(keyedOtherwise);
}

/**
 * The function sends on the channel or closes it: it is the one signalling on it (`doneCh <-
 * struct{}{}` when it finishes), not one to be told to stop by it.
 */
function signals(fn: Node, channel: string): boolean {
  const text = fn.text;
  if (!text.includes(channel)) return false;
  // Under its own name or a local copy (`stopCh := oc.stopCh`, then `stopCh <- struct{}{}`).
  const copy = new RegExp(`(?:^|[^\\w.])(\\w+)\\s*:?=\\s*${regexEscaped(channel)}\\s*$`, 'gm');
  const names = new Set([channel, ...[...text.matchAll(copy)].map((m) => m[1])]);
  if (fn.descendantsOfType('send_statement').some((s) => names.has(s.childForFieldName('channel')?.text ?? ''))) return true;
  return fn.descendantsOfType('call_expression').some((c) => c.childForFieldName('function')?.text === 'close' && names.has(c.childForFieldName('arguments')?.namedChildren[0]?.text ?? ''));
}

function isContextLocal(local: LocalDecl, ctxPkg: string | undefined): boolean {
  if (local.typeNode && isContextType(local.typeNode, ctxPkg)) return !!local.value;
  const v = local.value;
  if (v && carriedContext(v)) return true;
  if (!v || v.type !== 'call_expression' || !ctxPkg) return false;
  const fn = v.childForFieldName('function');
  if (fn?.type !== 'selector_expression') return false;
  if (fn.childForFieldName('operand')?.text !== ctxPkg) return false;
  if (!CONTEXT_CONSTRUCTOR.test(fn.childForFieldName('field')?.text ?? '')) return false;
  // `ctx, cancel := context.WithCancel(...)`: the context is the first name.
  const left = local.decl.childForFieldName('left')?.namedChildren ?? local.decl.childrenForFieldName('name');
  return left[0]?.text === local.name;
}

/**
 * `ctx, cancel := s.js.wrapContextWithoutDeadline(ctx)`: the first name declared from a call of a
 * function or method of the package whose every declaration of that name derives a context as
 * `context.WithCancel` does (nats.go's jetstream listers), not through an interface or another
 * package's type.
 */
function madeByPackageWrapper(local: LocalDecl, ctxPkg: string | undefined, index: () => PackageIndex): boolean {
  const value = local.value && unparen(local.value);
  const callee = value?.type === 'call_expression' ? value.childForFieldName('function') : undefined;
  const named = callee && ctxPkg ? calledName(callee) : undefined;
  const left = local.decl.childForFieldName('left')?.namedChildren ?? local.decl.childrenForFieldName('name');
  if (!named || local.typeNode || left[0]?.text !== local.name || local.decl.type !== 'short_var_declaration') return false;
  if (callee!.type === 'selector_expression') {
    // A method of a variable (`s.js.wrap(ctx)`, `w.wrap(ctx)`), not another package's function (`otel.Wrap(ctx)`).
    const operand = unparen(callee!.childForFieldName('operand')!);
    if (operand.type === 'identifier' && !declarationOf(operand.text, callee!) && declaredType(operand, index()) === undefined) return false;
    if (callThroughInterface(callee!, index())) return false;
  }
  // Only declarations whose text could return a context and its cancel are parsed: one that cannot settles it.
  let textFits = true;
  const decls = index().functionsNamed(named.name, named.method, (text) => (textFits &&= /Context\b/.test(text) && /CancelFunc|CancelCauseFunc|func\(\s*\)/.test(text)));
  return textFits && decls.length > 0 && decls.every((decl) => derivesContext(decl, ctxPkg));
}

/**
 * A function returning a context and the function that cancels it (`(context.Context,
 * context.CancelFunc)`, or `func()`), as `context.WithCancel` does, never a nil context: one made
 * for the caller, not a field or parameter handed back that may be nil.
 */
function derivesContext(decl: Node, ctxPkg: string | undefined): boolean {
  const results = decl.childForFieldName('result');
  const types = results?.type === 'parameter_list' ? results.namedChildren.map((p) => p.childForFieldName('type')) : [];
  if (types.length !== 2 || !types[0] || !isContextType(types[0], ctxPkg) || !/^(\w+\.)?(CancelFunc|CancelCauseFunc)$|^func\(\)$/.test(types[1]?.text.replace(/\s/g, '') ?? '')) return false;
  return !/\breturn\s+nil\s*,/.test(decl.text);
}

/**
 * The receives that wait on a source in a function's text, white space removed: `<-ctx.Done()`
 * (or `<-done`), and the same through a local copy of the channel (`ctxCh := fm.ctx.Done()`, then
 * `case <-ctxCh:`).
 */
export function doneReceives(source: CancellationSource, fnText: string): string[] {
  const channel = source.isContext ? `${regexEscaped(source.expr)}\\s*\\.\\s*Done\\(\\)` : regexEscaped(source.expr);
  const copy = new RegExp(`(?:^|[^\\w.])(\\w+)\\s*:?=\\s*${channel}\\s*$`, 'gm');
  return [doneReceive(source).replace(/\s/g, ''), ...[...fnText.matchAll(copy)].map((m) => `<-${m[1]}`)];
}

/** How to wait on a source in a select case: `<-ctx.Done()` or `<-done`. */
export function doneReceive(source: CancellationSource): string {
  return source.isContext ? `<-${source.expr}.Done()` : `<-${source.expr}`;
}

/**
 * `r.Context()` of a request parameter (`r *http.Request`) or `t.Context()` of a test's (`t
 * *testing.T`, B, F, `testing.TB`): a context of a type goconc knows, the request's or the test's.
 */
function carriedContext(value: Node): boolean {
  const fn = value.type === 'call_expression' && value.childForFieldName('arguments')?.namedChildCount === 0 ? value.childForFieldName('function') : undefined;
  const owner = fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Context' ? fn.childForFieldName('operand') : undefined;
  if (owner?.type !== 'identifier') return false;
  const found = declarationOf(owner.text, value);
  const type = found && 'param' in found ? found.param.typeNode.text.replace(/\s/g, '') : '';
  return /^\*http\.Request$|^\*testing\.[TBF]$|^testing\.TB$/.test(type);
}
