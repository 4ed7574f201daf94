import type { FileContext } from '../../../src/engine/types.js';
import { baseTypeName } from '../../../src/go/declarations.js';
import { loopsBetween } from '../../../src/go/loops.js';
import { useOf } from '../../../src/go/result-channel.js';
import { declarationOf, isReassigned, positionalParams } from '../../../src/go/scope.js';
import { callsHanding, parametersGiven } from '../../../src/go/called-functions.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { mostSends } from '../../../src/go/send-paths.js';
import { ancestors, enclosingFunction, same, unparen, type Node } from '../../../src/go/syntax.js';
import { countBehind, loopRunsExactly } from './buffered.js';
import { closureCalls } from './sends-at-most.js';

/**
 * A send on a channel parameter that always has room: the function sends on it at most once
 * whatever path it takes, and every call in the package starts it as a goroutine once per
 * iteration of a loop that runs exactly as many times as the channel the caller made holds
 * (`errc := make(chan error, len(c.witnesses))`, then `for i, witness := range c.witnesses { go
 * c.compare(ctx, errc, witness, i) }`), the caller sending on it nowhere else and handing it to
 * nothing else (closing it aside); or started once, outside a loop, with a constant capacity
 * (`errc := make(chan error, 1)`, `go s.fetch(ctx, errc)`: consul-template's fetch). A select
 * could only drop a value its reader counts.
 */
export function roomInEveryCaller(send: Node, ctx: FileContext): boolean {
  const chan = unparen(send.childForFieldName('channel')!);
  const found = chan.type === 'identifier' ? declarationOf(chan.text, send) : undefined;
  if (!found || !('param' in found)) return false;
  const fn = found.param.fn;
  if (fn.type === 'func_literal') return roomForClosureCalls(fn, chan.text);
  const name = fn.childForFieldName('name')?.text;
  const body = fn.childForFieldName('body');
  if (!name || !body || (fn.type !== 'function_declaration' && fn.type !== 'method_declaration')) return false;
  if (!sendsOnceAndKeeps(body, chan.text)) return false;
  const calls = callsHanding(found.param, ctx.packageIndex())?.calls ?? [];
  return calls.length > 0 && calls.every(({ call, arg }) => startedOncePerSlot(call, arg, ctx.packageIndex()));
}

/**
 * A send on a channel parameter of a closure declared alone (`doCopy := func(s, c net.Conn, cancel
 * chan<- bool) { io.Copy(s, c); cancel <- true }`), sending on it once at most and handing it
 * nowhere, whose every call, none of them repeated by a loop, hands it a local channel made with a
 * constant room for all the calls handing it that channel (`cancel := make(chan bool, 2)`, then `go
 * doCopy(server, client, cancel)` and `go doCopy(client, server, cancel)`), its maker sending on it
 * nowhere else and handing it to nothing else.
 */
function roomForClosureCalls(literal: Node, param: string): boolean {
  const body = literal.childForFieldName('body');
  const scope = enclosingFunction(literal);
  const calls = scope && closureCalls(literal, scope);
  const position = positionalParams(literal).indexOf(param);
  if (!body || !calls?.length || position < 0 || !sendsOnceAndKeeps(body, param)) return false;
  const handed = new Map<number, { decl: Node; args: Node[] }>();
  for (const call of calls) {
    const arg = call.childForFieldName('arguments')?.namedChildren[position];
    const made = arg?.type === 'identifier' ? declarationOf(arg.text, call) : undefined;
    if (!made || !('local' in made) || loopsBetween(call, made.local.decl).length > 0) return false;
    const entry = handed.get(made.local.decl.id) ?? { decl: made.local.decl, args: [] };
    handed.set(made.local.decl.id, { ...entry, args: [...entry.args, arg!] });
  }
  return [...handed.values()].every(({ decl, args }) => {
    const found = declarationOf(args[0].text, args[0]);
    const value = found && 'local' in found ? found.local.value : undefined;
    const made = value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'make' ? value.childForFieldName('arguments')!.namedChildren : [];
    if (made.length !== 2 || !/^(<-)?chan\b/.test(made[0].text) || !/^[1-9]\d*$/.test(made[1].text) || Number(made[1].text) < args.length) return false;
    // Its other uses where it is made: receives, a close, its capacity read.
    const uses = scope!.descendantsOfType('identifier').filter((id) => id.text === args[0].text && !args.some((a) => same(a, id)) && !isDeclared(id));
    return uses.every((id) => { const d = declarationOf(id.text, id); return !d || !('local' in d) || !same(d.local.decl, decl) || useOf(id) === 'receive' || useOf(id) === 'close' || isCapOf(id); });
  });
}

