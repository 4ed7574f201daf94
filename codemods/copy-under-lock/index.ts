import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { criticalSections, mentions } from '../../src/go/lock-regions.js';
import { baseTypeName, receiverOf, type FieldDecl } from '../../src/go/declarations.js';
import { paramsOf, usesVariable } from '../../src/go/scope.js';
import { firstLine, touchesError, unparen, type Node } from '../../src/go/syntax.js';
import { DEFAULT_BLOCKING_METHODS, firstBlockingCall } from './blocking.js';
import { elementType, methodMayBlock } from './callee-summary.js';
import { docs } from './docs.js';
import { guardedObjectsPlan, sharedElementsPlan } from './lock-guards-objects.js';
import { handedOutSlice, iterateThenCall, removeThenClose, type Rewrite } from './rewrites.js';
import { heldReceiverPlan } from './entries-hold-receiver.js';
import { readAllAtOnce } from './read-all-at-once.js';
import { drainedByCount } from './drained-by-count.js';
import { mayHaveMethod } from '../../src/go/text-signals.js';
import { onlyAppended } from './append-only.js';
import { closesEveryElementUnderLock } from './closes-all.js';
import { closesChannelsThroughHelper } from './closes-in-helper.js';
import { removerReason, removesUnderLock } from './removers.js';
import { closesTaken, reopensByKey } from './reopened-by-key.js';
import { reacquiresHandedIn } from './reopened-handed-in.js';
import { unlessUnsafeElements } from './unsafe-elements.js';
import { unlessElementCallsKeptApart } from './interface-elements-called.js';
import { unlessCallbackReachesState } from './callback-reaches-state.js';
import { releasedBefore } from './released-in-loop.js';
import { unlessWaitedFor } from './waits-for-holder.js';
import { unlessElementCallsOrdered } from './element-calls-ordered.js';
import { unlessDocSaysSerialises } from './mutex-doc-serialises.js';
import { unlessInterfaceWriters } from './interface-writers.js';
import { unlessSequenceOnElement } from './element-call-sequence.js';
import { elementSetterReason, elementsSetInPlace, loopCallsOut } from './elements-set-in-place.js';

