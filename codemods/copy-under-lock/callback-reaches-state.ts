import type { FileContext } from '../../src/engine/types.js';
import type { FieldDecl } from '../../src/go/declarations.js';
import { receiverOf } from '../../src/go/declarations.js';
import { isFunctionType } from '../../src/go/called-functions.js';
import type { CriticalSection } from '../../src/go/lock-regions.js';
import { declarationOf } from '../../src/go/scope.js';
import type { Node } from '../../src/go/syntax.js';
import type { Rewrite } from './rewrites.js';

/**
 * A fix that would move a call of the caller's callback out of the lock (`f(key, val)`, with `f
 * func([]byte, []byte)` a parameter, or a function-typed field of the receiver) becomes a refusal
 * when the callback can reach what the lock guards without taking it: the collection is an
 * exported field (`ctx.Values`), or another method of the type reads it taking no lock
 * (`GetValueNotLocked`, meant for callers already holding it). The callback's code is not shown;
 * it ran under the lock and may rely on it (tikv's LockCtx.IterateValuesNotLocked: its callbacks
 * read Values through GetValueNotLocked while batch goroutines write it under the lock). A
 * callback that could only reach the state through the locking methods would have deadlocked
 * before, and is left to the fix. Other rewrites are left as they are.
 */
export function unlessCallbackReachesState(plan: Rewrite, loop: Node, ranged: FieldDecl, vars: string[], cs: CriticalSection, method: Node, typeName: string, ctx: FileContext): Rewrite {
  if (!plan.ok) return plan;
  const callback = callbackIn(loop, vars, typeName, cs.recv, ctx);
  if (!callback) return plan;
  const ways: string[] = [];
  if (/^[A-Z]/.test(ranged.name)) ways.push(`${cs.recv}.${ranged.name} is exported`);
  const reader = unlockedReader(typeName, ranged.name, method, ctx);
  if (reader) ways.push(`${reader} reads it without taking the lock`);
  if (ways.length === 0) return plan;
  return {
    ok: false,
    reason: `${callback}, the caller's callback, ran under ${cs.mutex} and may rely on it (reading what the lock guards: ${ways.join(', and ')}): after unlocking, its reads of ${cs.recv}.${ranged.name} would race the writers that take the lock`,
  };
}

/**
 * The first call in the loop of a function value handed in, whose code is not shown: a parameter
 * or a variable of a function type (not a range variable: an element of the collection), or a
 * function-typed field of the receiver (`ctx.onValue(k, v)`). As written (`f`, `ctx.onValue`).
 */
function callbackIn(loop: Node, vars: string[], typeName: string, recv: string, ctx: FileContext): string | undefined {
  const index = ctx.packageIndex();
  for (const call of loop.childForFieldName('body')!.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function')!;
    if (callee.type === 'identifier' && !vars.includes(callee.text)) {
      const found = declarationOf(callee.text, callee);
      const type = found && 'param' in found ? found.param.typeNode : found && 'local' in found ? found.local.typeNode : undefined;
      if (type && isFunctionType(type, index)) return callee.text;
    } else if (callee.type === 'selector_expression' && callee.childForFieldName('operand')?.text === recv) {
      const field = index.fieldsOf(typeName).find((f) => !f.embedded && f.name === callee.childForFieldName('field')!.text);
      if (field && isFunctionType(field.typeNode, index)) return callee.text;
    }
  }
  return undefined;
}

/**
 * Another method of the type that reads the field (`ctx.Values[…]`) and takes no lock: its name,
 * one reading an element (an index, a range) before one that only looks at the field (`== nil`).
 */
function unlockedReader(typeName: string, field: string, method: Node, ctx: FileContext): string | undefined {
  const self = method.childForFieldName('name')?.text;
  let looks: string | undefined;
  for (const m of ctx.packageIndex().methodsWhere(typeName, (text) => !/\.(R?Lock|TryLock|TryRLock)\(\)/.test(text) && text.includes(`.${field}`))) {
    const recv = receiverOf(m.node)?.name;
    if (m.name === self || !recv) continue;
    const reads = (m.node.childForFieldName('body')?.descendantsOfType('selector_expression') ?? []).filter((s) => s.childForFieldName('operand')?.text === recv && s.childForFieldName('field')?.text === field && !assignedTo(s));
    if (reads.some((s) => (s.parent?.type === 'index_expression' && s.parent.childForFieldName('operand')?.id === s.id) || s.parent?.type === 'range_clause')) return m.name;
    if (reads.length > 0) looks ??= m.name;
  }
  return looks;
}

/** `r.f = v`: the field replaced, not read. */
function assignedTo(s: Node): boolean {
  const list = s.parent;
  return list?.type === 'expression_list' && list.parent?.type === 'assignment_statement' && list.parent.childForFieldName('left')?.id === list.id;
}
