import { nameWords } from '../../../src/go/name-words.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';

/** A callee named for making something that lasts: `auth.NewOAuth`, `OpenStore`, `grpc.Dial`, `connectBroker` (not `NewRequest…`). */
function constructs(callee: Node | null | undefined): boolean {
  const name = callee?.text.slice(callee.text.lastIndexOf('.') + 1) ?? '';
  const words = nameWords(name);
  return /^(new|open|dial|connect)$/i.test(words[0] ?? '') && words[1] !== 'Request';
}

/** A function named for building something that lasts: `NewCardata`, `newClient`, `NewCardataFromConfig`. */
const BUILDER = /^([Nn]ew|[Oo]pen|[Dd]ial|[Cc]onnect)(?![a-z])|FromConfig$/;

/**
 * The empty context, straight or wrapped (`util.WithLogger(context.TODO(), log)`, kept in a local
 * or nested), is handed to a constructor (`auth.NewOAuth(authCtx, …)`) whose result the function
 * returns, or keeps in what it builds when it is itself a constructor (`&Cardata{ts: ts}` in
 * `NewCardataFromConfig`): the object outlives the call and may keep the context it was made
 * with for later work (evcc's OAuth token source, cached for the process, refreshing its tokens
 * with it). The reason.
 */
export function handedToConstructor(call: Node, source: CancellationSource): string | undefined {
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  const fn = given ? enclosingFunction(given) : undefined;
  // Not a receiver's context, which lives as long as what it would make.
  if (!given || !fn || source.kind === 'ctx-field') return undefined;
  const wrapped = constructs(given.childForFieldName('function')) ? undefined : wrapperResult(given, fn);
  const target = wrapped ? wrapped.target : constructs(given.childForFieldName('function')) ? given : undefined;
  if (!target) return undefined;
  const through = wrapped ? ` (through ${wrapped.via})` : '';
  const kept = keptBy(target, fn);
  if (!kept) return undefined;
  return `${firstLine(target.text)} is given ${call.text}${through} and makes ${kept}: an object that outlives this call may keep the context it was made with for later work (a token refresh, a reconnect), and given ${source.expr} that work would fail once ${source.expr} ends`;
}

/** `authCtx := util.WithLogger(<given>)` then `New…(authCtx, …)`, or `New…(util.WithLogger(<given>), …)`: the constructor call, and how the context reaches it. */
function wrapperResult(given: Node, fn: Node): { target: Node; via: string } | undefined {
  const name = given.childForFieldName('function')?.text ?? '';
  if (!/(^|\.)With\w*$/.test(name) || /\.With(Cancel|Timeout|Deadline)\w*$/.test(name)) return undefined;
  const outer = given.parent?.type === 'argument_list' ? given.parent.parent : undefined;
  if (outer && constructs(outer.childForFieldName('function'))) return { target: outer, via: `${name}(…)` };
  const decl = given.parent?.type === 'expression_list' ? given.parent.parent : undefined;
  const left = decl?.type === 'short_var_declaration' || decl?.type === 'assignment_statement' ? decl.childForFieldName('left')!.namedChildren : [];
  if (left.length !== 1 || left[0].type !== 'identifier') return undefined;
  const local = left[0].text;
  const target = fn
    .descendantsOfType('call_expression')
    .find((c) => c.startIndex > decl!.endIndex && constructs(c.childForFieldName('function')) && (c.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.text === local));
  return target && { target, via: local };
}

/** What the function does with the constructor's result that makes it outlive the call, as a reason says it: `ts, which the function returns`, `ts, which NewCardataFromConfig keeps in what it builds (&Cardata{ts: ts})`. */
function keptBy(target: Node, fn: Node): string | undefined {
  const fnName = fn.childForFieldName('name')?.text ?? '';
  // Returned as it is, by a function returning more than an error (`return grpc.Dial(…)`, not `return c.Connect(…)`).
  const results = fn.childForFieldName('result')?.text ?? '';
  if (target.parent?.type === 'expression_list' && target.parent.parent?.type === 'return_statement' && results !== '' && results !== 'error') return 'what the function returns';
  const stmt = target.parent?.type === 'expression_list' ? target.parent.parent : undefined;
  const left = stmt?.type === 'short_var_declaration' || stmt?.type === 'assignment_statement' ? stmt.childForFieldName('left')!.namedChildren : [];
  const names = left.filter((n) => n.type === 'identifier' && n.text !== '_' && !/^(err|\w*Err)$/.test(n.text)).map((n) => n.text);
  const mine = (n: Node) => same(enclosingFunction(n), fn) && n.startIndex > target.endIndex;
  const uses = (n: Node, name: string) => n.text === name || n.descendantsOfType('identifier').some((id) => id.text === name && id.parent?.type !== 'selector_expression');
  for (const name of names) {
    const ret = fn.descendantsOfType('return_statement').find((r) => mine(r) && r.namedChildren.some((e) => e.namedChildren.some((v) => v.text === name) || e.text === name));
    if (ret) return `${name}, which the function returns`;
    if (!BUILDER.test(fnName)) continue;
    const built = fn.descendantsOfType('composite_literal').find((c) => mine(c) && uses(c.childForFieldName('body')!, name));
    if (built) return `${name}, which ${fnName} keeps in what it builds (${firstLine(built.parent?.type === 'unary_expression' ? built.parent.text : built.text)})`;
    // Or hands to another constructor, or keeps in a field (`v.Provider = cardata.NewProvider(ctx, log, api, ts, …)`: evcc's vehicles).
    const handed = fn.descendantsOfType('call_expression').find((c) => mine(c) && constructs(c.childForFieldName('function')) && (c.childForFieldName('arguments')?.namedChildren ?? []).some((a) => uses(a, name)));
    if (handed) return `${name}, which ${fnName} hands to ${firstLine(handed.text)}`;
    const field = fn.descendantsOfType('assignment_statement').find((a) => mine(a) && a.childForFieldName('left')!.namedChildren.some((l) => l.type === 'selector_expression') && uses(a.childForFieldName('right')!, name));
    if (field) return `${name}, which ${fnName} keeps in what it builds (${firstLine(field.text)})`;
  }
  return undefined;
}