const LOCK_CALL = /Lock\s*\(\s*\)/;
const UNLOCK_CALL = /Unlock\s*\(\s*\)/;
// A method is looked into only when it may hold one of the three shapes: a range loop, a delete,
// or a variable declared (`:=`) under a lock released by a plain Unlock() rather than a defer.
const RANGE_OR_DELETE = /\brange\b|\bdelete\s*\(/;
const EXPLICIT_UNLOCK = /^(?![ \t]*defer\b).*Unlock\s*\(\s*\)/m;

export const copyUnderLock: Codemod = {
  id: 'copy-under-lock',
  title: 'Blocking work under a map or slice lock moves after the unlock: take or copy under the lock',
  docs,
  severity: 'warning',
  enabledByDefault: true,
  options: [
    { name: 'blocking-methods', type: 'list', default: DEFAULT_BLOCKING_METHODS, description: 'method names treated as blocking when called under a lock (Send*/Write* always are)' },
  ],
  prefilter: (text) => LOCK_CALL.test(text) && UNLOCK_CALL.test(text) && mayHaveMethod(text),
  triggers: (text) => LOCK_CALL.test(text) && (RANGE_OR_DELETE.test(text) || (text.includes(':=') && EXPLICIT_UNLOCK.test(text))),
  find,
};

function find(ctx: FileContext): RawFinding[] {
  const out: RawFinding[] = [];
  const methods = (ctx.options['blocking-methods'] as string[] | undefined) ?? DEFAULT_BLOCKING_METHODS;
  for (const method of ctx.tree.rootNode.namedChildren.filter((n) => n.type === 'method_declaration')) {
    // Most methods take no lock: skip them before looking anything up.
    if (!LOCK_CALL.test(ctx.source.slice(method.startIndex, method.endIndex)) || touchesError(method)) continue;
    const recv = receiverOf(method);
    if (!recv?.name) continue;
    const fields = ctx.packageIndex().fieldsOf(recv.typeName);
    const guarded = (expr: Node | undefined): FieldDecl | undefined => {
      const e = expr && unparen(expr);
      if (e?.type !== 'selector_expression' || e.childForFieldName('operand')?.text !== recv.name) return undefined;
      const f = fields.find((x) => !x.embedded && x.name === e.childForFieldName('field')!.text);
      return f && (f.typeNode.type === 'map_type' || f.typeNode.type === 'slice_type') ? f : undefined;
    };
    for (const cs of criticalSections(method, ctx.packageIndex())) {
      if (cs.enclosesOther) continue;
      const locals = localsOf(method);
      const plainly = (r: Rewrite): Rewrite => (r.ok && cs.alsoHeld ? { ok: false, reason: `${cs.alsoHeld} is held too, from before ${cs.mutex} is locked: releasing ${cs.mutex} alone would leave the work under ${cs.alsoHeld}, and releasing both would change what ${cs.alsoHeld} keeps apart` } : r);
      const report = (at: Node, message: string, r: Rewrite) => { const p = plainly(r); out.push({ start: at.startIndex, end: at.endIndex, message, ...(p.ok ? { fix: p.fix } : { reason: p.reason }) }); };

      // iterate-then-call
      const loop = cs.inside.find((s) => s.type === 'for_statement');
      const clause = loop?.namedChildren.find((c) => c.type === 'range_clause');
      const ranged = guarded(clause?.childForFieldName('right') ?? undefined);
      if (loop && ranged) {
        const vars = rangeVars(clause!);
        const summary = (call: Node) => calleeMayBlock(call, vars, ranged, ctx, methods);
        const body = loop.childForFieldName('body')!;
        const call = firstBlockingCall([body], methods, new Set([...locals, ...vars]), summary, (n) => releasedBefore(n, cs, body));
        if (call) {
          const closer = closesChannelsUnderLock(recv.typeName, cs, ctx) ?? closesChannelsThroughHelper(recv.typeName, cs, ctx);
          const sendsOnElement = loop.descendantsOfType('send_statement').some((snd) => vars.some((v) => (snd.childForFieldName('channel')?.text ?? '').split('.')[0] === v));
          const remover = removesUnderLock(recv.typeName, cs, ranged.name, method, ctx);
          const writer = cs.read ? undefined : elementWrite(call, vars, ctx);
          const handlers = ranged.typeNode.type === 'map_type' ? ranged.typeNode.childForFieldName('value') : ranged.typeNode.childForFieldName('element');
          const afterRemoval = /\bfunc\b/.test(handlers?.text ?? '') ? ' (a handler called after it was unsubscribed)' : '';
          // A tree: elements of the receiver's own type, each locked in turn below it (a file tree's walk).
          const tree = baseTypeName(handlers?.text ?? '') === recv.typeName;
          const plan: Rewrite = tree
            ? { ok: false, reason: `the elements of ${cs.recv}.${ranged.name} are ${recv.typeName} values too, each with a lock of its own (a tree): holding ${cs.mutex} while the loop goes down into them, parent before child, reads the subtree as one snapshot; after a copy, a change made meanwhile could show half-way` }
            : writer
            ? { ok: false, reason: `${writer} writes to a stream or connection under ${cs.mutex}: such writers take one caller at a time (a gRPC stream's Send, a websocket's WriteMessage), and after unlocking two calls could write at once` }
            : closer && sendsOnElement
              ? { ok: false, reason: `${closer} closes channels under the same lock: sending after unlocking could panic on a closed channel` }
              : remover
                ? { ok: false, reason: removerReason(remover, `${cs.recv}.${ranged.name}`, afterRemoval) }
                : guardedObjectsPlan(recv.typeName, cs, ranged, ctx) ?? heldReceiverPlan(recv.typeName, ranged.name, call, cs, ctx) ?? sharedElementsPlan(loop, ranged, vars, cs, ctx) ?? readAllAtOnce(loop, ranged, vars, cs, method, recv.typeName, ctx) ?? unlessSequenceOnElement(unlessInterfaceWriters(unlessDocSaysSerialises(unlessElementCallsOrdered(unlessWaitedFor(unlessElementCallsKeptApart(unlessCallbackReachesState(unlessUnsafeElements(iterateThenCall(cs, loop, ranged, method, ctx), loop, ranged, vars, cs, method, recv.typeName, ctx), loop, ranged, vars, cs, method, recv.typeName, ctx), loop, ranged, vars, cs, method, recv.typeName, ctx), recv.typeName, cs, ranged, method, ctx), call, ranged, vars, cs, method, recv.typeName, ctx), call, cs, recv.typeName, ctx), loop, ranged, vars, cs, method, ctx), loop, ranged, vars, cs, method, ctx);
          report(call, `${what(call)} happens for each element of ${cs.recv}.${ranged.name} while holding ${heldLock(cs)}: every other method waits for the slowest call`, plan);
          continue;
        }
      }

      // remove-then-close
      const take = cs.inside.find((s) => s.type === 'short_var_declaration' && guarded(indexOperand(s)));
      const del = take && !cs.read ? cs.inside.find((s) => s.startIndex > take.startIndex && isDelete(s)) : undefined;
      const delArgs = del?.namedChild(0)!.childForFieldName('arguments')!.namedChildren;
      const key = take && indexOf(take);
      if (take && del && delArgs && key && delArgs[1]?.text === key.text && delArgs[0].text === indexOperand(take)!.text) {
        const between = cs.inside.slice(cs.inside.indexOf(take) + 1, cs.inside.indexOf(del));
        const call = firstBlockingCall(between, methods, locals);
        if (call) {
          const rest = cs.inside.slice(cs.inside.indexOf(del) + 1);
          const shutter = closesEveryElementUnderLock(recv.typeName, cs, guarded(indexOperand(take))!.name, method, ctx);
          const taken = take.childForFieldName('left')!.namedChildren[0]?.text ?? '';
          const reopener = closesTaken(call, taken) ? reopensByKey(recv.typeName, cs, guarded(indexOperand(take))!.name, method, ctx) : undefined;
          const reacquirer = closesTaken(call, taken) && !reopener ? reacquiresHandedIn(recv.typeName, cs, guarded(indexOperand(take))!.name, method, ctx) : undefined;
          const holder = heldReceiverPlan(recv.typeName, guarded(indexOperand(take))!.name, call, cs, ctx);
          const drain = closesTaken(call, taken) ? drainedByCount(recv.typeName, guarded(indexOperand(take))!.name, ctx) : undefined;
          const plan: Rewrite = rest.some((r) => mentions(r, cs.recv))
            ? { ok: false, reason: `statements after the delete still use ${cs.recv}'s state under the lock` }
            : drain
              ? { ok: false, reason: `${drain.loop} waits for ${delArgs[0].text} to empty (${drain.counter} counts it under ${cs.mutex}): under the lock an entry gone was done with; after the unlock it would be gone while ${call.text} still runs, and what waits would go on (an exit with the close half done)` }
            : holder
              ? holder
            : shutter
              ? { ok: false, reason: `${shutter} closes every element of ${delArgs[0].text} under the same lock: once it returns none is open, and a close moved past the unlock could still be running then (a shutdown cut short)` }
              : reopener
                ? { ok: false, reason: `${reopener.method} opens a new value for a missing key of ${delArgs[0].text} (${reopener.call}) under ${cs.mutex}: after the unlock it could open ${key.text} again while ${call.text} still works on the old one (a file, port or lock held twice, or read before it is written back)` }
                : reacquirer
                  ? { ok: false, reason: `${reacquirer.method} inserts into ${delArgs[0].text} under ${cs.mutex} a value it is handed and opens first (${reacquirer.call}): after the unlock it could open a new one for ${key.text} while ${call.text} still holds what the old one frees (a file, port or lock held twice: the new open fails)` }
                  : removeThenClose(cs, take, del, between, ctx);
          report(call, `${what(call)} runs while holding ${heldLock(cs)}: an entry of ${delArgs[0].text} is used and removed under the lock`, plan);
          continue;
        }
      }

      // handed-out slice
      if (!cs.deferred) {
        for (const s of cs.inside) {
          if (s.type !== 'short_var_declaration') continue;
          const left = s.childForFieldName('left')!.namedChildren;
          const right = s.childForFieldName('right')!.namedChildren;
          if (left.length !== 1 || right.length !== 1) continue;
          const value = right[0];
          const field = guarded(value.type === 'index_expression' ? value.childForFieldName('operand') ?? undefined : value);
          const isSlice = field && (field.typeNode.type === 'slice_type' ? value.type !== 'index_expression' : field.typeNode.childForFieldName('value')?.type === 'slice_type' && value.type === 'index_expression');
          if (!isSlice || !cs.after.some((a) => usesVariable(a, left[0].text, s))) continue;
          if (takenOver(value, cs.inside.slice(cs.inside.indexOf(s) + 1))) continue;
          if (onlyAppended(field!.name, ctx.packageIndex().allTexts(), value.type === 'index_expression')) continue;
          const setter = loopCallsOut(cs.after, left[0].text) ? elementsSetInPlace(recv.typeName, field!, value.type === 'index_expression', method, ctx) : undefined;
          const plan: Rewrite = setter
            ? { ok: false, reason: elementSetterReason(setter, value.type === 'index_expression' ? `the slices in ${cs.recv}.${field!.name}` : `${cs.recv}.${field!.name}`, field!) }
            : handedOutSlice(value, left[0].text, cs.after, ctx);
          report(value, `${left[0].text} shares its backing array with ${cs.recv}.${field!.name} and is used after ${cs.mutex} is released: writers may change it under the reader`, plan);
        }
      }
    }
  }
  return out;
}

/**
 * The field is given a new slice right after it was read, under the same lock (`msgs := l.msgs;
 * l.msgs = nil`), or a map's slice is deleted from it (`reqs := ac.pending[id]; delete(ac.pending,
 * id)`: netbird's request buffer): the taken slice is no longer the struct's, and writers append
 * to another array. (`l.msgs = l.msgs[:0]` keeps the array: not a take.)
 */
function takenOver(field: Node, rest: Node[]): boolean {
  const squeeze = (n: Node | null | undefined) => n?.text.replace(/\s/g, '');
  const [map, key] = field.type === 'index_expression' ? [squeeze(field.childForFieldName('operand')), squeeze(field.childForFieldName('index'))] : [];
  return rest.some((st) => {
    const call = st.type === 'expression_statement' ? st.namedChild(0) : undefined;
    if (map && call?.type === 'call_expression' && call.childForFieldName('function')?.text === 'delete') {
      const args = call.childForFieldName('arguments')?.namedChildren ?? [];
      if (args.length === 2 && squeeze(unparen(args[0])) === map && squeeze(unparen(args[1])) === key) return true;
    }
    if (st.type !== 'assignment_statement' || st.childForFieldName('operator')?.text !== '=') return false;
    const [left, right] = [st.childForFieldName('left')!.namedChildren, st.childForFieldName('right')!.namedChildren];
    if (left.length !== 1 || right.length !== 1 || left[0].text !== field.text) return false;
    const r = unparen(right[0]);
    return r.text === 'nil' || r.type === 'composite_literal' || (r.type === 'call_expression' && r.childForFieldName('function')?.text === 'make');
  });
}

/**
 * For a method call on a range variable whose type is declared in this package: whether its
 * body may block (a Close that only closes a channel under a sync.Once does not). Undefined
 * when the callee is not known here.
 */
function calleeMayBlock(call: Node, vars: string[], field: FieldDecl, ctx: FileContext, methods: string[]): boolean | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression') return undefined;
  const position = vars.indexOf(fn.childForFieldName('operand')!.text);
  if (position === -1) return undefined;
  const isMap = field.typeNode.type === 'map_type';
  const type = elementType(field.typeNode, isMap && position === 0 ? 'key' : 'value');
  const method = fn.childForFieldName('field')!.text;
  // A *time.Ticker's or *time.Timer's Stop and Reset return at once (memberlist's m.tickers).
  if (type && /^time\.(Ticker|Timer)$/.test(type) && /^(Stop|Reset)$/.test(method)) return false;
  return type ? methodMayBlock(ctx.packageIndex(), type, method, methods) : undefined;
}

