import type { FileContext } from '../engine/types.js';
import { receiverOf } from './declarations.js';
import { functionTexts, importedModuleTexts, importPathNamed, methodTexts, modulePackageTexts } from './module-packages.js';
import { writtenType } from './scope.js';
import { ancestors, unparen, type Node } from './syntax.js';

/**
 * What a call runs in another package of the module: `pkg.Func` of an import, `r.field.Method`
 * on a field of the method's receiver whose type that package declares (`network *network.Network`),
 * or a method of a value of such a type made in place (`(&retry.Retryer{…}).Until(…)`). The
 * package's texts, the declarations' texts, and what they are, for a reason.
 */
export function moduleTarget(callee: Node, ctx: FileContext): { texts: string[]; decls: string[]; what: string } | undefined {
  if (callee.type !== 'selector_expression') return undefined;
  const operand = callee.childForFieldName('operand')!;
  const name = callee.childForFieldName('field')!.text;
  const made = madeInPlace(operand);
  if (made) {
    const texts = importedModuleTexts(made.alias, [ctx.source], ctx.path);
    return texts ? { texts, decls: methodTexts(texts, name, made.type), what: `a method of ${made.alias}.${made.type}, a type of this module` } : undefined;
  }
  if (operand.type === 'identifier') {
    const path = importPathNamed(operand.text, [ctx.source]);
    const texts = path ? modulePackageTexts(path, ctx.path) : undefined;
    if (!path) return localOfModuleType(operand, name, ctx);
    return texts ? { texts, decls: functionTexts(texts, name), what: `a function of package ${operand.text} of this module` } : undefined;
  }
  if (operand.type !== 'selector_expression' || operand.childForFieldName('operand')?.type !== 'identifier') return undefined;
  const method = ancestors(callee).find((a) => a.type === 'method_declaration');
  const recv = method && receiverOf(method);
  if (!recv || recv.name !== operand.childForFieldName('operand')!.text) return undefined;
  const field = ctx.packageIndex().fieldsOf(recv.typeName).find((f) => f.name === operand.childForFieldName('field')!.text);
  const typed = field && /^\*?(\w+)\.(\w+)$/.exec(field.type.replace(/\s/g, ''));
  const texts = typed ? importedModuleTexts(typed[1], [ctx.source], ctx.path) : undefined;
  return texts ? { texts, decls: methodTexts(texts, name, typed![2]), what: `a method of ${typed![1]}.${typed![2]}, a type of this module` } : undefined;
}

/**
 * The same for a method called on a local or parameter of a type of another package of the module:
 * typed so (`m *certmgr.Manager`), made as one (`&certmgr.Manager{…}`), or returned by a function of
 * that package (`certManager := diskcertmanager.New(…)`, then `go func() {
 * certManager.WatchFileChanges(ctx) }()`: spire's OIDC provider, whose ticker loop reloads the
 * serving certificate for the process' life). A constructor whose result type goconc cannot read
 * leaves any type of that package with a method by the name.
 */
function localOfModuleType(operand: Node, name: string, ctx: FileContext): { texts: string[]; decls: string[]; what: string } | undefined {
  const written = writtenType(operand.text, operand)?.replace(/\s+/g, ' ').trim();
  const m = written && /^[&*]?\s*(\w+)\.(\w+)\s*([({]|$)/.exec(written);
  const texts = m ? importedModuleTexts(m[1], [ctx.source], ctx.path) : undefined;
  if (!m || !texts) return undefined;
  // `pkg.New(…)`: the type its declaration returns (`func New(…) *Manager {`, `(*Manager, error)`).
  const constructors = m[3] === '(' ? functionTexts(texts, m[2]) : [];
  if (m[3] === '(' && constructors.length === 0) return undefined;
  const made = m[3] === '(' ? constructors.map((t) => /\)\s*\(?\s*\*?([A-Z]\w*)\b[^{\n]*\{\s*$/m.exec(t.slice(0, t.indexOf('{') + 1))?.[1]).find(Boolean) : m[2];
  return { texts, decls: methodTexts(texts, name, made), what: `a method of ${made ? `${m[1]}.${made}` : `a type of package ${m[1]}`}, of this module` };
}

/** `(&pkg.T{…})` or `pkg.T{…}`: a value of another package's type made in place, as its package name and type. */
function madeInPlace(operand: Node): { alias: string; type: string } | undefined {
  let value = unparen(operand);
  if (value.type === 'unary_expression' && value.childForFieldName('operator')?.text === '&') value = unparen(value.childForFieldName('operand')!);
  const type = value.type === 'composite_literal' ? value.childForFieldName('type') : undefined;
  return type?.type === 'qualified_type' ? { alias: type.childForFieldName('package')!.text, type: type.childForFieldName('name')!.text } : undefined;
}
