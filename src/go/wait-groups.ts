import type { FileContext } from '../engine/types.js';
import { packageName } from './imports.js';
import { declarationOf, declaredTypeName } from './scope.js';
import { unparen, type Node } from './syntax.js';

/**
 * What the code says `expr` is, where `Add` and `Done` are called on it: a sync.WaitGroup (`var
 * wg sync.WaitGroup`, `wg := &sync.WaitGroup{}`, `new(sync.WaitGroup)`, a `*sync.WaitGroup`
 * parameter, a variable of the file, a field of that type of a struct the package declares, a
 * struct embedding one, or a type of the package waited on like one: a Wait method); another
 * type, whose Add may do more than count (a dispatcher handing an item on); or unknown.
 */
export function waitGroupKind(expr: Node, ctx: FileContext): 'wait-group' | 'other' | 'unknown' {
  const sync = packageName(ctx.tree, 'sync');
  const e = unparen(expr);
  let type: string | undefined;
  if (e.type === 'identifier') type = variableType(e.text, e, ctx.source);
  else if (e.type === 'selector_expression') {
    const operand = unparen(e.childForFieldName('operand')!);
    const owner = operand.type === 'identifier' ? declaredTypeName(operand.text, operand) : undefined;
    type = owner ? ctx.packageIndex().fieldsOf(owner).find((f) => f.name === e.childForFieldName('field')!.text)?.type : undefined;
  }
  if (!type) return 'unknown';
  const bare = type.replace(/^\*\s*/, '').replace(/\s/g, '');
  if (sync && bare === `${sync}.WaitGroup`) return 'wait-group';
  if (!/^\w+$/.test(bare)) return /^\w+\.\w+$/.test(bare) || /^[[\]*]|^map\b|^chan\b|^func\b/.test(bare) ? 'other' : 'unknown';
  // A type of the package: one that is waited on like a group (a Wait method, its own or in the
  // interface), or a struct embedding a WaitGroup.
  const index = ctx.packageIndex();
  const decl = index.type(bare);
  if (!decl) return 'unknown';
  if (decl.kind === 'interface') return /(^|[{;\s])Wait\s*\(/.test(decl.typeNode.text) ? 'wait-group' : 'other';
  const embedsGroup = decl.fields.some((f) => f.embedded && !!sync && f.type.replace(/^\*\s*/, '') === `${sync}.WaitGroup`);
  return embedsGroup || index.method(bare, 'Wait') ? 'wait-group' : 'other';
}

/**
 * The type a variable is declared with, or made as (`&T{}`, `new(T)`, `T{}`): a local or a
 * parameter where `at` is, else, given the file's text, a `var name …` line of it (parsed
 * functions alone do not show it).
 */
export function variableType(name: string, at: Node, source?: string): string | undefined {
  const decl = declarationOf(name, at);
  let type: string | undefined;
  let value: string | undefined;
  if (decl) {
    type = ('param' in decl ? decl.param.typeNode : decl.local.typeNode)?.text;
    value = 'local' in decl ? decl.local.value?.text : undefined;
  } else if (source !== undefined) {
    const line = new RegExp(`^var[ \\t]+${name}[ \\t]*(?:([\\w.*]+)|=[ \\t]*([^\\n]+?))[ \\t]*(?://[^\\n]*)?$`, 'm').exec(source);
    [type, value] = [line?.[1], line?.[2]];
  }
  if (type) return type;
  const made = /^(?:&(.+)\{\}|new\((.+)\)|(.+)\{\})$/.exec(value?.replace(/\s/g, '') ?? '');
  return made ? (made[1] ?? made[2] ?? made[3]) : undefined;
}