/** The name of another method of the type that calls close() inside a section of the same mutex. */
function closesChannelsUnderLock(typeName: string, cs: { mutex: string; recv: string }, ctx: FileContext): string | undefined {
  const field = cs.mutex.slice(cs.recv.length); // '.mu', or '' for an embedded mutex
  // Only methods that lock and call close() can: the others are not even parsed.
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => LOCK_CALL.test(text) && /\bclose\s*\(/.test(text))) {
    for (const other of criticalSections(m.node, ctx.packageIndex())) {
      if (other.mutex.slice(other.recv.length) !== field) continue;
      const closes = other.inside.some((st) => [st, ...st.descendantsOfType('call_expression')].some((c) => c.type === 'call_expression' && c.childForFieldName('function')?.text === 'close'));
      if (closes) return m.name;
    }
  }
  return undefined;
}

/** `c.Send` for a call, `a send on ch` for a channel send. */
function what(call: Node): string {
  if (call.type === 'send_statement') return `a send on ${call.childForFieldName('channel')!.text}`;
  // A function value (`c(ctx)`, a callback ranged over): the call as written, not a bare `c`.
  const fn = call.childForFieldName('function')!;
  return fn.type === 'identifier' ? `the call ${firstLine(call.text)}` : fn.text;
}

/** The mutex as a reader knows it: `p.mu`, or `p's embedded lock` for `p.Lock()` on an embedded mutex. */
function heldLock(cs: { mutex: string; recv: string }): string {
  return cs.mutex === cs.recv ? `${cs.recv}'s embedded lock` : cs.mutex;
}

