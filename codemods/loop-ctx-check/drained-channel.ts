import type { PackageIndex } from '../../src/go/package-index.js';
import type { CancellationSource } from '../../src/go/cancellation.js';
import { regexEscaped } from '../../src/go/find-by-text.js';
import { waitsFor } from './sender-way-out.js';
import { declarationOf, isLocalOf } from '../../src/go/scope.js';
import { ancestors, contains, enclosingFunction, firstLine, same, type Node } from '../../src/go/syntax.js';

/**
 * A channel the loop receives from in a case of its select (a field, `case ev := <-c.events:`, or
 * a local of the function starting it), that other code of the package sends on with a plain
 * send, outside a select with a way out and outside this goroutine (`c.events <- ev` in resty's
 * onResponse): the loop is what drains it, and ended on the context, its senders would block for
 * good once the buffer fills. So too a send in a select whose only way out is another source than
 * the loop's (`case <-ctx.Done():`, the request's own context, where the loop checks `h.ctx`:
 * a variant of mercure's hub dispatcher): ended on its source, the loop would leave them waiting
 * until theirs ends, for good for one that never does. The channel, the sending function, the
 * buffer's size as written (`'0'` for an unbuffered channel, undefined when its make is not
 * found), and for a send in a select, its other cases as written (`<-ctx.Done()`).
 */
export function drainedChannel(loop: Node, fn: Node, index: PackageIndex, source: CancellationSource): { channel: string; sender: string; buffer?: string; others?: string } | undefined {
  for (const kase of loop.descendantsOfType('communication_case')) {
    if (!same(enclosingFunction(kase), fn)) continue;
    const comm = kase.childForFieldName('communication');
    const right = comm?.type === 'receive_statement' ? comm.childForFieldName('right') : undefined;
    const operand = right?.type === 'unary_expression' && right.childForFieldName('operator')?.text === '<-' ? right.childForFieldName('operand') : undefined;
    if (!operand || /^time\.|\.C$/.test(operand.text)) continue;
    if (operand.type === 'selector_expression') {
      const field = operand.childForFieldName('field')!.text;
      const sender = fieldSender(field, fn, index, source);
      if (sender) return { channel: operand.text, ...sender, buffer: bufferOf(index.allTexts(), field) };
    } else if (operand.type === 'identifier') {
      const found = declarationOf(operand.text, operand);
      if (!found || !('local' in found)) continue;
      const scope = enclosingFunction(found.local.decl);
      if (!scope || contains(fn, found.local.decl)) continue;
      const send = scope.descendantsOfType('send_statement').find((s) => {
        const ch = s.childForFieldName('channel');
        return ch?.type === 'identifier' && ch.text === operand.text && !contains(fn, s) && isLocalOf(ch.text, s, found.local.decl) && waitsFor(s, source) !== undefined;
      });
      if (send) return { channel: operand.text, sender: topLevelName(send) ?? 'the function starting it', others: waitsFor(send, source) || undefined, buffer: bufferOf([scope.text], operand.text) };
    }
  }
  return undefined;
}

/** A function of the package sending on a field of this name with a plain send (or one waiting on another source), not in the goroutine `fn`: its name. */
function fieldSender(field: string, fn: Node, index: PackageIndex, source: CancellationSource): { sender: string; others?: string } | undefined {
  for (const at of index.nodesMatching(new RegExp(`\\.${regexEscaped(field)}\\s*<-`, 'g'), () => 1, (decl) => decl.includes('<-'))) {
    const send = ancestors(at).find((a) => a.type === 'send_statement');
    const ch = send?.childForFieldName('channel');
    if (!send || ch?.type !== 'selector_expression' || ch.childForFieldName('field')?.text !== field) continue;
    // This goroutine's own sends (its declaration parsed alone: known by its text).
    if (ancestors(send).some((a) => a.type === 'func_literal' && a.text === fn.text)) continue;
    const others = waitsFor(send, source);
    if (others !== undefined) return { sender: topLevelName(send) ?? firstLine(send.text), others: others || undefined };
  }
  return undefined;
}

function topLevelName(n: Node): string | undefined {
  const decl = ancestors(n).find((a) => a.type === 'function_declaration' || a.type === 'method_declaration');
  return decl?.childForFieldName('name')?.text;
}

/** The buffer given where the channel is made (`events: make(chan Event, 16)`, `c.events = make(…)`): `'0'` when none. */
function bufferOf(texts: string[], name: string): string | undefined {
  const made = new RegExp(`(?<![\\w])${regexEscaped(name)}\\s*(?::=|=|:)\\s*make\\(\\s*(?:<-\\s*)?chan\\b[^,()]*(?:\\([^()]*\\)[^,()]*)*(?:,\\s*([^()\\n]+?)\\s*)?\\)`);
  for (const text of texts) {
    const m = made.exec(text);
    if (m) return m[1] ?? '0';
  }
  return undefined;
}
