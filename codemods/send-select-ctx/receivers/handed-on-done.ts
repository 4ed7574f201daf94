import type { FileContext } from '../../../src/engine/types.js';
import type { CancellationSource } from '../../../src/go/cancellation.js';
import { isDoneCase, receiveCase } from '../../../src/go/receive-shapes.js';
import { declarationOf } from '../../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, same, unparen, type Node } from '../../../src/go/syntax.js';
import { ownerType } from './receivers.js';

/**
 * A receiver of the channel waits for it in a select beside a done case (`case <-c.context.Done():`)
 * that still wants the value: it receives from the channel again, or hands it to a call
 * (`KillAndWait(c.cmd, c.waitCh)`, which terminates the process and then waits for its exit
 * status on waitCh: gitlab-runner's custom and shell executors). The value is wanted after
 * cancellation, and a send abandoned once the source is done would lose it. The reason, if so.
 */
export function handedOnInDoneCase(send: Node, ctx: FileContext, source: CancellationSource): string | undefined {
  const chan = unparen(send.childForFieldName('channel')!);
  for (const receive of receivesOf(chan, send, ctx)) {
    const kase = receiveCase(receive);
    const done = kase?.parent?.namedChildren.find(isDoneCase);
    if (!done) continue;
    const expr = flat(receive.childForFieldName('operand')!.text);
    const wants = stillWanted(done, expr);
    if (!wants) continue;
    // Found in the package by text, the receive may be parsed apart from its file: no line, its function.
    const holder = ancestors(done).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
    const where = holder ? `, in ${holder.childForFieldName('name')?.text}(),` : '';
    const comm = done.childForFieldName('communication')!.text.replace(/\s/g, '');
    return `the receiver's ${comm} case${where} ${wants}, which still waits for the value after that end: a send abandoned once ${source.expr} is done would lose it (an exit status read after a kill)`;
  }
  return undefined;
}

/** How the done case still takes the value: `hands c.waitCh to KillAndWait`, `receives from c.waitCh again`. */
function stillWanted(done: Node, expr: string): string | undefined {
  for (const call of done.descendantsOfType('call_expression')) {
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (!args.some((a) => flat(unparen(a).text) === expr)) continue;
    const callee = unparen(call.childForFieldName('function')!);
    const name = callee.type === 'selector_expression' ? callee.childForFieldName('field')!.text : callee.text;
    return `hands ${expr} to ${name}`;
  }
  const again = done.descendantsOfType('unary_expression').find((u) => u.childForFieldName('operator')?.text === '<-' && flat(u.childForFieldName('operand')?.text ?? '') === expr);
  return again ? `receives from ${expr} again (${again.text})` : undefined;
}

/**
 * The receives (`<-ch` unary expressions) of the channel: for a local, in the function declaring
 * it; for a field, anywhere in the package, of the same owner type when known. Not parameters.
 */
function receivesOf(chan: Node, send: Node, ctx: FileContext): Node[] {
  if (chan.type === 'identifier') {
    const found = declarationOf(chan.text, send);
    if (!found || !('local' in found)) return [];
    const scope = enclosingFunction(found.local.decl);
    if (!scope) return [];
    return scope.descendantsOfType('unary_expression').filter((u) => {
      const operand = u.childForFieldName('operand');
      if (u.childForFieldName('operator')?.text !== '<-' || operand?.text !== chan.text || !contains(scope, u)) return false;
      const decl = declarationOf(chan.text, u);
      return !!decl && 'local' in decl && same(decl.local.decl, found.local.decl);
    });
  }
  if (chan.type !== 'selector_expression') return [];
  const field = chan.childForFieldName('field')!.text;
  const owner = ownerType(chan, send);
  const pattern = new RegExp(`<-\\s*(?:[\\w.]|\\[[^\\]\\n]*\\])+\\.${field}\\b`, 'g');
  return ctx
    .packageIndex()
    .nodesMatching(pattern)
    .map((n) => n.parent)
    .filter((u): u is Node => u?.type === 'unary_expression')
    .filter((u) => {
      const operand = unparen(u.childForFieldName('operand')!);
      return operand.type === 'selector_expression' && (!owner || [undefined, owner].includes(ownerType(operand, u)));
    });
}

function flat(text: string): string {
  return text.replace(/\s/g, '');
}
