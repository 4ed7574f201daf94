import { doneReceive, type CancellationSource } from '../../src/go/cancellation.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { exitStatements } from '../../src/go/results.js';
import { endsLine, eol, indentAt, lineEnd, startsLine, type Node } from '../../src/go/syntax.js';
import type { SendOperands } from './rewrite/send-operands.js';
import { fanOutLoop } from './rewrite/fan-out.js';
import type { Fix } from '../../src/engine/types.js';

export type FixPlan = { ok: true; fix: Fix } | { ok: false; reason: string };

/** Where the select goes: the send's own line, or the one-line block it is alone in. */
type Placement = { kind: 'statement' } | { kind: 'block'; block: Node };

export function placementOf(send: Node, source: string): Placement | { reason: string } {
  const list = send.parent;
  if (list?.type !== 'statement_list') {
    return { reason: `the send is not a plain statement (it is part of a ${list?.type ?? 'larger construct'})` };
  }
  if (startsLine(source, send) && endsLine(source, send)) return { kind: 'statement' };
  const block = list.parent;
  if (
    block?.type === 'block' &&
    list.namedChildCount === 1 &&
    !block.text.includes('\n') &&
    block.descendantsOfType('comment').length === 0
  ) {
    return { kind: 'block', block };
  }
  return { reason: 'the send shares its line with other statements' };
}

/**
 * The fix that turns `send` into a select on `cancel`, leaving `fn` when it fires, or, for a
 * fan-out (rewrite/fan-out.ts), going on to the loop's next channel: the one that waits is skipped, and
 * every channel after it still gets the value it has room for. With
 * `operands` (the send-first shape), the send is first tried alone, with a default: a select
 * picks at random among cases that can go, so once `cancel` is done it would drop a value the
 * channel had room for, or a receiver was waiting for, which the plain send delivered.
 */
export function buildFix(
  send: Node,
  fn: Node,
  cancel: CancellationSource,
  placement: Placement,
  source: string,
  index: () => PackageIndex,
  operands?: SendOperands,
): FixPlan {
  const exit: ReturnType<typeof exitStatements> = fanOutLoop(send) ? { ok: true, lines: ['continue'] } : exitStatements(fn, cancel, index, send);
  if (!exit.ok) return exit;
  const nl = eol(source);
  const waits = `select on ${doneReceive(cancel).slice(2)} (${cancel.label}) and ${exit.lines.join('; ')}`;
  const description = operands ? `send at once if it can go, else ${waits}` : waits;
  const selectText = (indent: string) => (operands ? sendFirstText(operands, cancel, exit.lines, indent, nl) : plainSelectText(send.text, cancel, exit.lines, indent, nl));
  if (placement.kind === 'statement') {
    const indent = indentAt(source, send.startIndex);
    const text = selectText(indent);
    // A trailing comment aligned with its neighbours' now follows a `}`: one space, as gofmt puts it.
    const gap = /^[ \t]+(?=\/\/)/.exec(source.slice(send.endIndex, lineEnd(source, send.endIndex)));
    const end = gap ? send.endIndex + gap[0].length : send.endIndex;
    return { ok: true, fix: { description, edits: [{ start: send.startIndex, end, text: gap ? `${text} ` : text }] } };
  }
  const outer = indentAt(source, placement.block.startIndex);
  const inner = `${outer}\t`;
  const text = `{${nl}${inner}${selectText(inner)}${nl}${outer}}`;
  return { ok: true, fix: { description, edits: [{ start: placement.block.startIndex, end: placement.block.endIndex, text }] } };
}

function plainSelectText(send: string, cancel: CancellationSource, exit: string[], indent: string, nl: string): string {
  return [
    'select {',
    `${indent}case ${send}:`,
    `${indent}case ${doneReceive(cancel)}:`,
    ...exit.map((l) => `${indent}\t${l}`),
    `${indent}}`,
  ].join(nl);
}

/** The send tried alone first, then the select, after the temporaries its operands need. */
function sendFirstText(operands: SendOperands, cancel: CancellationSource, exit: string[], indent: string, nl: string): string {
  const inner = `${indent}\t`;
  const select = [
    'select {',
    `${indent}case ${operands.send}:`,
    `${indent}default:`,
    `${inner}${plainSelectText(operands.send, cancel, exit, inner, nl)}`,
    `${indent}}`,
  ].join(nl);
  return operands.before ? `${operands.before}${nl}${indent}${select}` : select;
}
