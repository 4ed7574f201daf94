import { compacted, contains, enclosingFunction, normalized, same, unparen, type Node } from '../../../src/go/syntax.js';
import { mostSends, mostSendsPerIteration } from '../../../src/go/send-paths.js';
import { declarationOf, isLocalOf, isReassigned } from '../../../src/go/scope.js';
import { loopsBetween } from '../../../src/go/loops.js';
import { identifiersNamed, sendStatements } from '../../../src/go/find-by-text.js';
import { prefilled, sentFirst, sentRightAfterMake } from './prefilled.js';
import { calledByName, closureCalls, sendsAtMost } from './sends-at-most.js';
import { assignedMake } from './assigned-make.js';
import { receiverFieldMake } from './receiver-field-make.js';
import { awaitedInTurn } from './awaited-in-turn.js';

/**
 * True when a send provably never blocks: the channel is made in this function with a capacity
 * that covers every send on it —
 *  - a constant capacity ≥ the number of sends, none of them repeated by a loop, or
 *  - capacity `n` and every send inside one loop that runs exactly n times
 *    (`for i := 0; i < n; i++`, `for range n`), once per iteration, or
 *  - capacity `len(xs)` and every send inside one `for … range xs` loop, once per iteration
 *    (one send, or one goroutine started per iteration that sends once on each of its paths), or
 *    inside a callback that a call named for running it on each element is handed with xs
 *    (`concurrency.ForEach(ctx, jobs, n, func(…) error { … })`), once on each of its paths.
 */
export function sendCannotBlock(send: Node, outerFn: Node, source: string, packageTexts?: () => string[]): boolean {
  // Most channels are made elsewhere: no make(chan…) here, nothing to prove.
  const text = source.slice(outerFn.startIndex, outerFn.endIndex);
  if (!MAKE_CHAN.test(text)) return false;
  // A goto back may run a send again without a loop: no count holds.
  if (jumpsBack(text)) return false;
  const chan = unparen(send.childForFieldName('channel')!);
  if (sentRightAfterMake(send, chan.text)) return true;
  const key = normalized(chan);
  const made = chan.type === 'identifier' ? findLocalMake(send, chan.text, source) : (findMake(chan, outerFn, source) ?? (packageTexts && receiverFieldMake(chan, outerFn, packageTexts)));
  if (!made) return false;
  const capNode = countBehind(made.arguments[1], outerFn, source);
  if (!capNode) return false;
  if (prefilled(send, made.decl, chan.text, capNode, (loop, count) => loopRunsExactly(loop, count, source, chan.text))) return true;
  if (sentFirst(send, made.decl, chan.text, capNode)) return true;
  const sends = sendStatements(made.scope, source).filter((s) => normalized(unparen(s.childForFieldName('channel')!)) === key && made.declares(s));
  const loopsOf = (s: Node) => loopsBetween(s, made.decl);

  const number = countBehind(capNode, outerFn, source, true)!;
  if (number.type === 'int_literal') {
    const cap = Number(number.text.replace(/_/g, ''));
    if (!Number.isFinite(cap)) return false;
    if (same(number, capNode) && cap >= sends.length && sends.every((s) => loopsOf(s).length === 0 && !calledByName(s, made.decl))) return true;
    // Sends on paths that exclude each other (`if err != nil { p.svcs <- svc; return p, nil }`,
    // then `p.svcs <- svc`: kitex's IDL providers), counted along the function's paths.
    const body = made.scope.childForFieldName('body');
    // Goroutines started on a path count what they send (`if err := cmd.Start(); err != nil { ch <- err;
    // return ch }`, then `go func() { ch <- cmd.Wait() }()`: waypoint's child process), with no continue to misread.
    if (body && sends.every((s) => loopsOf(s).length === 0) && cap >= Math.min(mostSends(body, chan.text), /\bcontinue\b/.test(body.text) ? Infinity : mostSendsPerIteration(body, chan.text))) return true;
    // Sends in goroutines each started once (`go func() { … }()`): the most any path through
    // each makes, added up, with the sends outside them that no loop repeats.
    if (cap >= sendsAtMost(sends, made.decl, chan.text, source)) return true;
    if (awaitedInTurn(sends, made.decl, key, cap)) return true;
    // Else one per iteration of a loop running that many times (`for w := 0; w < 100; w++`).
  }
  if (sentOncePerElement(sends, capNode, made.decl, chan.text) && !capNames(capNode).some((id) => isReassigned(outerFn, source, id.text, made.decl.endIndex))) return true;
  // One send per iteration of exactly one loop whose trip count is the capacity expression: a
  // single send, or those of one goroutine started per iteration, one on each path through it.
  const perIteration = sends.length === 1 ? sends[0] : goroutineSendingOnce(sends, chan.text);
  // Or sends in one loop, at most one per iteration: a fast path that sends and continues, else
  // a goroutine that sends once (`ch <- cached; continue` … `go func() { ch <- query() }()`).
  const shared = perIteration ? undefined : oneLoopSendingOnce(sends, made.decl, chan.text);
  if (!perIteration && !shared) return false;
  // A send in a local closure started by name (`worker := func() { …; partials <- partial }`,
  // then `go worker()` in a loop): counted where it is called.
  const site = perIteration && closureCallSite(perIteration, chan.text, made.scope);
  if (perIteration && !site && !runOncePerCall(perIteration, made.decl)) return false;
  let loops = perIteration ? loopsOf(site ?? perIteration) : [shared!];
  // A worker's own loop whose send returns (`for g := range groups { …; errc <- err; return }`):
  // the goroutine still sends once at most.
  const literal = perIteration && enclosingFunction(perIteration);
  if (literal?.type === 'func_literal' && loops.length > 1 && mostSends(literal.childForFieldName('body')!, chan.text) <= 1) {
    loops = loops.filter((l) => !contains(literal, l));
  }
  if (loops.length !== 1) return false;
  const loop = loops[0];
  // The names the capacity is computed from keep their values once it is made (`n`, `xs` of
  // `len(xs)`, `n` of `n+1`).
  // Until the loop ends: a count brought down after it (`workers--` as each reports) changes nothing.
  if (capNames(capNode).some((id) => isReassigned(outerFn, source, id.text, made.decl.endIndex, loop.endIndex))) return false;
  return loopRunsExactly(loop, capNode, source, chan.text);
}

