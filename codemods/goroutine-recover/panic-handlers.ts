import type { FileContext } from '../../src/engine/types.js';
import { calledTextWhere } from '../../src/go/called-functions.js';
import { functionTexts, importedModuleTexts, methodTexts } from '../../src/go/module-packages.js';
import type { Node } from '../../src/go/syntax.js';

const RECOVERS = /\brecover\(\)/;

/**
 * A deferred call of a function that handles the goroutine's panics itself, found by reading it:
 * the package's own, or one of another package of the module, called in place or through the
 * function it returns (`defer crash.Notify("Core")()`, whose returned function recovers, logs and
 * panics again: rudder-server's crash policy, which a recover above it would have swallowed). Also
 * one call further, a function of that package calling a method that recovers.
 */
export function deferredPanicHandler(st: Node, ctx: FileContext): boolean {
  if (st.type !== 'defer_statement') return false;
  const call = st.namedChild(0);
  const made = call?.childForFieldName('function');
  const inner = made?.type === 'call_expression' ? made : call;
  const callee = inner?.type === 'call_expression' ? inner.childForFieldName('function') : undefined;
  if (!callee) return false;
  if (calledTextWhere([callee], ctx.packageIndex(), (text) => RECOVERS.test(text))) return true;
  const operand = callee.type === 'selector_expression' ? callee.childForFieldName('operand') : undefined;
  const texts = operand?.type === 'identifier' ? importedModuleTexts(operand.text, [ctx.source], ctx.path) : undefined;
  if (!texts) return false;
  const decls = functionTexts(texts, callee.childForFieldName('field')!.text);
  return decls.some((d) => RECOVERS.test(d) || [...d.matchAll(/\.(\w+)\(/g)].some((m) => methodTexts(texts, m[1]).some((t) => RECOVERS.test(t))));
}