/** Once at most on any path through the body, and not handed on to code that could send more. */
function sendsOnceAndKeeps(body: Node, param: string): boolean {
  return mostSends(body, param) <= 1 && !body.descendantsOfType('identifier').some((id) => id.text === param && useOf(id) === 'other');
}

/** The function a call runs (the package's own, every declaration of its name) sends on the parameter `arg` lands in as sendsOnceAndKeeps says. */
function sendsOnceAtMost(call: Node, arg: string, index: PackageIndex): boolean {
  const given = parametersGiven(call, arg, index);
  return given.length > 0 && given.every(({ decl, param }) => {
    const body = decl.childForFieldName('body');
    return !!body && sendsOnceAndKeeps(body, param);
  });
}

/**
 * The call is `go f(…, ch, …)`, the one statement of `go func() { f(…, ch, …) }()`, or the task a
 * function literal hands a pool (`pool.Submit(func() { s.fetch(ctx, k, ch) })`, `g.Go(func() error
 * { return f(ch) })`), once per iteration of a loop that runs exactly `cap(ch)` times, `ch` made
 * just for it.
 */
function startedOncePerSlot(call: Node, arg: Node | undefined, index: PackageIndex): boolean {
  if (call.parent?.type !== 'go_statement' && !submittedTask(call)) return false;
  const made = arg?.type === 'identifier' ? declarationOf(arg.text, call) : undefined;
  if (!made || !('local' in made)) return false;
  const value = made.local.value;
  const args = value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'make' ? value.childForFieldName('arguments')?.namedChildren : undefined;
  if (args?.length !== 2 || !/^(<-)?chan\b/.test(args[0].text)) return false;
  const caller = enclosingFunction(made.local.decl);
  if (!caller) return false;
  // Its only uses: this call, receives (a range over it too), and closing it.
  const uses = caller.descendantsOfType('identifier').filter((id) => id.text === arg!.text);
  const receives = (id: Node) => useOf(id) === 'receive' || useOf(id) === 'close' || (id.parent?.type === 'range_clause' && same(id.parent.childForFieldName('right'), id));
  const others = uses.filter((id) => !same(id, arg) && id.startIndex !== made.local.decl.startIndex && !isDeclared(id) && !receives(id) && !isCapOf(id) && !keptForReceiving(id, index));
  const loops = loopsBetween(call, made.local.decl);
  // Or started once, outside any loop, as a goroutine (not a task a helper may retry), with room
  // for its one send (`errc := make(chan error, 1)`, then `go c.fetch(ctx, errc)`), and for those of
  // the other goroutines started once with it, each sending once at most (`errc := make(chan error,
  // 2)`, `go spc.copyToBackend(errc)`, `go spc.copyFromBackend(errc)`: caddy's protocol switch).
  if (loops.length === 0 && startedAsGoroutine(call) && /^[1-9]\d*$/.test(args[1].text)) {
    const alongside = (id: Node) => {
      const other = id.parent?.type === 'argument_list' ? id.parent.parent : undefined;
      return other?.type === 'call_expression' && startedAsGoroutine(other) && loopsBetween(other, made.local.decl).length === 0 && sendsOnceAtMost(other, id.text, index);
    };
    return others.every(alongside) && 1 + others.length <= Number(args[1].text);
  }
  if (others.length > 0 || loops.length === 0) return false;
  if (loops.length !== 1 || !same(enclosingFunction(loops[0]), caller)) return false;
  // The caller's tree may be its declaration parsed alone: offsets are in that tree's text.
  let root = caller;
  while (root.parent) root = root.parent;
  // The capacity's names keep their values: not assigned anywhere in the caller.
  // A count named first (`reposNum := len(repos)`, in a var block too) stands for what it names.
  const count = countBehind(args[1], caller, root.text)!;
  const names = [args[1], count].flatMap((n) => (n.type === 'identifier' ? [n] : n.descendantsOfType('identifier')));
  if (names.some((n) => isReassigned(caller, root.text, n.text, 0))) return false;
  return loopRunsExactly(loops[0], count, root.text, arg!.text);
}

