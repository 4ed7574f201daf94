import { declarationOf, positionalParams } from '../../../src/go/scope.js';
import { ancestors, enclosingFunction, FUNCTION_TYPES, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * Whether the call, or one it is chained on, is given one of the contexts (`rdb.Set(ctx,
 * k).Err()`), or is a method of a value made by such a call (`cmd.Run()`, with `cmd :=
 * exec.CommandContext(ctx, …)`: killed once the context is done).
 */
export function givesSource(call: Node, contexts: string[]): boolean {
  // Or given a closure that hands a context on (`safe.Call(func() { s.download(ctx, req) })`: the
  // error it returns reports that call's panic, Dragonfly's export).
  const handsOn = (arg: Node) => arg.type === 'func_literal' && arg.descendantsOfType('argument_list').some((list) => list.namedChildren.some((a) => contexts.includes(a.text)));
  const given = (c: Node) => chainedCalls(c).some((link) => link.childForFieldName('arguments')?.namedChildren.some((arg) => contexts.includes(arg.text) || handsOn(arg)));
  if (given(call)) return true;
  const operand = call.childForFieldName('function')?.childForFieldName('operand');
  const made = operand?.type === 'identifier' ? declarationOf(operand.text, call) : undefined;
  const value = made && 'local' in made && made.local.value ? unparen(made.local.value) : handedToLiteral(made);
  if (value?.type === 'call_expression' && (given(value) || wraps(value, given))) return true;
  // A field set so before, in a function around the call (`c.cmd = exec.CommandContext(ctx, …)`,
  // then `go func() { c.execCh <- c.cmd.Wait() }()`: litefs' exit status).
  if (operand?.type !== 'selector_expression') return false;
  return ancestors(call)
    .filter((a) => FUNCTION_TYPES.has(a.type))
    .some((fn) =>
      fn.descendantsOfType('assignment_statement').some((set) => {
        const right = set.childForFieldName('right')?.namedChildren[0];
        return set.startIndex < call.startIndex && set.childForFieldName('left')?.namedChildren[0]?.text === operand.text && right?.type === 'call_expression' && given(unparen(right));
      }),
    );
}

/** A call and those it is chained on: `rdb.Set(ctx, k, v).Err()` → the Err call, then the Set call. */
function chainedCalls(call: Node): Node[] {
  const out: Node[] = [];
  for (let c: Node | null = call; c?.type === 'call_expression'; ) {
    out.push(c);
    const fn: Node | null = c.childForFieldName('function');
    c = fn?.type === 'selector_expression' ? unparen(fn.childForFieldName('operand')!) : null;
  }
  return out;
}

/**
 * For a parameter of a function literal called where it is written (`go func(stream Stream) {…}(stream)`),
 * the value of the local handed to it (`stream := open(ctx)`): tetragon's multiplexer sent what a
 * stream made with ctx received.
 */
function handedToLiteral(made: ReturnType<typeof declarationOf>): Node | undefined {
  if (!made || !('param' in made) || made.param.fn.type !== 'func_literal') return undefined;
  const literal = made.param.fn;
  const call = literal.parent?.type === 'call_expression' && literal.parent.childForFieldName('function')?.id === literal.id ? literal.parent : undefined;
  const position = positionalParams(literal).indexOf(made.param.name);
  const arg = call?.childForFieldName('arguments')?.namedChildren[position];
  const local = arg?.type === 'identifier' ? declarationOf(arg.text, call!) : undefined;
  if (!local || !('local' in local)) return undefined;
  if (local.local.value) return unparen(local.local.value);
  // Or declared bare and assigned a call's result before (\`var stream T\`, then \`stream, err =
  // client.GetEvents(ctx, …)\` in a retry loop: tetragon's multiplexer as it is now).
  const scope = enclosingFunction(local.local.decl);
  const sets = (scope?.descendantsOfType('assignment_statement') ?? []).filter((set) => set.startIndex > local.local.decl.endIndex && set.endIndex < call!.startIndex && set.childForFieldName('left')?.namedChildren[0]?.text === arg!.text);
  const right = sets.at(-1)?.childForFieldName('right')?.namedChildren;
  return right?.length === 1 && unparen(right[0]).type === 'call_expression' ? unparen(right[0]) : undefined;
}

/**
 * A call wrapping a value made by a call given ctx (`r := bufio.NewReader(body)`, `body, err :=
 * req.Stream(ctx)`): what it reads ends with ctx too (emissary's pod logs).
 */
function wraps(call: Node, given: (c: Node) => boolean): boolean {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some((arg) => {
    const made = arg.type === 'identifier' ? declarationOf(arg.text, call) : undefined;
    const value = made && 'local' in made && made.local.value ? unparen(made.local.value) : undefined;
    return value?.type === 'call_expression' && given(value);
  });
}

/**
 * The stream whose error an `if p.Err != nil` tests, when `p` is an item of a range over what a call
 * given one of the contexts hands back (`for p := range pinning.RecursiveKeys(ctx, false)`): that
 * item carries the stream's failure, a done context's among them (kubo's pin verify, whose error
 * report a select on ctx dropped, the stream then seen as a clean end). The call as written.
 */
export function streamFailureTested(ifStmt: Node, contexts: string[]): string | undefined {
  const tested = /^(\w+)\.\w*Err\w*!=nil$/.exec(ifStmt.childForFieldName('condition')?.text.replace(/\s/g, '') ?? '')?.[1];
  const found = tested ? declarationOf(tested, ifStmt) : undefined;
  const range = found && 'local' in found && found.local.decl.type === 'range_clause' ? found.local.decl : undefined;
  const stream = range?.childForFieldName('right');
  return stream && unparen(stream).type === 'call_expression' && givesSource(unparen(stream), contexts) ? `${stream.text.split('\n')[0]}'s stream` : undefined;
}
