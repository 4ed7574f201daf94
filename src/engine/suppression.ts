import type Parser from 'tree-sitter';
import { LineIndex } from './line-index.js';
import type { Finding } from './types.js';

/** A `//goconc:ignore [ids] [// reason]` comment. */
export interface Suppression {
  /** 1-based line of the comment: it covers findings on this line and the next. */
  line: number;
  column: number;
  /** Codemod ids it names; empty means every codemod. */
  ids: string[];
  start: number;
  end: number;
  used: boolean;
}

const DIRECTIVE = /^\/\/\s*goconc:ignore(?:\s+([A-Za-z0-9_,\s-]*?))?\s*(?:\/\/.*)?$/;

export function parseSuppressions(tree: Parser.Tree, lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  for (const c of tree.rootNode.descendantsOfType('comment')) {
    const m = DIRECTIVE.exec(c.text.trim());
    if (!m) continue;
    out.push({
      line: lines.line(c.startIndex),
      column: lines.column(c.startIndex),
      ids: (m[1] ?? '').split(/[\s,]+/).filter(Boolean),
      start: c.startIndex,
      end: c.endIndex,
      used: false,
    });
  }
  return out;
}

/** Drop findings a suppression covers (same line or the line below it), marking those used. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): Finding[] {
  if (suppressions.length === 0) return findings;
  return findings.filter((f) => {
    const s = suppressions.find((x) => (x.line === f.line || x.line === f.line - 1) && (x.ids.length === 0 || x.ids.includes(f.codemod)));
    if (s) s.used = true;
    return !s;
  });
}

export const UNUSED_SUPPRESSION = 'unused-ignore';

export interface SuppressionScope {
  /** Every codemod id goconc knows. */
  known: Set<string>;
  /** Codemods this run used. */
  ran: Set<string>;
  /** True when the run used at least the default set, so a bare ignore can be judged. */
  ranEveryDefault: boolean;
}

/**
 * Findings for suppressions that suppressed nothing. Only judged for codemods that ran: a comment
 * naming a codemod left out of this run may still be needed.
 */
export function unusedSuppressions(suppressions: Suppression[], scope: SuppressionScope, file: string, lines: LineIndex): Finding[] {
  const out: Finding[] = [];
  for (const s of suppressions) {
    if (s.used) continue;
    const unknown = s.ids.filter((id) => !scope.known.has(id));
    if (unknown.length === 0 && s.ids.length > 0 && !s.ids.some((id) => scope.ran.has(id))) continue;
    if (s.ids.length === 0 && !scope.ranEveryDefault) continue;
    const message = unknown.length
      ? `//goconc:ignore names unknown codemod${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`
      : '//goconc:ignore suppresses nothing';
    out.push({
      codemod: UNUSED_SUPPRESSION,
      file,
      start: s.start,
      end: s.end,
      line: s.line,
      column: s.column,
      endLine: lines.line(s.end),
      endColumn: lines.column(s.end),
      severity: 'info',
      message,
      reason: 'remove the comment, or fix the codemod ids it names',
    });
  }
  return out;
}
