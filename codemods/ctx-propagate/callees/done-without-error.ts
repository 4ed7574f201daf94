import { parseGo } from '../../../src/engine/parser.js';
import type { FileContext } from '../../../src/engine/types.js';
import { moduleTarget } from '../../../src/go/module-calls.js';
import { regexEscaped } from '../../../src/go/find-by-text.js';
import { resultsOf } from '../../../src/go/scope.js';
import { enclosingFunction, returnedValues, same, type Node } from '../../../src/go/syntax.js';
import { calleesGivenContext, contextParamAt } from './callee-keeps-context.js';

/**
 * How the function the empty context `call` is given to returns without an error once that
 * context is done (`case <-ctx.Done(): return false, nil, nil`: pulumi's retry.Until), while the
 * call keeps a result beside the error (`_, path, err := r.Until(…)`): given a context that can
 * end, the caller would take an empty result for a success (the plugin download's `path.(string)`,
 * on nil, panicked on an interrupt where it used to fail with an error). Its own function or
 * method, or one of another package of the module. As written, or undefined.
 */
export function doneWithoutError(call: Node, ctx: FileContext): string | undefined {
  const given = calleesGivenContext(call, ctx.packageIndex(), (text) => DONE.test(text));
  if (!given || !keepsResultBesideError(given.fn.parent!)) return undefined;
  for (const { decl, param } of given.callees) {
    const done = returnsNilOnDone(decl, param);
    if (done) return `${given.named.name} returns no error once its context is done (${done})`;
  }
  const target = moduleTarget(given.fn, ctx);
  for (const decl of target?.decls.flatMap((text) => parseGo(text).rootNode.namedChildren.filter((n) => n.type === 'function_declaration' || n.type === 'method_declaration')) ?? []) {
    const param = contextParamAt(decl, given.position, given.count);
    const done = param ? returnsNilOnDone(decl, param) : undefined;
    if (done) return `${given.fn.childForFieldName('field')!.text}, ${target!.what}, returns no error once its context is done (${done})`;
  }
  return undefined;
}

const DONE = /\.Done\(\)|\.Err\(\)/;

/** The call's results are assigned, one beside the last (the error) kept in a name: `_, path, err := …`. */
function keepsResultBesideError(outer: Node): boolean {
  const list = outer.parent;
  const statement = list?.type === 'expression_list' ? list.parent : undefined;
  if ((statement?.type !== 'short_var_declaration' && statement?.type !== 'assignment_statement') || !same(statement.childForFieldName('right'), list)) return false;
  const names = statement.childForFieldName('left')!.namedChildren;
  return names.length >= 2 && names.slice(0, -1).some((n) => n.text !== '_');
}

/**
 * Where `decl`, whose last result is an error (with at least `minResults` results), returns nil
 * for it once the context `expr` is done: in `case <-ctx.Done():`, under `if ctx.Err() != nil`, or
 * right after a `<-ctx.Done()` statement; from offset `from` on, if given. As written, or undefined.
 */
export function returnsNilOnDone(decl: Node, expr: string, minResults = 2, from = 0): string | undefined {
  const results = resultsOf(decl);
  if (results.length < minResults || results.at(-1)?.typeNode.text !== 'error') return undefined;
  const name = regexEscaped(expr);
  const doneCase = new RegExp(`^<-\\s*${name}\\.Done\\(\\)$`);
  const errTest = new RegExp(`^${name}\\.Err\\(\\)\\s*!=\\s*nil$`);
  const body = decl.childForFieldName('body');
  const nilReturn = (scope: Node) => scope.descendantsOfType('return_statement').find((r) => same(enclosingFunction(r), decl) && returnedValues(r).at(-1)?.text === 'nil');
  for (const branch of body?.descendantsOfType(['communication_case', 'if_statement', 'expression_statement']) ?? []) {
    if (branch.startIndex < from) continue;
    if (branch.type === 'expression_statement') {
      // `<-ctx.Done()` as a statement, then `return nil`.
      const next = branch.nextNamedSibling;
      if (doneCase.test(branch.text.trim()) && next?.type === 'return_statement' && same(enclosingFunction(next), decl) && returnedValues(next).at(-1)?.text === 'nil') return `${branch.text}; ${next.text}`;
      continue;
    }
    const test = branch.type === 'communication_case' ? branch.childForFieldName('communication') : branch.childForFieldName('condition');
    if (!test || !(branch.type === 'communication_case' ? doneCase : errTest).test(test.text.trim())) continue;
    const ret = nilReturn(branch.type === 'if_statement' ? branch.childForFieldName('consequence')! : branch);
    if (ret) return `${branch.type === 'communication_case' ? `case ${test.text}:` : `if ${test.text}`} ${ret.text}`;
  }
  return undefined;
}
