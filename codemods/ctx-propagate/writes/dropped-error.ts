import { calledName } from '../../../src/go/called-functions.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { resultsOf } from '../../../src/go/scope.js';
import { ancestors, enclosingFunction, isLogStatement, nextStatement, same, statementsOf, type Node } from '../../../src/go/syntax.js';

/** How many contexts made one from the other (`context.WithCancel(…)`, then `WithTimeout` of that) are followed. */
const DERIVED_DEPTH = 3;

/**
 * A gate the code must pass, given a context: a rate limiter's `Wait`/`WaitN`, a semaphore's
 * `Acquire`, a lock taken with a context. Once the context is done (or its deadline too near for
 * the wait), it returns an error at once rather than wait.
 */
const GATE = /^(Wait|WaitN|[Aa]cquire\w*|(?!(?:[Uu]n|[Rr]e)lock)\w*[Ll]ock(Context|Ctx)?)$/;

/**
 * A call handed the empty context, or a context made from it (`ctx, cancel :=
 * context.WithCancel(context.TODO())`, then `cands.send(ctx, …)`), whose result is dropped (a
 * statement of its own, or assigned to `_`), when it returns an error: a function or method of the
 * package declared so, or a function-typed field or variable so typed (`send func(…) error`).
 * Given the context in scope, the call returns early with an error once that context is done, and
 * the function goes on as if it had run to the end: perkeep's search Query returned 255 of 5000
 * results as a success once the request's deadline passed. With `gates`, a gate of any package
 * instead (`cs.publishLimiter.Wait(…)`), whose dropped error lets the code go on without waiting:
 * coder/websocket's chat published past its rate limiter; or only logged. The reason, or undefined.
 */
export function droppedErrorReason(call: Node, source: CancellationSource, index: PackageIndex, pkg: string, gates = false): string | undefined {
  for (const { target, via } of handedTo(call, pkg)) {
    const fn = target.childForFieldName('function')!;
    const named = calledName(fn);
    if (!named) continue;
    // A gate's error only logged lets the code go on as well (rclone's per-file bandwidth limit).
    const logged = gates && GATE.test(named.name) && !resultDropped(target) && errorOnlyLogged(target);
    if (!resultDropped(target) && !logged) continue;
    const where = [...ancestors(target)].filter((a) => a.type === 'function_declaration' || a.type === 'method_declaration').pop()?.childForFieldName('name')?.text ?? 'the function';
    const written = via ? `${fn.text}(${via}, …)` : `${fn.text}(…)`;
    const given = via ? '' : `given ${source.expr}, `;
    const done = via ? source.expr : 'that';
    if (gates && GATE.test(named.name)) {
      return `${written}'s error is ${logged ? 'only logged' : 'dropped'}: ${given}once ${done} is done, or its deadline too near to wait that long, ${named.name} returns an error at once, and ${where} goes on without waiting: the limit it enforces is bypassed`;
    }
    if (!gates && returnsError(named, index)) {
      return `${written}'s error is dropped: ${given}once ${done} is done it returns early, and ${where} goes on as if it had run to the end: results cut short, reported as a success`;
    }
  }
  return undefined;
}

/**
 * The calls the empty context reaches: the one it is an argument of, or, when that makes a new
 * context (`ctx, cancel := context.WithCancel(context.TODO())`), the later calls of the function
 * given the one made, with its name (`via`), and so on for contexts made from that.
 */
function handedTo(call: Node, pkg: string): { target: Node; via?: string }[] {
  const out: { target: Node; via?: string }[] = [];
  let level: { target: Node; via?: string }[] = [];
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  if (given?.type === 'call_expression') level.push({ target: given });
  const derive = new RegExp(`^${regexEscaped(pkg)}\\.With\\w+$`);
  for (let depth = 0; depth <= DERIVED_DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const item of level) {
      if (!derive.test(item.target.childForFieldName('function')?.text ?? '')) {
        out.push(item);
        continue;
      }
      const made = madeBy(item.target);
      const fn = made && enclosingFunction(item.target);
      if (!made || !fn) continue;
      const stmt = made.parent!.parent!;
      for (const c of fn.descendantsOfType('call_expression')) {
        if (c.startIndex < stmt.endIndex || same(c, item.target)) continue;
        if ((c.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.type === 'identifier' && a.text === made.text)) next.push({ target: c, via: made.text });
      }
    }
    level = next;
  }
  return out;
}

/** The variable a context constructor's result is stored in (`ctx` of `ctx, cancel := context.WithCancel(…)`). */
function madeBy(ctor: Node): Node | undefined {
  const holder = ctor.parent?.type === 'expression_list' ? ctor.parent.parent : undefined;
  if (holder?.type !== 'short_var_declaration' && holder?.type !== 'assignment_statement') return undefined;
  const left = holder.childForFieldName('left')?.namedChildren[0];
  return left?.type === 'identifier' && left.text !== '_' ? left : undefined;
}

/** Whether the call's results are dropped: a statement of its own (`cands.send(ctx, …)`), or assigned to blanks alone (`_ = lim.Wait(ctx)`). */
export function resultDropped(target: Node): boolean {
  if (target.parent?.type === 'expression_statement') return true;
  const holder = target.parent?.type === 'expression_list' ? target.parent.parent : undefined;
  if (holder?.type !== 'assignment_statement' || holder.childForFieldName('right')?.namedChildCount !== 1) return false;
  return (holder.childForFieldName('left')?.namedChildren ?? []).every((n) => n.text === '_');
}

/**
 * Whether the call's only result, an error, is kept (`err := lim.WaitN(ctx, n)`, or in an if's
 * initializer) and its check does nothing but log it (`if err != nil { fs.Errorf(…) }`): the
 * code after goes on as if it had waited.
 */
function errorOnlyLogged(target: Node): boolean {
  const holder = target.parent?.type === 'expression_list' ? target.parent.parent : undefined;
  if (holder?.type !== 'short_var_declaration' && holder?.type !== 'assignment_statement') return false;
  const left = holder.childForFieldName('left')?.namedChildren ?? [];
  const err = left.length === 1 && left[0].type === 'identifier' && left[0].text !== '_' ? left[0] : undefined;
  if (!err) return false;
  // `if err := lim.Wait(ctx); err != nil {…}`, or the statement after `err := lim.Wait(ctx)`.
  const check = holder.parent?.type === 'if_statement' ? holder.parent : nextStatement(holder);
  if (check?.type !== 'if_statement' || check.childForFieldName('alternative')) return false;
  if (!new RegExp(`^\\(?\\s*${err.text}\\s*!=\\s*nil\\s*\\)?$`).test(check.childForFieldName('condition')?.text ?? '')) return false;
  return statementsOf(check.childForFieldName('consequence')).every(isLogStatement);
}

/**
 * Whether the function a call names returns an error, as the package declares it: its functions
 * or methods of the name, or a function-typed field or variable of the name (`send
 * func(context.Context, func(BlobMeta) bool) error`). False when the package does not say.
 */
function returnsError(named: { name: string; method: boolean }, index: PackageIndex): boolean {
  const declared = index.functionsNamed(named.name, named.method);
  if (declared.length > 0) return declared.some((d) => resultsOf(d).some((r) => r.typeNode.text === 'error'));
  const typed = new RegExp(`^\\s*(?:var\\s+)?${regexEscaped(named.name)}\\s+func\\s*\\([^\\n]*\\)\\s*(?:error|\\([^\\n]*\\berror\\))\\s*(?://.*)?$`, 'm');
  return index.anyTextMatches(typed);
}