/**
 * The call is the one statement, defers aside (or the returned value), of a function literal given
 * to a call or run as a goroutine: a task started once.
 */
function submittedTask(call: Node): boolean {
  const statement = call.parent;
  if (statement?.type !== 'expression_statement' && statement?.type !== 'return_statement') return false;
  const literal = enclosingFunction(call);
  const body = literal?.childForFieldName('body');
  const statements = body?.namedChildren.flatMap((c) => (c.type === 'statement_list' ? c.namedChildren : [c])).filter((c) => c.type !== 'comment');
  // Its one statement besides defers (`defer wg.Done()`, a bound's `defer func() { <-sem }()`).
  const others = statements?.filter((c) => c.type !== 'defer_statement');
  if (literal?.type !== 'func_literal' || others?.length !== 1 || !same(others[0], statement)) return false;
  // Handed to a call (`pool.Submit(func() {…})`), or run as a goroutine (`go func() {…}()`).
  return (literal.parent?.type === 'argument_list' && literal.parent.parent?.type === 'call_expression') || (literal.parent?.type === 'call_expression' && literal.parent.parent?.type === 'go_statement');
}

/** `go f(…)`, or `go func() { f(…) }()` with the call its one statement. */
function startedAsGoroutine(call: Node): boolean {
  if (call.parent?.type === 'go_statement') return true;
  const literal = enclosingFunction(call);
  return submittedTask(call) && literal?.parent?.type === 'call_expression' && literal.parent.parent?.type === 'go_statement';
}

/** The identifier the declaration declares (`errc` of `errc := make(…)`). */
function isDeclared(id: Node): boolean {
  const list = id.parent;
  return list?.type === 'expression_list' && list.parent?.type === 'short_var_declaration' && same(list.parent.childForFieldName('left'), list);
}

/**
 * The channel kept in a field of a struct the caller builds, whose type declares it receive-only
 * (`&dest{statusChannel: statusChannel}`, `statusChannel <-chan error`: containers/image's daemon
 * destination): nothing can send on it through the field.
 */
function keptForReceiving(id: Node, index: PackageIndex): boolean {
  const element = id.parent?.type === 'literal_element' ? id.parent.parent : undefined;
  if (element?.type !== 'keyed_element') return false;
  const key = element.namedChildren[0]?.text ?? '';
  const literal = ancestors(element).find((a) => a.type === 'composite_literal');
  const type = baseTypeName(literal?.childForFieldName('type')?.text ?? '');
  const field = /^\w+$/.test(type) ? index.fieldsOf(type).find((f) => f.name === key) : undefined;
  // The key names the field, not the variable.
  if (same(element.namedChildren[0]?.namedChild(0), id)) return !!field;
  return !!field && same(element.namedChildren[1]?.namedChild(0), id) && /^<-\s*chan\b/.test(field.type);
}

/** `cap(ch)`: a read of its capacity. */
function isCapOf(id: Node): boolean {
  const call = id.parent?.parent;
  return id.parent?.type === 'argument_list' && call?.type === 'call_expression' && /^(cap|len)$/.test(call.childForFieldName('function')?.text ?? '');
}
