import type { FileContext } from '../../../src/engine/types.js';
import { parametersGiven } from '../../../src/go/called-functions.js';
import { receiverOf } from '../../../src/go/declarations.js';
import { sendStatements } from '../../../src/go/find-by-text.js';
import { constructedTypeName, declarationOf, declaredTypeName, isLocalOf, selectedField } from '../../../src/go/scope.js';
import { enclosingFunction, firstLine, unparen, type Node } from '../../../src/go/syntax.js';

/**
 * A relay ranging over a channel field of a local (`for chunk := range chunkReporter.chunkCh`,
 * `chunkReporter := &ChunkReporter{chunkCh: make(chan *Chunk, 1)}` or `x := newT(…)`) that the
 * package fills with a plain send, not a select case: in a method of the type (`func (c
 * *ChunkReporter) ChunkOk(…) { c.chunkCh <- &chunk }`), on the field of that local in the function
 * declaring it, or on the field of a parameter it is handed to. A relay that stops draining leaves
 * that sender waiting forever (a variant of trufflehog's source manager, whose chunk producers
 * blocked once the forwarder gave up). What follows the ranged channel: `chunkReporter.chunkCh,
 * filled by c.chunkCh <- &chunk (in ChunkOk)`.
 */
export function fieldFilledPlainly(ranged: Node, ctx: FileContext): string | undefined {
  const operand = ranged.type === 'selector_expression' ? ranged.childForFieldName('operand') : undefined;
  const field = ranged.childForFieldName('field')?.text;
  if (operand?.type !== 'identifier' || !field) return undefined;
  const found = declarationOf(operand.text, ranged);
  if (!found || !('local' in found)) return undefined;
  const index = ctx.packageIndex();
  const typeName = declaredTypeName(operand.text, ranged) ?? constructedTypeName(operand.text, ranged, index);
  const decl = selectedField(ranged, index);
  if (!typeName || !decl || !/^(<-\s*)?chan\b/.test(decl.type)) return undefined;
  const sender = inMethods(typeName, field, ctx) ?? inMaker(operand.text, field, found.local.decl, ctx);
  return sender && `${ranged.text}, filled by ${sender}`;
}

/** A send on `on` that is not a select case. */
function plainSend(sends: Node[], on: string): Node | undefined {
  return sends.find((s) => s.parent?.type !== 'communication_case' && unparen(s.childForFieldName('channel')!).text.replace(/\s/g, '') === on);
}

/** A plain send on the field of the receiver in a method of the type: `c.chunkCh <- &chunk (in ChunkOk)`. */
function inMethods(typeName: string, field: string, ctx: FileContext): string | undefined {
  const methods = ctx.packageIndex().methodsWhere(typeName, (text) => text.includes(field) && text.includes('<-'));
  for (const m of methods) {
    const recv = receiverOf(m.node)?.name;
    const send = recv ? plainSend(m.node.descendantsOfType('send_statement'), `${recv}.${field}`) : undefined;
    if (send) return `${firstLine(send.text)} (in ${m.name})`;
  }
  return undefined;
}

/** A plain send on the local's field in the function declaring it, or on a parameter's field in a package function it is handed to. */
function inMaker(name: string, field: string, decl: Node, ctx: FileContext): string | undefined {
  const maker = enclosingFunction(decl);
  if (!maker) return undefined;
  const own = plainSend(sendStatements(maker, ctx.source), `${name}.${field}`);
  if (own && isLocalOf(name, own, decl)) return `${firstLine(own.text)} (line ${own.startPosition.row + 1})`;
  for (const call of maker.descendantsOfType('call_expression')) {
    for (const { callee, decl: there, param } of parametersGiven(call, name, ctx.packageIndex())) {
      const send = plainSend(there.descendantsOfType('send_statement'), `${param}.${field}`);
      if (send) return `${firstLine(send.text)} (in ${callee})`;
    }
  }
  return undefined;
}
