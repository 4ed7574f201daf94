import type { FileContext } from '../../src/engine/types.js';
import type { FieldDecl } from '../../src/go/declarations.js';
import { receiverOf } from '../../src/go/declarations.js';
import type { CriticalSection } from '../../src/go/lock-regions.js';
import type { Node } from '../../src/go/syntax.js';
import { mutatesThroughFields } from './element-field-mutations.js';
import type { Rewrite } from './rewrites.js';

/**
 * A fix becomes a refusal when, under the exclusive lock, the loop calls a method of elements of an
 * interface type of the package (`w.Write(p)`, `ws map[string]PackWriter`) and either the package's
 * types implement that method writing their receiver's fields taking no lock of their own, or the
 * package shows no implementation and the method is a writer's (`Write…`) that takes no byte slice
 * (not an io.Writer, whose implementations, like a net.Conn, may take many writers): the lock kept
 * two calls of this method off one element (livego's Publish, audio and video at once, on a player's
 * FLV writer), and after unlocking two callers' writes could interleave on it.
 */
export function unlessInterfaceWriters(plan: Rewrite, loop: Node, ranged: FieldDecl, vars: string[], cs: CriticalSection, method: Node, ctx: FileContext): Rewrite {
  if (!plan.ok || cs.read) return plan;
  const index = ctx.packageIndex();
  const t = ranged.typeNode;
  const element = t.childForFieldName(t.type === 'map_type' ? 'value' : 'element');
  const value = vars[1];
  if (element?.type !== 'type_identifier' || !value || value === '_' || index.underlyingKind(element.text) !== 'interface') return plan;
  const iface = index.type(element.text)?.typeNode.text ?? '';
  const name = method.childForFieldName('name')?.text ?? 'this method';
  for (const c of loop.childForFieldName('body')!.descendantsOfType('call_expression')) {
    const fn = c.childForFieldName('function')!;
    if (fn.type !== 'selector_expression' || fn.childForFieldName('operand')!.text !== value) continue;
    const called = fn.childForFieldName('field')!.text;
    const declared = new RegExp(`^\\s*${called}\\s*\\(([^)]*)\\)`, 'm').exec(iface);
    if (!declared) continue;
    const impls = index.functionsNamed(called, true);
    for (const impl of impls) {
      const recv = receiverOf(impl);
      if (!recv?.name || /\.(R?Lock|TryLock)\(\)/.test(impl.text)) continue;
      const write = new RegExp(`(?<![\\w.])${recv.name}\\.(\\w+)\\s*=[^=]`).exec(impl.childForFieldName('body')?.text ?? '');
      const change = write ? `${recv.name}.${write[1]} = …` : mutatesThroughFields(index, recv.typeName, impl);
      if (change) return { ok: false, reason: `the elements are ${element.text}, an interface whose implementation ${recv.typeName}.${called} changes its receiver's fields (${change}) taking no lock of its own: ${cs.mutex} kept two ${name} calls' ${fn.text}() off one element, and after unlocking they could run at once` };
    }
    if (impls.length === 0 && /^Write/.test(called) && !/\[\]byte/.test(declared[1])) {
      return { ok: false, reason: `the elements are ${element.text}, a writer interface of the package whose ${called} implementations it does not show (not an io.Writer): ${cs.mutex} kept two ${name} calls' ${fn.text}() off one element, and after unlocking two callers' writes could interleave on one writer (a header from one between another's header and body)` };
    }
  }
  return plan;
}
