import { parametersGiven } from '../../src/go/called-functions.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { positionalParams } from '../../src/go/scope.js';
import { ancestors, firstLine, FUNCTION_TYPES, insideLiteral, type Node } from '../../src/go/syntax.js';

// A connection the loop starting the goroutine accepts, handed to it (or captured), that nothing
// closes in a defer: the crash used to close it with the process, and recovered, it stays open.

/** A listener's accept (`l.Accept()`, `ln.AcceptTCP()`, `AcceptUnix`). */
const ACCEPT = /(^|\.)Accept(TCP|Unix)?$/;

/** A function's own defers: the deferred call's, or the deferred literal's, text. */
function deferredTexts(fn: Node): string[] {
  const body = fn.childForFieldName('body');
  return body ? body.descendantsOfType('defer_statement').filter((d) => !insideLiteral(d, body)).map((d) => d.text) : [];
}

/** Whether one of a function's defers closes `name` (or hands it on), or closes anything (a wrapper of it: `defer tlsConn.Close()`). */
function closesInDefer(fn: Node, name: string): boolean {
  const word = new RegExp(`(?<![\\w.])${name}\\b`);
  return deferredTexts(fn).some((d) => word.test(d) || /\.Close\(\)/.test(d));
}

/**
 * A goroutine started in a loop that accepts a connection (`conn, err := l.Accept()`), handed it
 * as an argument or capturing it, whose literal does not close it in a defer, nor does the
 * package's function it hands the connection to (`handleConn(ctx, conn)`, whose `io.Copy(conn,
 * conn)` echoes until the client hangs up: ngrok-go's tcp example): a panic, recovered, would
 * leave the connection open for good and its client waiting, where the crash used to close it.
 * Why, as a refusal's reason.
 */
export function acceptedConnLeftOpen(go: Node, literal: Node, index: PackageIndex): string | undefined {
  const loop = ancestors(go).find((a) => a.type === 'for_statement' || FUNCTION_TYPES.has(a.type));
  const loopBody = loop?.type === 'for_statement' ? loop.childForFieldName('body') : undefined;
  if (!loopBody) return undefined;
  const accepted = loopBody.descendantsOfType(['short_var_declaration', 'assignment_statement']).find((d) => {
    const right = d.childForFieldName('right')?.namedChildren[0];
    return d.endIndex <= go.startIndex && !insideLiteral(d, loopBody) && right?.type === 'call_expression' && ACCEPT.test(right.childForFieldName('function')!.text);
  });
  const conn = accepted?.childForFieldName('left')?.namedChildren[0]?.text;
  if (!accepted || !conn || conn === '_') return undefined;
  // Handed as an argument (`go func(c net.Conn) {…}(conn)`), or captured.
  const args = go.namedChild(0)?.childForFieldName('arguments')?.namedChildren ?? [];
  const at = args.findIndex((a) => a.text === conn);
  const name = at >= 0 ? positionalParams(literal)[at] : conn;
  const body = literal.childForFieldName('body')!;
  const uses = body.descendantsOfType('identifier').filter((i) => i.text === name);
  if (!name || name === '_' || uses.length === 0) return undefined;
  if (closesInDefer(literal, name)) return undefined;
  // Handed on to the package's functions: one that defers its Close takes care of it.
  const calls = uses.map((u) => u.parent?.type === 'argument_list' ? u.parent.parent : undefined).filter((c): c is Node => c?.type === 'call_expression');
  for (const call of calls) {
    if (parametersGiven(call, name, index).some(({ decl, param }) => closesInDefer(decl, param))) return undefined;
  }
  const handed = calls.find((c) => !/^(log|fmt)\./.test(c.childForFieldName('function')!.text));
  const where = handed ? `, and ${firstLine(handed.childForFieldName('function')!.text)}(), which it hands the connection to, does not show one either` : '';
  return `the goroutine serves ${conn}, a connection accepted in the loop that starts it (${firstLine(accepted.text)}), and closes it in no defer${where}: after a recovered panic the connection would stay open for good and its client wait forever, where the crash used to close it`;
}
