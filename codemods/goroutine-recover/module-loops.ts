import type { FileContext } from '../../src/engine/types.js';
import { receiverOf } from '../../src/go/declarations.js';
import { functionTexts, importedModuleTexts, importPathNamed, methodTexts, modulePackageTexts } from '../../src/go/module-packages.js';
import { writtenType } from '../../src/go/scope.js';
import { ancestors, type Node } from '../../src/go/syntax.js';
import { LOOPS_FOR_GOOD } from './skipped-work.js';

/**
 * A function of another package of the module that the goroutine calls, outside a defer, and that
 * runs until it is stopped (`file.WatchFile(ctx, path, onChange)`, looping `for { select { … } }`:
 * argo's file signal handler, which forwarded the stop and terminate signals for the container's
 * life). The package's source is in the module, so goconc reads it, as the package's own functions
 * are read. Also a method of such a package's type held in a field of the receiver, and a function
 * of the module that either calls (`vm.network.PushGossip(ctx)`, which calls `gossip.Every(…)`, a
 * ticker loop: avalanchego's X-chain gossip, recovered, stopped for good). The call as written and
 * the loop, or undefined.
 */
export function loopInModulePackage(undeferred: Node[], ctx: FileContext): { via: string; loop: string } | undefined {
  for (const callee of undeferred) {
    const target = moduleTarget(callee, ctx);
    if (!target) continue;
    const loop = target.decls.map((t) => LOOPS_FOR_GOOD.exec(t)?.[0]).find(Boolean);
    if (loop) return { via: `${callee.text}(), ${target.what}`, loop: loop.trim() };
    // One call further: a function of a package of the module that the declaration calls.
    for (const decl of target.decls) {
      for (const m of decl.matchAll(/\b(\w+)\.([A-Z]\w*)\(/g)) {
        const texts = importedModuleTexts(m[1], target.texts, ctx.path);
        const inner = texts && functionTexts(texts, m[2]).map((t) => LOOPS_FOR_GOOD.exec(t)?.[0]).find(Boolean);
        if (inner) return { via: `${callee.text}(), ${target.what}, which calls ${m[1]}.${m[2]}()`, loop: inner.trim() };
      }
    }
  }
  return undefined;
}

/**
 * What a call runs in another package of the module: `pkg.Func` of an import, or `r.field.Method`
 * on a field of the method's receiver whose type that package declares (`network *network.Network`).
 */
export function moduleTarget(callee: Node, ctx: FileContext): { texts: string[]; decls: string[]; what: string } | undefined {
  if (callee.type !== 'selector_expression') return undefined;
  const operand = callee.childForFieldName('operand')!;
  const name = callee.childForFieldName('field')!.text;
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
