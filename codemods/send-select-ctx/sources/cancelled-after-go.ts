import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import type { PackageIndex } from '../../../src/go/package-index.js';
import { declarationOf, positionalParams } from '../../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, firstLine, same, unparen, type Node } from '../../../src/go/syntax.js';
import { goroutineBody } from './goroutine-body.js';
import { notOwnChannel } from './outlived-spawner.js';
import { pairedCancelField } from './paired-cancel.js';

/**
 * The function starting the goroutine ends the source itself right after the go statement: a
 * context field whose cancel it calls (`c.cancel()`), or calls through a method of the receiver or
 * a function of the package handed it (screego's `CloseOnError`: `go func() { c.read <-
 * Disconnected… }()`, then `c.writeCloseMessage(…)`, which runs `c.cancel()`), or a local context
 * whose cancel it calls (`cancel()`), with no wait for the goroutine in between (a receive, a
 * select, a range, a `Wait()`, a sleep, or any use of the channel). The channel is not the
 * function's own (a field, a package-level variable): its reader lives on. The source is done as
 * soon as the goroutine runs, and a select on it drops the value whenever that reader is busy.
 * The reason, naming the call and its line, or undefined.
 */
export function cancelledAfterGoReason(send: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  if (source.kind !== 'ctx-field' && source.kind !== 'ctx-local') return undefined;
  const chan = unparen(send.childForFieldName('channel')!);
  const go = ancestors(send).find((a) => a.type === 'go_statement');
  const literal = go ? goroutineBody(go, send) : undefined;
  if (!go || !literal || !same(enclosingFunction(send), literal) || !notOwnChannel(chan, send)) return undefined;
  const spawner = enclosingFunction(go);
  if (!spawner || !contains(source.fn, go)) return undefined;
  const isEnd = endsSource(source, send, ctx.packageIndex());
  if (!isEnd) return undefined;
  for (const statement of statementsAfter(go, spawner)) {
    const end = isEnd(statement);
    if (end) {
      const name = spawner.childForFieldName('name')?.text;
      const around = enclosingFunction(spawner)?.childForFieldName('name')?.text;
      const who = name ? `${name}()` : `the function literal${around ? ` in ${around}()` : ''}`;
      return `${who} ends ${source.expr} itself right after starting the goroutine: ${end} (line ${statement.startPosition.row + 1}), with no wait for it in between; ${source.expr} is done as soon as the goroutine runs, and a select on it would drop the value at once whenever the reader of ${chan.text} is busy`;
    }
    if (waits(statement, chan.text)) return undefined;
  }
  return undefined;
}

/** The statements run after the go statement in its function: those after it in its block, then after each block around it. */
function statementsAfter(go: Node, spawner: Node): Node[] {
  const out: Node[] = [];
  for (let node: Node | null = go; node && !same(node, spawner); node = node.parent) {
    if (node.parent?.type !== 'statement_list' && node.parent?.type !== 'block') continue;
    for (let s = node.nextNamedSibling; s; s = s.nextNamedSibling) out.push(s);
  }
  return out;
}

/** Code that may wait for the goroutine, or hands the channel on: a receive, select, range, Wait, sleep. */
function waits(statement: Node, chan: string): boolean {
  return /<-|\bselect\b|\brange\b|\.Wait\w*\(|\bSleep\(/.test(statement.text) || new RegExp(`(?<![\\w.])${regexEscaped(chan)}\\b`).test(statement.text);
}

/** A test for a statement ending the source, giving the words naming it: `c.cancel()`, `c.close(), which calls c.cancel()`. */
function endsSource(source: CancellationSource, send: Node, index: PackageIndex): ((s: Node) => string | undefined) | undefined {
  if (source.kind === 'ctx-local') {
    const found = declarationOf(source.expr, send);
    const decl = found && 'local' in found ? found.local.decl : undefined;
    const left = decl?.type === 'short_var_declaration' || decl?.type === 'assignment_statement' ? decl.childForFieldName('left')?.namedChildren ?? [] : [];
    const call = decl?.childForFieldName('right')?.namedChildren[0];
    if (left[0]?.text !== source.expr || left[1]?.type !== 'identifier' || left[1].text === '_') return undefined;
    if (!/^\w+\.With(Cancel|Timeout|Deadline)\w*$/.test(call?.type === 'call_expression' ? call.childForFieldName('function')!.text : '')) return undefined;
    const cancel = left[1].text;
    return (s) => (calledIn(s)?.childForFieldName('function')?.text === cancel ? firstLine(s.text) : undefined);
  }
  const recv = source.fn.type === 'method_declaration' ? receiverOf(source.fn) : undefined;
  const [recvName, field] = source.expr.split('.');
  if (!recv?.name || recv.name !== recvName || !field) return undefined;
  const cancel = pairedCancelField(recv.typeName, field, index);
  if (!cancel) return undefined;
  const direct = `${recvName}.${cancel}`;
  return (s) => {
    const call = calledIn(s);
    const fn = call?.childForFieldName('function');
    if (!call || !fn) return undefined;
    if (fn.text.replace(/\s/g, '') === direct) return firstLine(s.text);
    const via = callee(call, recvName, recv.typeName, index);
    return via && callsOwn(via.decl, `${via.holder}.${cancel}`) ? `${firstLine(s.text)}, which calls ${via.holder}.${cancel}()` : undefined;
  };
}

/** The call a statement makes: `f(…)` alone, not deferred nor started. */
function calledIn(s: Node): Node | undefined {
  const call = s.type === 'expression_statement' ? s.namedChild(0) : undefined;
  return call?.type === 'call_expression' ? call : undefined;
}

/**
 * The declaration a call runs on the receiver: a method of its type called on it (`c.close(…)`),
 * or a function of the package it is handed to (`closeClient(c)`), with the name it has there.
 */
function callee(call: Node, recvName: string, typeName: string, index: PackageIndex): { decl: Node; holder: string } | undefined {
  const fn = call.childForFieldName('function')!;
  if (fn.type === 'selector_expression' && fn.childForFieldName('operand')?.text === recvName) {
    const method = index.method(typeName, fn.childForFieldName('field')!.text);
    const holder = method && receiverOf(method.node)?.name;
    return method && holder ? { decl: method.node, holder } : undefined;
  }
  if (fn.type !== 'identifier') return undefined;
  const at = (call.childForFieldName('arguments')?.namedChildren ?? []).findIndex((a) => a.text === recvName);
  if (at < 0) return undefined;
  for (const decl of index.functionsNamed(fn.text, false)) {
    const holder = positionalParams(decl)[at];
    if (holder && holder !== '_') return { decl, holder };
  }
  return undefined;
}

/** `x.cancel(…)` as a statement of the function's own body, not in a literal or goroutine of it. */
function callsOwn(decl: Node, target: string): boolean {
  return decl.descendantsOfType('call_expression').some((c) => c.childForFieldName('function')?.text.replace(/\s/g, '') === target && c.parent?.type === 'expression_statement' && same(enclosingFunction(c), decl));
}
