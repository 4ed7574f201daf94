import { parseGo } from '../../../src/engine/parser.js';
import type { FileContext } from '../../../src/engine/types.js';
import { moduleTarget } from '../../../src/go/module-calls.js';
import { resultsOf } from '../../../src/go/scope.js';
import { enclosingFunction, same, type Node } from '../../../src/go/syntax.js';
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
    if (done) return `${given.named.name} ${done}`;
  }
  const target = moduleTarget(given.fn, ctx);
  for (const decl of target?.decls.flatMap((text) => parseGo(text).rootNode.namedChildren.filter((n) => n.type === 'function_declaration' || n.type === 'method_declaration')) ?? []) {
    const param = contextParamAt(decl, given.position, given.count);
    const done = param ? returnsNilOnDone(decl, param) : undefined;
    if (done) return `${given.fn.childForFieldName('field')!.text}, ${target!.what}, ${done}`;
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

/** Where `decl`, whose last result is an error, returns nil for it once its context parameter is done: in `case <-ctx.Done():` or under `if ctx.Err() != nil`. */
function returnsNilOnDone(decl: Node, param: string): string | undefined {
  const results = resultsOf(decl);
  if (results.length < 2 || results.at(-1)!.typeNode.text !== 'error') return undefined;
  const doneCase = new RegExp(`^<-\\s*${param}\\.Done\\(\\)$`);
  const errTest = new RegExp(`^${param}\\.Err\\(\\)\\s*!=\\s*nil$`);
  const body = decl.childForFieldName('body');
  for (const branch of body?.descendantsOfType(['communication_case', 'if_statement']) ?? []) {
    const test = branch.type === 'communication_case' ? branch.childForFieldName('communication') : branch.childForFieldName('condition');
    if (!test || !(branch.type === 'communication_case' ? doneCase : errTest).test(test.text.trim())) continue;
    const scope = branch.type === 'if_statement' ? branch.childForFieldName('consequence')! : branch;
    const ret = scope.descendantsOfType('return_statement').find((r) => same(enclosingFunction(r), decl) && lastResult(r)?.text === 'nil');
    if (ret) return `returns no error once its context is done (${branch.type === 'communication_case' ? `case ${test.text}:` : `if ${test.text}`} ${ret.text})`;
  }
  return undefined;
}

function lastResult(ret: Node): Node | undefined {
  const list = ret.namedChildren[0];
  return list?.type === 'expression_list' ? list.namedChildren.at(-1) : list ?? undefined;
}
