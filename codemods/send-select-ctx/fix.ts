import { doneReceive, type CancellationSource } from '../../src/go/cancellation.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { exitStatements } from '../../src/go/results.js';
import { endsLine, eol, indentAt, lineEnd, startsLine, type Node } from '../../src/go/syntax.js';
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

/** The fix that turns `send` into a select on `cancel`, leaving `fn` when it fires. */
export function buildFix(
  send: Node,
  fn: Node,
  cancel: CancellationSource,
  placement: Placement,
  source: string,
  index: () => PackageIndex,
): FixPlan {
  const exit = exitStatements(fn, cancel, index, send);
  if (!exit.ok) return exit;
  const nl = eol(source);
  const description = `select on ${doneReceive(cancel).slice(2)} (${cancel.label}) and ${exit.lines.join('; ')}`;
  if (placement.kind === 'statement') {
    const indent = indentAt(source, send.startIndex);
    const text = selectText(send.text, cancel, exit.lines, indent, nl);
    // A trailing comment aligned with its neighbours' now follows a `}`: one space, as gofmt puts it.
    const gap = /^[ \t]+(?=\/\/)/.exec(source.slice(send.endIndex, lineEnd(source, send.endIndex)));
    const end = gap ? send.endIndex + gap[0].length : send.endIndex;
    return { ok: true, fix: { description, edits: [{ start: send.startIndex, end, text: gap ? `${text} ` : text }] } };
  }
  const outer = indentAt(source, placement.block.startIndex);
  const inner = `${outer}\t`;
  const text = `{${nl}${inner}${selectText(send.text, cancel, exit.lines, inner, nl)}${nl}${outer}}`;
  return { ok: true, fix: { description, edits: [{ start: placement.block.startIndex, end: placement.block.endIndex, text }] } };
}

function selectText(send: string, cancel: CancellationSource, exit: string[], indent: string, nl: string): string {
  return [
    'select {',
    `${indent}case ${send}:`,
    `${indent}case ${doneReceive(cancel)}:`,
    ...exit.map((l) => `${indent}\t${l}`),
    `${indent}}`,
  ].join(nl);
}
