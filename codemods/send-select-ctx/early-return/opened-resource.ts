import { ancestors, contains, enclosingFunction, firstLine, same, type Node } from '../../../src/go/syntax.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';

// A resource the function opened before the send and leaves to the code after it: a return at
// the send would leave it open for good.

/** Calls that open something the caller must close: a listener, a connection, a file, a pool. */
const OPENS = /^(net\.(Listen\w*|Dial\w*)|tls\.(Listen|Dial\w*)|os\.(Open|Create|OpenFile)|sql\.Open\w*|\w+\.DialContext)$/;

/**
 * The send comes after the function opened a resource (`ln, err := net.Listen(…)`, os.Open,
 * sql.Open, a Dial, an exec.Cmd's Start) on its path, the resource is neither closed by a defer
 * of this function registered before the send nor closed before it, and the code after the send
 * takes care of it: closes it, passes it (or the value it was stored in before the send) to a
 * call, stores it or returns it. redcon's ListenServeAndSignal stores the listener in s.ln, sends
 * on its signal channel, then `return serve(s)`, whose deferred clean-up closes it: a return at
 * the send would leave the address bound. Why, if so.
 */
export function openedResourceReason(send: Node, fn: Node): string | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  for (const open of openings(body, fn)) {
    if (open.stmt.endIndex > send.startIndex || !contains(parentList(open.stmt), send)) continue;
    // In the branch for the opening's failure: nothing was opened.
    if (open.err && ancestors(send).some((a) => a.type === 'if_statement' && a.startIndex > open.stmt.startIndex && contains(fn, a) && new RegExp(`\\b${open.err}\\s*!=\\s*nil`).test(a.childForFieldName('condition')?.text ?? ''))) continue;
    const before = fn.text.slice(open.stmt.endIndex - fn.startIndex, send.startIndex - fn.startIndex);
    const holders = [open.name, ...[...before.matchAll(new RegExp(`(\\w+(?:\\.\\w+)+)\\s*=\\s*${open.name}\\b(?!\\.)`, 'g'))].map((m) => m[1])];
    const named = new RegExp(`(?<![\\w.])(${holders.map(regexEscaped).join('|')})(?![\\w(])`);
    // Closed by a defer registered before the send, or closed before it: a return is safe.
    const defers = body.descendantsOfType('defer_statement').filter((d) => same(enclosingFunction(d), fn) && d.startIndex < send.startIndex);
    if (defers.some((d) => named.test(d.text))) continue;
    if (holders.some((h) => new RegExp(`(?<![\\w.])${regexEscaped(h)}\\.(Close|Wait|Kill)\\(`).test(before))) continue;
    const after = takenCareOf(send, fn, holders);
    if (!after) continue;
    return `an early return here would leave ${open.name} (${firstLine(open.call.text)}, line ${open.call.startPosition.row + 1}) open: only the code after the send (${firstLine(after.text)}) takes care of it`;
  }
  return undefined;
}

interface Opening { stmt: Node; call: Node; name: string; err?: string }

/** The function's own statements opening a resource, with the local that holds it. */
function openings(body: Node, fn: Node): Opening[] {
  const out: Opening[] = [];
  for (const call of body.descendantsOfType('call_expression')) {
    if (!same(enclosingFunction(call), fn)) continue;
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'selector_expression') continue;
    const stmt = call.parent?.parent;
    if (OPENS.test(callee.text) && (stmt?.type === 'short_var_declaration' || stmt?.type === 'assignment_statement') && same(call.parent, stmt.childForFieldName('right'))) {
      const left = stmt.childForFieldName('left')!.namedChildren;
      if (left[0]?.type !== 'identifier' || left[0].text === '_') continue;
      out.push({ stmt, call, name: left[0].text, err: left[1]?.text });
    } else if (callee.childForFieldName('field')?.text === 'Start' && callee.childForFieldName('operand')?.type === 'identifier') {
      // `cmd.Start()` of an exec.Cmd the function made: the process runs until waited for.
      const name = callee.childForFieldName('operand')!.text;
      if (!new RegExp(`\\b${name}\\s*:?=\\s*exec\\.Command(Context)?\\(`).test(body.text)) continue;
      const at = ancestors(call).find((a) => isStatement(a) && contains(body, a));
      if (!at) continue;
      const err = at.type === 'short_var_declaration' || at.type === 'assignment_statement' ? at.childForFieldName('left')?.namedChildren[0]?.text : undefined;
      out.push({ stmt: at, call, name, err: at.type === 'if_statement' ? undefined : err });
    }
  }
  return out;
}

/** A statement of a block: its parent is the block or its statement list. */
function isStatement(n: Node): boolean {
  return n.parent?.type === 'block' || n.parent?.type === 'statement_list';
}

/** The statement list (or block) a statement is in. */
function parentList(stmt: Node): Node {
  return stmt.parent ?? stmt;
}

/**
 * The first statement after the send, in the function's own code, that takes care of a holder:
 * closes or waits for it, passes it or its root to a call, stores it elsewhere, or returns it.
 */
function takenCareOf(send: Node, fn: Node, holders: string[]): Node | undefined {
  const body = fn.childForFieldName('body')!;
  const roots = holders.filter((h) => h.includes('.')).map((h) => h.slice(0, h.indexOf('.')));
  const names = new Set([...holders, ...roots]);
  for (const node of body.descendantsOfType(['call_expression', 'return_statement', 'assignment_statement'])) {
    if (node.startIndex < send.endIndex || !same(enclosingFunction(node), fn)) continue;
    const stmt = [node, ...ancestors(node)].find(isStatement) ?? node;
    if (node.type === 'call_expression') {
      const callee = node.childForFieldName('function')!;
      const operand = callee.type === 'selector_expression' ? callee.childForFieldName('operand')!.text : '';
      if (holders.includes(operand) && /^(Close|Wait|Kill|Accept\w*|Serve\w*)$/.test(callee.childForFieldName('field')?.text ?? '')) return node;
      if (node.childForFieldName('arguments')?.namedChildren.some((a) => names.has(a.text) || (a.type === 'unary_expression' && names.has(a.text.slice(1))))) return node;
    } else if (node.type === 'return_statement') {
      if (node.namedChildren[0]?.namedChildren.some((e) => holders.includes(e.text))) return stmt;
    } else if (node.childForFieldName('right')?.namedChildren.some((e) => holders.includes(e.text)) && node.childForFieldName('left')?.namedChildren.some((l) => l.type !== 'identifier')) {
      return stmt;
    }
  }
  return undefined;
}
