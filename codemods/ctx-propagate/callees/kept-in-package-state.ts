import { declarationOf } from '../../../src/go/scope.js';
import { enclosingFunction, firstLine, rootName, same, type Node } from '../../../src/go/syntax.js';
import { isParam } from './handed-over-channel.js';

/**
 * Where `decl` keeps its parameter `param` in a variable of its package, for every later caller
 * to use: assigned to it or to a field of it (`defaultCtx = ctx`, `engine.ctx = ctx`), or handed
 * to a setter of it (`xormEngine.SetDefaultContext(ctx)`: gitea's database engine, whose every
 * later query, a whole table migration's too, runs with that context). `topLevel` says whether
 * the package declares a name at top level. The statement or call as written, or undefined.
 */
export function keptInPackageState(decl: Node, param: string, topLevel: (name: string) => boolean): string | undefined {
  const body = decl.childForFieldName('body');
  if (!body) return undefined;
  const packageVariable = (target: Node) => {
    const root = rootName(target);
    return !!root && !declarationOf(root.text, target) && topLevel(root.text);
  };
  for (const a of body.descendantsOfType('assignment_statement')) {
    const left = a.childForFieldName('left')!.namedChildren;
    const right = a.childForFieldName('right')!.namedChildren;
    if (!same(enclosingFunction(a), decl) || left.length !== right.length) continue;
    if (left.some((l, i) => isParam(right[i], param) && packageVariable(l))) return firstLine(a.text);
  }
  for (const call of body.descendantsOfType('call_expression')) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'selector_expression' || !/^Set[A-Z]\w*$/.test(fn.childForFieldName('field')!.text) || !same(enclosingFunction(call), decl)) continue;
    if (call.childForFieldName('arguments')!.namedChildren.some((a) => isParam(a, param)) && packageVariable(fn.childForFieldName('operand')!)) return firstLine(call.text);
  }
  return undefined;
}
