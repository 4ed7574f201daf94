import type { FileContext } from '../../src/engine/types.js';
import { loopStatement } from '../../src/go/loops.js';
import { ancestors, same, statementsOf, type Node } from '../../src/go/syntax.js';
import { calledName } from '../../src/go/called-functions.js';
import { paramsOf, testingParameter } from '../../src/go/scope.js';
import { spawnedFunction, type Spawn } from './detect.js';
import { inTestCode } from '../../src/go/test-code.js';

// Goroutines the code itself says are meant to run together: in a benchmark or a test, in a
// function named for it, or under a comment saying so. A bound would change what they do.

/**
 * Why the code says the goroutines run together on purpose, if it does: the loop is in a
 * benchmark or in test code, in a function named for running at once, or under a comment that
 * says the goroutines all start at once or that a limit was left out.
 */
export function meantToRunTogether(spawn: Spawn, ctx: FileContext): string | undefined {
  const benchmark = benchmarkOf(spawn.go);
  if (benchmark) return `the loop is in ${benchmark}, where how many goroutines run at once is what it measures`;
  // `func Parallel(fs ...func() error) error`, `TestTokensGenerateConcurrently`: running them at once is the contract.
  const named = ancestors(spawn.go).filter((a) => a.type === 'function_declaration' || a.type === 'method_declaration').map((f) => f.childForFieldName('name')?.text ?? '').find((n) => /parallel|concurrent/i.test(n));
  if (named) return `the loop is in ${named}(), named for running its work at once: callers may count on every goroutine running together (work that meets, a test of concurrency)`;
  if (inTestCode(ctx.path)) {
    return "the loop is in test code: a test's goroutines are what it exercises, often meant to run together or to wait on each other (nodes joining a cluster, a count of calls in flight), and a bound could change what it tests or stall it";
  }
  const helper = testHelper(spawn, ctx);
  if (helper) {
    return `the loop is in test code (${helper}): a test's goroutines are what it exercises, often meant to run together or to wait on each other (acceptors waiting for channels opened after the loop), and a bound could change what it tests or stall it`;
  }
  const teardown = tearsDown(spawn);
  if (teardown) return `each goroutine shuts down the loop's item (${teardown}): a shutdown fanned out so that it takes as long as the slowest close, not their sum; bounded, it would run in rounds and could outlast its grace period, the later closes (a receiver still taking data) waiting on the earlier ones`;
  const said = commentSaying(spawn);
  if (said) return `the comment ${said} says the goroutines run together on purpose: a bound would queue those the author meant to start at once (calls sharing a deadline, work that meets)`;
  return undefined;
}

/** The benchmark a node is in (`func BenchmarkX(b *testing.B)`, or a helper given the `*testing.B`), by name. */
function benchmarkOf(node: Node): string | undefined {
  const top = ancestors(node).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
  const name = top?.childForFieldName('name')?.text;
  return name && /\*testing\.B\b/.test(top!.childForFieldName('parameters')?.text ?? '') ? `${name}()` : undefined;
}

/**
 * Words of a comment about starting everything at once, about leaving a limit out, or about
 * keeping slow ones from holding up the others ("we don't want individual slow subscribers to be
 * able to block others").
 */
const TOGETHER = /\b(all at once|at the same time|simultaneous(ly)?|(limit|bound|cap)(ing)?\s+(the\s+)?(max(imum)?\s+)?concurrency|unbounded|without (a )?limit|no limit|block(ing)? (the )?others|slow \w+ (to )?(be able to )?(block|hold up|delay) (the )?others)\b/i;

/**
 * A comment saying the goroutines start together on purpose: just above the loop (the comments
 * right before it) or inside it before the go statement. As written, e.g. `// … just blast out
 * all at once`.
 */
function commentSaying(spawn: Spawn): string | undefined {
  const loop = loopStatement(spawn.loop);
  const comments: Node[] = [];
  for (let prev = loop.previousNamedSibling; prev?.type === 'comment'; prev = prev.previousNamedSibling) comments.unshift(prev);
  comments.push(...loop.descendantsOfType('comment').filter((c) => c.endIndex <= spawn.go.startIndex && !inLiteral(c, loop)));
  const said = comments.find((c) => TOGETHER.test(c.text));
  return said ? `\`${said.text.trim()}\`` : undefined;
}

/** Whether a comment is inside a function literal within the loop (the goroutine's own code or another). */
function inLiteral(comment: Node, loop: Node): boolean {
  for (const a of ancestors(comment)) {
    if (same(a, loop)) return false;
    if (a.type === 'func_literal') return true;
  }
  return false;
}

/**
 * A test helper outside a `_test.go` file (a harness package): the function the loop is in, or
 * the package's function the goroutine runs (`go acceptChannel(h.T, true, acceptor)`), is given
 * a `*testing.T`. Which, e.g. `acceptChannel() is given t *testing.T`.
 */
function testHelper(spawn: Spawn, ctx: FileContext): string | undefined {
  const own = testingParameter(spawn.fn);
  if (own) return `${spawn.fn.childForFieldName('name')?.text ?? 'the function'}() is given ${own}`;
  const called = spawnedFunction(spawn.go);
  const named = called && called.type !== 'func_literal' ? calledName(called) : undefined;
  if (!named) return undefined;
  const decl = ctx.packageIndex().functionsNamed(named.name, named.method, (d) => /\btesting\.(T|TB|B)\b/.test(d)).find((f) => testingParameter(f));
  return decl ? `${named.name}() is given ${testingParameter(decl)}` : undefined;
}

/** Calls that shut something down (`Stop`, `Shutdown` and the like: stopsServer, wherever they are in the goroutine). */
const SHUTS_DOWN = /^(Close|Terminate)$/;

/**
 * A shutdown fanned out: the goroutine's first statement closes or stops the loop's item, the
 * literal's parameter or the range variable (`go func(c io.Closer) { c.Close(); wg.Done() }(closer)`,
 * `go c.Close()`: deepflow's closers on SIGTERM). A deferred close of what it works on is no
 * shutdown. The call, as written.
 */
function tearsDown(spawn: Spawn): string | undefined {
  const fn = spawnedFunction(spawn.go);
  const clause = spawn.loop.namedChildren.find((c) => c.type === 'range_clause');
  const items = new Set([...(clause?.childForFieldName('left')?.namedChildren ?? []).map((n) => n.text)]);
  let call: Node | undefined = spawn.go.type === 'go_statement' && fn?.type === 'selector_expression' ? fn.parent! : undefined;
  if (fn?.type === 'func_literal') {
    for (const p of paramsOf(fn)) items.add(p.name);
    const first = statementsOf(fn.childForFieldName('body')).find((st) => st.type !== 'comment' && st.type !== 'defer_statement');
    call = first && [first, ...first.descendantsOfType('call_expression')].find((n) => n.type === 'call_expression');
  }
  const callee = call?.childForFieldName('function');
  if (callee?.type !== 'selector_expression') return undefined;
  const [operand, field] = [callee.childForFieldName('operand')!.text, callee.childForFieldName('field')!.text];
  return items.has(operand) && SHUTS_DOWN.test(field) ? `${callee.text}()` : undefined;
}
