import type { FileContext } from '../../../src/engine/types.js';
import { doneReceive, type CancellationSource } from '../../../src/go/cancellation.js';
import { calledName } from '../../../src/go/called-functions.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { ancestors, contains, enclosingFunction, firstLine, same, statementsOf, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * The send comes after a call of a function of the package that returns without an error only
 * once the source is done (`if err := b.batchLoop(); err != nil { …; return }`, batchLoop's one
 * `return nil` in its loop's `case <-b.stopCh:`), so the source is done where the send runs (gocb's
 * batcher: its final flush's error, given a select on the stop it had already seen, was dropped).
 * Where, e.g. `after b.batchLoop(), which returns nil only in case <-b.stopCh`.
 */
export function afterCallReturningOnDone(send: Node, fn: Node, source: CancellationSource, ctx: FileContext): string | undefined {
  const receive = doneCase(source);
  if (!receive) return undefined;
  for (const block of ancestors(send)) {
    if (same(block, fn)) break;
    if (block.type !== 'statement_list') continue;
    for (let s = block.firstNamedChild; s && s.startIndex < send.startIndex; s = s.nextNamedSibling) {
      if (contains(s, send)) break;
      const call = checkedCall(s);
      const named = call ? calledName(call.childForFieldName('function')!) : undefined;
      if (!named) continue;
      const decls = ctx.packageIndex().functionsNamed(named.name, named.method);
      const at = decls.length === 1 ? successOnlyOnDone(decls[0], receive) : undefined;
      if (at) return `after ${firstLine(call!.text)}, which returns nil only in case ${at}`;
    }
  }
  return undefined;
}

/** How the callee would wait on the source in its own select: exact for a field (`<-b.stopCh`, any receiver name), else as written. */
function doneCase(source: CancellationSource): RegExp | undefined {
  if (source.kind !== 'done-field' && source.kind !== 'ctx-field') return undefined;
  const field = doneReceive(source).replace(/\s/g, '').replace(/^<-\w+\./, '');
  return new RegExp(`^<-\\w+\\.${regexEscaped(field)}$`);
}

/** `if err := f(); err != nil { … return }` (or `if f() != nil {`): the call whose failure returns first. */
function checkedCall(s: Node): Node | undefined {
  if (s.type !== 'if_statement') return undefined;
  const consequence = s.childForFieldName('consequence');
  const last = consequence ? statementsOf(consequence).at(-1) : undefined;
  if (last?.type !== 'return_statement' || s.childForFieldName('alternative')) return undefined;
  const init = s.childForFieldName('initializer');
  const value = init?.type === 'short_var_declaration' ? init.childForFieldName('right')?.namedChildren : undefined;
  const cond = unparen(s.childForFieldName('condition')!);
  const tested = cond.type === 'binary_expression' && cond.childForFieldName('operator')?.text === '!=' && cond.childForFieldName('right')?.text === 'nil' ? unparen(cond.childForFieldName('left')!) : undefined;
  const call = value?.length === 1 ? value[0] : tested;
  return call?.type === 'call_expression' ? call : undefined;
}

/** Every `return nil` of the function in a select case on the source (`case <-b.stopCh:`), in a loop it never leaves otherwise: that case, as written. */
function successOnlyOnDone(decl: Node, receive: RegExp): string | undefined {
  const body = decl.childForFieldName('body');
  const last = body ? statementsOf(body).at(-1) : undefined;
  if (!body || last?.type !== 'for_statement' || last.namedChildren.some((c) => c.type !== 'block' && c.type !== 'comment')) return undefined;
  const returns = body.descendantsOfType('return_statement').filter((r) => same(enclosingFunction(r), decl));
  const successes = returns.filter((r) => r.namedChildren.length === 0 || r.namedChildren.every((v) => v.text === 'nil'));
  let at: string | undefined;
  for (const r of successes) {
    const kase = ancestors(r).find((a) => a.type === 'communication_case' && contains(body, a));
    const comm = kase?.childForFieldName('communication')?.text.replace(/\s/g, '');
    if (!comm || !receive.test(comm)) return undefined;
    at ??= kase!.childForFieldName('communication')!.text;
  }
  // No break out of the loop: it ends only by those returns (or a failure's).
  const breaks = last.descendantsOfType('break_statement').some((b) => b.namedChildren.length > 0 || same(ancestors(b).find((a) => a.type === 'for_statement' || a.type === 'select_statement' || a.type === 'expression_switch_statement' || a.type === 'type_switch_statement'), last));
  return breaks ? undefined : at;
}
