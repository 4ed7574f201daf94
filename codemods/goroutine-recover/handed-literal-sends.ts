import { regexEscaped } from '../../src/go/find-by-text.js';
import { declarationOf } from '../../src/go/scope.js';
import { ancestors, contains, firstLine, rootName, same, type Node } from '../../src/go/syntax.js';

// A send, a close or a `Done()` in a function literal the goroutine hands to a call (`fyne.Do(func()
// { res <- result{uri, err} })`): the callee runs it for the goroutine (on the main loop, or at
// once), so it stands for the goroutine's own signal, and a panic before it skips it as well.

/**
 * The call a function literal around `n` is handed to, within the goroutine's statement `st`: every
 * literal between them an argument of a call, and no defer or go statement between (those run
 * whichever way the work ends, or apart from it). Undefined when `n` is on the statement's own path.
 */
export function handedTo(n: Node, st: Node): Node | undefined {
  let call: Node | undefined;
  for (const a of ancestors(n)) {
    if (same(a, st) || !contains(st, a)) break;
    if (a.type === 'defer_statement' || a.type === 'go_statement') return undefined;
    if (a.type !== 'func_literal') continue;
    if (a.parent?.type !== 'argument_list') return undefined;
    call = a.parent.parent ?? undefined;
  }
  return call;
}

/**
 * Whether the root of what `n` signals on (`res` of `res <- …`, `done` of `close(done)`, `wg` of
 * `wg.Done()`) is declared outside the goroutine, and the goroutine does not close it (or mark the
 * group done) in a defer, which would wake its waiter anyway (`defer close(results)` around a
 * callback sending each value: a stream, whose cut-off end is another reason's).
 */
function signalsOutside(n: Node, go: Node, stmts: Node[]): boolean {
  let target: Node | null | undefined;
  if (n.type === 'send_statement') target = n.childForFieldName('channel');
  else if (n.type === 'call_expression' && n.parent?.type === 'expression_statement') {
    const fn = n.childForFieldName('function');
    if (fn?.text === 'close') target = n.childForFieldName('arguments')?.namedChildren[0];
    else if (fn?.type === 'selector_expression' && fn.childForFieldName('field')!.text === 'Done' && n.childForFieldName('arguments')?.namedChildCount === 0) target = fn.childForFieldName('operand');
  }
  const root = target && rootName(target);
  if (!root) return false;
  if (endedInDefer(target!.text, stmts)) return false;
  const found = declarationOf(root.text, root);
  return !found || !contains(go, 'local' in found ? found.local.decl : found.param.fn);
}

/** Whether the goroutine's statements close the channel (or mark the group done) in a defer: `defer close(results)`, `defer wg.Done()`. */
export function endedInDefer(target: string, stmts: Node[]): boolean {
  const name = regexEscaped(target);
  const deferred = new RegExp(`^defer\\b[^]*(\\bclose\\(\\s*${name}\\s*\\)|(?<![\\w.])${name}\\.Done\\(\\))`);
  return stmts.some((st) => st.type === 'defer_statement' && deferred.test(st.text));
}

/**
 * A send, a close or a `wg.Done()` on a channel or group from outside the goroutine, in a function
 * literal it hands to a call (`fyne.Do(func() { res <- result{uri, err} })`, the starter waiting on
 * `<-res`): counted as the goroutine's own, a panic in the work before it, recovered, would skip it
 * and leave its waiter waiting forever (a variant of fyne's flatpak file dialog). The call handed
 * the literal, or undefined.
 */
export function handedSignal(n: Node, st: Node, go: Node, stmts: Node[]): Node | undefined {
  const call = handedTo(n, st);
  return call && signalsOutside(n, go, stmts) ? call : undefined;
}

/** For a refusal's reason: where a skipped release runs, when in a literal handed to a call (` in the function literal it hands to fyne.Do()`), else nothing. */
export function handedWhere(skipped: Node, stmts: Node[]): string {
  const st = stmts.find((s) => contains(s, skipped));
  const call = st && handedTo(skipped, st);
  return call ? ` in the function literal it hands to ${firstLine(call.childForFieldName('function')!.text)}(),` : '';
}