const MAKE_CHAN = /\bmake\s*\(\s*chan\b/;

/** A `goto` to a label written before it (`again:` … `goto again`). */
function jumpsBack(text: string): boolean {
  for (const m of text.matchAll(/\bgoto\s+(\w+)/g)) {
    const label = new RegExp(`^\\s*${m[1]}\\s*:(?!=)`, 'm').exec(text);
    if (label && label.index < m.index!) return true;
  }
  return false;
}

/**
 * The count a capacity stands for: `len(pods)` (and, with `numbers`, `2`) for `n`, after `n :=
 * len(pods)` (`const n = 2`), never assigned again (one slot per goroutine); else the capacity.
 */
export function countBehind(capNode: Node | undefined, outerFn: Node, source: string, numbers = false): Node | undefined {
  if (capNode?.type !== 'identifier') return capNode;
  const found = declarationOf(capNode.text, capNode);
  const local = found && 'local' in found ? found.local : undefined;
  if (!local?.value || !(numbers ? /^len\(|^\d+$/ : /^len\(/).test(local.value.text) || isReassigned(outerFn, source, capNode.text, local.decl.endIndex)) return capNode;
  return local.value;
}

/** The names a capacity is computed from (`n`, `xs` of `len(xs)`, `n` of `n+1`): they must keep their values once it is made. */
function capNames(capNode: Node): Node[] {
  return capNode.type === 'identifier' ? [capNode] : capNode.descendantsOfType('identifier');
}

/**
 * Capacity `len(xs)` and every send in one function literal handed, with `xs`, to a call named
 * for running it on each element (`ForEach`, `forEachJob`), once: at most one send on each path
 * through the literal, so one per element.
 */
function sentOncePerElement(sends: Node[], capNode: Node, decl: Node, chan: string): boolean {
  const counted = capNode.type === 'call_expression' && capNode.childForFieldName('function')?.text === 'len' ? capNode.childForFieldName('arguments')?.namedChildren : undefined;
  if (counted?.length !== 1 || sends.length === 0) return false;
  const literal = enclosingFunction(sends[0]);
  const call = literal?.type === 'func_literal' && literal.parent?.type === 'argument_list' ? literal.parent.parent : undefined;
  if (!call || !/(^|\.)[Ff]orEach\w*$/.test(call.childForFieldName('function')?.text ?? '')) return false;
  if (!literal!.parent!.namedChildren.some((arg) => arg.text === counted[0].text)) return false;
  if (sends.some((s) => !same(enclosingFunction(s), literal))) return false;
  return mostSends(literal!.childForFieldName('body')!, chan) <= 1 && loopsBetween(call, decl).length === 0;
}

interface Make {
  decl: Node;
  arguments: Node[];
  /** The function to look for sends in. */
  scope: Node;
  /** Whether a send on the same text is on this channel (not one of the same name declared elsewhere). */
  declares: (send: Node) => boolean;
}

/**
 * The `make(chan …, cap)` that declares the local a send names (the declaration in scope at the
 * send: two subtests may each make their own), never assigned again, or its one assignment.
 */
function findLocalMake(send: Node, name: string, source: string): Make | undefined {
  const found = declarationOf(name, send);
  if (!found || !('local' in found)) return undefined;
  const { decl, value } = found.local;
  const scope = enclosingFunction(decl);
  const assigned = !value && scope ? assignedMake(send, name, scope, source) : undefined;
  const args = makeArgs(assigned ? unparen(assigned.childForFieldName('right')!.namedChildren[0]) : (value ?? undefined));
  if (!scope || !args || (!assigned && isReassigned(scope, source, name, 0, Infinity, decl))) return undefined;
  return { decl: assigned ?? decl, arguments: args, scope, declares: (s) => isLocalOf(name, s, decl) };
}

/** The single `make(chan …, cap)` that defines the field `chan` in outerFn (a struct-literal field of a local). */
function findMake(chan: Node, outerFn: Node, source: string): Make | undefined {
  const makes: Omit<Make, 'scope' | 'declares'>[] = [];
  if (chan.type === 'selector_expression') {
    // x.A.B: x := T{A: U{B: make(...)}} (or &T{…}), nested literals followed key by key.
    const path = selectorPath(chan);
    if (!path) return undefined;
    const [root, ...fields] = path;
    for (const decl of declarationsOf(outerFn, source, root)) {
      const left = decl.childForFieldName('left')!.namedChildren;
      const right = decl.childForFieldName('right')?.namedChildren ?? [];
      left.forEach((id, i) => {
        if (id.text !== root || !right[i]) return;
        const value = literalField(right[i], fields);
        if (value) makes.push({ decl, arguments: makeArgs(value) ?? [] });
      });
    }
    // Any assignment to the variable or to a field on the path voids the analysis.
    const prefixes = fields.map((_, i) => [root, ...fields.slice(0, i + 1)].join('.'));
    for (const id of identifiersNamed(outerFn, source, root)) {
      // The whole target the name starts (`x`, `x.A`, `x.A.B`…), when it is assigned to.
      let target = id;
      while (target.parent?.type === 'selector_expression' && same(target.parent.childForFieldName('operand'), target)) target = target.parent;
      const list = target.parent;
      if (list?.type !== 'expression_list' || list.parent?.type !== 'assignment_statement' || !same(list.parent.childForFieldName('left'), list)) continue;
      const t = normalized(target);
      if (t === root || prefixes.includes(t)) return undefined;
    }
  }
  if (makes.length !== 1 || makes[0].arguments.length === 0) return undefined;
  return { ...makes[0], scope: outerFn, declares: () => true };
}

/** Short variable declarations in scope that declare `name`, in order, once each. */
function declarationsOf(scope: Node, source: string, name: string): Node[] {
  const out: Node[] = [];
  for (const id of identifiersNamed(scope, source, name)) {
    const p = id.parent;
    const decl = p?.type === 'expression_list' && p.parent?.type === 'short_var_declaration' && same(p.parent.childForFieldName('left'), p) ? p.parent : undefined;
    if (decl && !out.some((d) => same(d, decl))) out.push(decl);
  }
  return out;
}

/** `x.A.B` → ['x', 'A', 'B'] when it is a plain chain of names. */
function selectorPath(node: Node): string[] | undefined {
  if (node.type === 'identifier') return [node.text];
  if (node.type !== 'selector_expression') return undefined;
  const head = selectorPath(unparen(node.childForFieldName('operand')!));
  return head ? [...head, node.childForFieldName('field')!.text] : undefined;
}

/** In a (possibly &-taken) composite literal, the value at the nested keys, or undefined. */
function literalField(expr: Node, keys: string[]): Node | undefined {
  let value: Node | undefined = unparen(expr);
  for (const key of keys) {
    if (value.type === 'unary_expression' && value.childForFieldName('operator')?.text === '&') value = unparen(value.childForFieldName('operand')!);
    // T{…} has its elements in a body; an elided inner literal {…} is the body itself.
    const body: Node | null = value.type === 'composite_literal' ? value.childForFieldName('body') : value.type === 'literal_value' ? value : null;
    const element: Node | undefined = body?.namedChildren.find((el) => el.type === 'keyed_element' && el.namedChildren[0]?.text === key);
    const v: Node | undefined = element?.namedChildren[1];
    if (!v) return undefined;
    value = unparen(v.type === 'literal_element' && v.namedChild(0) ? v.namedChild(0)! : v);
  }
  return value;
}

/** Arguments of a `make(chan T, …)` call, or undefined for anything else. */
function makeArgs(expr: Node | undefined): Node[] | undefined {
  if (!expr) return undefined;
  const call = unparen(expr);
  if (call.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'make') return undefined;
  const args = call.childForFieldName('arguments')!.namedChildren;
  if (args[0]?.type !== 'channel_type') return undefined;
  return args;
}

/**
 * Whether each function literal between node and the declaration runs once where it is written:
 * called there (`go func() { … }()`, `defer func() { … }()`), or handed to a WaitGroup's or
 * group's `Go`. Another closure (a retry helper's callback) may run any number of times.
 */
function runOncePerCall(node: Node, decl: Node): boolean {
  const top = enclosingFunction(decl);
  for (let fn = enclosingFunction(node); fn && !same(fn, top); fn = enclosingFunction(fn)) {
    if (fn.type !== 'func_literal') return false;
    const call = fn.parent?.type === 'argument_list' ? fn.parent.parent : fn.parent;
    const started = call?.type === 'call_expression' && (same(call.childForFieldName('function'), fn) || /\.Go$/.test(call.childForFieldName('function')?.text ?? ''));
    if (!started) return false;
  }
  return true;
}

/**
 * The one call of the local closure a send is in (\`worker := func() { … }\`, called only as \`go
 * worker()\` or \`worker()\`, in the function that made the channel), when the closure sends at
 * most once on any path.
 */
function closureCallSite(send: Node, chan: string, scope: Node): Node | undefined {
  const literal = enclosingFunction(send);
  if (literal?.type !== 'func_literal' || mostSends(literal.childForFieldName('body')!, chan) > 1) return undefined;
  const calls = closureCalls(literal, scope);
  return calls?.length === 1 ? calls[0] : undefined;
}

/**
 * The one loop every send is in (no other loop between them and the channel's declaration, each
 * send in the loop's own code or a goroutine it starts), whose iterations make at most one send
 * whatever path they take.
 */
function oneLoopSendingOnce(sends: Node[], decl: Node, chan: string): Node | undefined {
  const loops = sends.map((s) => loopsBetween(s, decl));
  const loop = loops[0]?.length === 1 ? loops[0][0] : undefined;
  if (!loop || !loops.every((l) => l.length === 1 && same(l[0], loop))) return undefined;
  if (!sends.every((s) => same(enclosingFunction(s), enclosingFunction(loop)) || goroutineOf(s, loop))) return undefined;
  return mostSendsPerIteration(loop.childForFieldName('body')!, chan) <= 1 ? loop : undefined;
}

/** Whether the send is in a `go func() { … }()` statement of the loop's own body. */
function goroutineOf(send: Node, loop: Node): boolean {
  const literal = enclosingFunction(send);
  const go = literal?.type === 'func_literal' ? literal.parent?.parent : undefined;
  return go?.type === 'go_statement' && same(enclosingFunction(go), enclosingFunction(loop));
}

/** The function literal of `go func() { … }(…)` holding every send, which makes at most one send whatever path it takes. */
function goroutineSendingOnce(sends: Node[], chan: string): Node | undefined {
  const literal = goroutineHolding(sends);
  return literal && mostSends(literal.childForFieldName('body')!, chan) <= 1 ? literal : undefined;
}

/** The function literal of `go func() { … }(…)` in which every send is made. */
function goroutineHolding(sends: Node[]): Node | undefined {
  const literal = enclosingFunction(sends[0]);
  const call = literal?.parent;
  if (literal?.type !== 'func_literal' || call?.type !== 'call_expression' || call.parent?.type !== 'go_statement') return undefined;
  return sends.every((s) => same(enclosingFunction(s), literal)) ? literal : undefined;
}


/**
 * True when loop runs exactly `count` times: `for i := 0; i < count; i++` (or `i <= n` with count
 * `n+1`, `i := 1; i <= count`), `for range count`, `for … range xs` with count `len(xs)` (or
 * `xs.Len()`, a set's size).
 */
export function loopRunsExactly(loop: Node, count: Node, source: string, chan?: string): boolean {
  const body = loop.childForFieldName('body');
  const clause = loop.namedChildren.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
  if (!clause || !body) return false;
  const countText = compacted(count);
  if (clause.type === 'range_clause') {
    const right = clause.childForFieldName('right');
    if (!right) return false;
    if (compacted(right) === countText) return true; // for range n
    if (count.type === 'call_expression' && count.childForFieldName('function')?.text === 'len') {
      const arg = count.childForFieldName('arguments')!.namedChildren;
      return arg.length === 1 && compacted(arg[0]) === compacted(right);
    }
    // `dests.Len()` of a set ranged over as `for dest := range dests`.
    const callee = count.type === 'call_expression' ? count.childForFieldName('function') : undefined;
    if (callee?.type === 'selector_expression' && callee.childForFieldName('field')?.text === 'Len' && count.childForFieldName('arguments')!.namedChildren.length === 0) {
      return compacted(callee.childForFieldName('operand')!) === compacted(right);
    }
    return false;
  }
  const init = clause.childForFieldName('initializer');
  const cond = clause.childForFieldName('condition');
  const update = clause.childForFieldName('update');
  if (!init || !cond || !update || init.type !== 'short_var_declaration') return false;
  const iv = init.childForFieldName('left')!.namedChildren;
  const i0 = init.childForFieldName('right')!.namedChildren;
  if (iv.length !== 1 || i0.length !== 1) return false;
  const i = iv[0].text;
  if (cond.type !== 'binary_expression' || cond.childForFieldName('left')?.text !== i) return false;
  // The start may be typed (`i := uint(0); i < limit`: tidb's worker pool).
  const from = i0[0].text.replace(/^u?int(?:8|16|32|64)?\(\s*(\d+)\s*\)$/, '$1');
  const [op, bound] = [cond.childForFieldName('operator')?.text, compacted(cond.childForFieldName('right')!)];
  // Or the channel's own capacity (`for i := 0; i < cap(requests); i++`: nomad-pack's region fetches).
  const capacity = chan && `cap(${chan.replace(/\s/g, '')})`;
  const runs =
    (from === '0' && op === '<' && (bound === countText || bound === capacity)) ||
    (from === '1' && op === '<=' && bound === countText) ||
    (from === '0' && op === '<=' && plusOne(count) === bound);
  if (!runs) return false;
  if (update.type !== 'inc_statement' || update.namedChild(0)?.text !== i) return false;
  return !isReassigned(body, source, i, 0);
}

/** `n` for a count written `n + 1` (or `1 + n`), else undefined. */
function plusOne(count: Node): string | undefined {
  if (count.type !== 'binary_expression' || count.childForFieldName('operator')?.text !== '+') return undefined;
  const [left, right] = [count.childForFieldName('left')!, count.childForFieldName('right')!];
  if (right.text === '1') return compacted(left);
  if (left.text === '1') return compacted(right);
  return undefined;
}
