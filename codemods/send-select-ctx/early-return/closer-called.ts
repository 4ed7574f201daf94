import { calledName } from '../../../src/go/called-functions.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { localClosure } from '../../../src/go/scope.js';
import { ancestors, closedChannels, contains, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';

// A close the function runs on another of its ways out through a call: a closure of its own or a
// function of the package whose body closes the channel sent on (in a `once.Do` literal too).

/** What a call found by closerOnOtherExit closes, and where, for its reason. */
const closers = new WeakMap<Node, { closed: string; close: Node; callee: string; ret: Node }>();

/**
 * A call of the function, followed by a return in its block or returned itself (`_ =
 * failPermanent(err); return …`), on a path that does not run through the send, to a closure of
 * the function or a function or method of the package (one level) that closes the channel sent on
 * (`s.failPermanentOnce.Do(func() { s.stateChanges <- err; close(s.stateChanges) })`: ngrok-go's
 * reconnecting session, its state changes closed on a permanent failure). A return in place of the
 * send would leave without it, and a reader ranging over the channel would wait for good. The call.
 */
export function closerOnOtherExit(send: Node, fn: Node, index?: PackageIndex): Node | undefined {
  const body = fn.childForFieldName('body');
  const chan = send.childForFieldName('channel')?.text;
  if (!body || !chan) return undefined;
  for (const call of body.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function')!;
    if (!same(enclosingFunction(call), fn) || ancestors(call).some((a) => (a.type === 'defer_statement' || a.type === 'go_statement') && contains(body, a))) continue;
    const exit = exitOf(call);
    // Not in a select's stop case (\`case <-ctx.Done(): params.done(); return\`): how the function stops, reported as such.
    if (!exit || contains(exit.list, send) || ancestors(call).some((a) => a.type === 'communication_case' && contains(body, a) && /^<-[^<]*$/.test(a.childForFieldName('communication')?.text ?? ''))) continue;
    const named = calledName(callee);
    const closure = localClosure(callee, call);
    const bodies = closure ? [closure] : named && index && named.name !== 'close' ? index.functionsNamed(named.name, named.method) : [];
    for (const decl of bodies) {
      const close = closedChannels(decl).find((arg) => sameChannel(arg.text, chan) && !ancestors(arg).some((a) => a.type === 'go_statement' && contains(decl, a)));
      if (!close) continue;
      closers.set(call, { closed: chan, close: close.parent!.parent!, callee: `${firstLine(callee.text)}${closure ? ', a closure of the function' : ''}`, ret: exit.ret });
      return call;
    }
  }
  return undefined;
}

/** The same channel, or the same field of a receiver named otherwise (`s.stateChanges`, `r.stateChanges`). */
function sameChannel(closed: string, sent: string): boolean {
  return closed === sent || (/^\w+\.\w+$/.test(closed) && /^\w+\.\w+$/.test(sent) && closed.split('.')[1] === sent.split('.')[1]);
}

/** For a call made as a statement (or an assignment's value) followed by a return, or returned: its block and that return. */
function exitOf(call: Node): { list: Node; ret: Node } | undefined {
  const stmt = call.parent?.type === 'expression_list' ? call.parent.parent : call.parent;
  const list = stmt?.parent;
  if (list?.type !== 'statement_list' && list?.type !== 'block') return undefined;
  if (stmt?.type === 'return_statement') return { list, ret: stmt };
  if (stmt?.type !== 'expression_statement' && stmt?.type !== 'assignment_statement' && stmt?.type !== 'short_var_declaration') return undefined;
  for (let next = stmt.nextNamedSibling; next; next = next.nextNamedSibling) if (next.type === 'return_statement') return { list, ret: next };
  return undefined;
}

/** The reason for a call closerOnOtherExit found, if it is one. */
export function closerReason(skipped: Node): string | undefined {
  const found = closers.get(skipped);
  if (!found) return undefined;
  return `an early return here would skip ${firstLine(skipped.text)} (line ${skipped.startPosition.row + 1}), which the function runs on its other way out, before the return at line ${found.ret.startPosition.row + 1}, and which closes ${found.closed} (${firstLine(found.close.text)} in ${found.callee}): a reader ranging over ${found.closed} until it is closed would wait for good`;
}
