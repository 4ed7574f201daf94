import { enclosingFunction, same, type Node } from '../../../src/go/syntax.js';
import { mostSends, mostSendsPerIteration } from '../../../src/go/send-paths.js';
import { loopShape, loopsBetween } from '../../../src/go/loops.js';
import { startedOnce } from '../../../src/go/result-channel.js';

/**
 * The most values the sends can put in the channel: each goroutine started once (no loop between
 * it and the channel's declaration repeats it) counts the most sends any path through it makes,
 * and each send outside goroutines and closures counts one, unless a loop repeats it. Sends that
 * all lie in one loop of a constant count, itself run once (\`for i := 0; i < 10; i++\` starting
 * two goroutines that send at most once each), count that many times the most one iteration
 * makes. A local closure called by name (\`copy := func(a, b net.Conn) { …; errc <- err }\`, then
 * \`go copy(x, y)\` and \`go copy(y, x)\`) counts the most one call makes, times its calls, when
 * no loop repeats them. Infinity when there is no such bound.
 */
export function sendsAtMost(sends: Node[], decl: Node, chan: string, source: string): number {
  const literals = new Map<number, Node>();
  const times = new Map<number, number>();
  let outside = 0;
  for (const send of sends) {
    const literal = runningIn(send);
    const call = literal?.parent;
    const started = literal?.type === 'func_literal' && call?.type === 'call_expression' && call.parent?.type === 'go_statement';
    const calls = literal?.type === 'func_literal' && !started ? callsByName(literal, decl) : undefined;
    if (calls) (literals.set(literal!.id, literal!), times.set(literal!.id, calls));
    else if (started && startedOnce(literal, decl)) literals.set(literal.id, literal);
    // A loop repeats it, or a closure that may be called any number of times holds it.
    else if (started || literal?.type === 'func_literal' || loopsBetween(send, decl).length > 0) return inOneCountedLoop(sends, decl, chan, source);
    else outside++;
  }
  return [...literals.values()].reduce((n, literal) => n + (times.get(literal.id) ?? 1) * mostSends(literal.childForFieldName('body')!, chan), outside);
}

/** The function a send runs in once per call: through \`defer func() { … }()\`, the one deferring it. */
function runningIn(send: Node): Node | undefined {
  let fn = enclosingFunction(send);
  while (fn?.type === 'func_literal' && fn.parent?.type === 'call_expression' && same(fn.parent.childForFieldName('function'), fn) && fn.parent.parent?.type === 'defer_statement') fn = enclosingFunction(fn);
  return fn;
}

/** Whether the send is in a closure whose calls by name \`callsByName\` counts (sendsAtMost counts them). */
export function calledByName(send: Node, decl: Node): boolean {
  const literal = runningIn(send);
  return literal?.type === 'func_literal' && callsByName(literal, decl) !== undefined;
}

/**
 * How many times a closure declared alone (\`name := func(…) { … }\`) in the function that made the
 * channel runs: its calls (\`closureCalls\`), none of them inside a loop. Undefined otherwise.
 */
function callsByName(literal: Node, decl: Node): number | undefined {
  const scope = enclosingFunction(decl);
  const calls = scope && closureCalls(literal, scope);
  return calls && calls.length > 0 && calls.every((call) => loopsBetween(call, decl).length === 0) ? calls.length : undefined;
}

/**
 * The calls of a closure declared alone in \`scope\` (\`worker := func() { … }\`), when its name is
 * used only as the callee of calls standing as statements there (\`go worker()\`, \`worker()\`), not
 * in another closure: every run it gets. Undefined otherwise.
 */
export function closureCalls(literal: Node, scope: Node): Node[] | undefined {
  const list = literal.parent;
  const declaration = list?.type === 'expression_list' ? list.parent : undefined;
  const names = declaration?.type === 'short_var_declaration' ? declaration.childForFieldName('left')!.namedChildren : [];
  if (names.length !== 1 || list!.namedChildren.length !== 1 || !same(enclosingFunction(declaration!), scope)) return undefined;
  const calls: Node[] = [];
  for (const id of scope.descendantsOfType('identifier')) {
    if (id.text !== names[0].text || same(id, names[0])) continue;
    const call = id.parent;
    const statement = call?.type === 'call_expression' && same(call.childForFieldName('function'), id) ? call.parent : undefined;
    if ((statement?.type !== 'go_statement' && statement?.type !== 'expression_statement') || !same(enclosingFunction(call!), scope)) return undefined;
    calls.push(call!);
  }
  return calls;
}

/** The most values sends all inside one loop run a constant number of times can put in the channel, else Infinity. */
function inOneCountedLoop(sends: Node[], decl: Node, chan: string, source: string): number {
  const outermost = (s: Node) => loopsBetween(s, decl).at(-1);
  const loop = sends.length > 0 ? outermost(sends[0]) : undefined;
  if (!loop || !sends.every((s) => same(outermost(s), loop))) return Infinity;
  // Run once: in the function that made the channel, not a closure that may run again.
  if (!same(enclosingFunction(loop), enclosingFunction(decl))) return Infinity;
  const count = constantCount(loop, source);
  const body = loop.childForFieldName('body');
  return count === undefined || !body ? Infinity : count * mostSendsPerIteration(body, chan);
}

/**
 * How many times a loop runs when that is a constant written in it: \`for i := 0; i < 10; i++\`
 * (the counter set nowhere else), \`for range 10\`, \`for i := range 10\`.
 */
function constantCount(loop: Node, source: string): number | undefined {
  const shape = loopShape(loop);
  const n = shape.over?.type === 'int_literal' ? Number(shape.over.text.replace(/_/g, '')) : NaN;
  if (!Number.isSafeInteger(n)) return undefined;
  if (shape.kind === 'range') return n;
  if (shape.kind !== 'counted') return undefined;
  const clause = loop.namedChildren.find((c) => c.type === 'for_clause')!;
  const [init, cond, update] = ['initializer', 'condition', 'update'].map((f) => clause.childForFieldName(f));
  const counter = shape.variables.length === 1 ? shape.variables[0] : undefined;
  const from = init?.childForFieldName('right')?.namedChildren;
  if (!counter || from?.length !== 1 || !/^(u?int(8|16|32|64)?\()?0\)?$/.test(from[0].text.replace(/\s/g, ''))) return undefined;
  if (cond?.childForFieldName('left')?.text !== counter || cond.childForFieldName('operator')?.text !== '<') return undefined;
  if (update?.type !== 'inc_statement' || update.namedChild(0)?.text !== counter) return undefined;
  // The counter changed in the body would make it run other than n times.
  const body = loop.childForFieldName('body')!;
  return new RegExp(`(?<![\\w.])${counter}\\s*([-+*/%&|^]|<<|>>|&\\^)?=[^=]|(?<![\\w.])${counter}\\s*(\\+\\+|--)|&${counter}\\b`).test(source.slice(body.startIndex, body.endIndex)) ? undefined : n;
}