function isDelete(s: Node | undefined): boolean {
  const c = s?.type === 'expression_statement' ? s.namedChild(0) : undefined;
  return c?.type === 'call_expression' && c.childForFieldName('function')?.text === 'delete';
}

function indexOperand(s: Node): Node | undefined {
  const v = s.childForFieldName('right')?.namedChildren[0];
  return v?.type === 'index_expression' ? v.childForFieldName('operand') ?? undefined : undefined;
}

function indexOf(s: Node): Node | undefined {
  const v = s.childForFieldName('right')?.namedChildren[0];
  return v?.type === 'index_expression' ? v.childForFieldName('index') ?? undefined : undefined;
}

/** Function-typed parameters: calling one is a callback with unknown cost. */
function localsOf(method: Node): Set<string> {
  return new Set(paramsOf(method).filter((p) => p.typeNode.type === 'function_type' || /^[A-Z]\w*(Func|Handler|Callback)$/.test(p.typeNode.text)).map((p) => p.name));
}

function rangeVars(clause: Node): string[] {
  return clause.childForFieldName('left')?.namedChildren.map((n) => n.text) ?? [];
}


/**
 * A write to a stream or connection held by a range variable (`conn.Send(msg)`, `c.WriteMessage(t,
 * b)`), of a method the package does not declare: a gRPC stream's or a websocket's, which take one
 * writer at a time (a net.Conn's Write takes many, and is left out). As written up to its paren.
 */
function elementWrite(call: Node, vars: string[], ctx: FileContext): string | undefined {
  const callee = call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  const name = callee?.type === 'selector_expression' ? callee.childForFieldName('field')!.text : '';
  if (!/^(Send|SendMsg|WriteMessage|WriteJSON)$/.test(name) || !vars.includes(callee!.text.split('.')[0])) return undefined;
  return ctx.packageIndex().functionsNamed(name, true).length === 0 ? `${callee!.text}()` : undefined;
}
