import type Parser from 'tree-sitter';
import { applyEdits, overlaps } from './apply-edits.js';
import { LineIndex } from './line-index.js';
import type { PackageIndexCache } from './package-cache.js';
import { applySuppressions, parseSuppressions, unusedSuppressions, type SuppressionScope } from './suppression.js';
import { parseGo, reparseGo } from './parser.js';
import { withoutFixesInFailpoints } from './failpoints.js';
import { aroundGrammarGaps } from './grammar-gaps.js';
import { partialRanges } from './partial-parse.js';
import type { Codemod, Edit, Finding, RawFinding } from './types.js';
import { fixEdits, ParseChecker, verifyFixes } from './verify-fixes.js';
import { withoutFixesInTemplate } from './template-source.js';
import { declaresName } from '../go/top-level-names.js';
import type { GodebugSettings } from './godebug.js';

export interface AnalyzeOptions {
  codemods: readonly Codemod[];
  /** Options per codemod id (defaults already merged). */
  codemodOptions?: Record<string, Record<string, unknown>>;
  goVersion: string | undefined;
  /** GODEBUG settings of the file's build (go.mod, go.work, `//go:debug`). */
  godebug?: GodebugSettings;
  packages: PackageIndexCache;
  /** When set, `//goconc:ignore` comments that suppress nothing are reported. */
  suppressionScope?: SuppressionScope;
  /**
   * Fix mode: a file offered a fix is parsed whole (a fix is written only to a file that parses).
   * A scan checks fixes over the parts of the file it parsed.
   */
  wholeFileForFixes?: boolean;
}

const IGNORE_MARK = 'goconc:ignore';

export interface Analysis {
  /** False when no enabled codemod's prefilter matched: the file was not parsed. */
  parsed: boolean;
  /** Set when the file does not parse: it is left alone. */
  syntaxError?: { line: number; column: number };
  /**
   * First lines of the top-level declarations left out of the analysis: Go reads them, the
   * grammar does not (newer syntax).
   */
  unreadDeclarations?: number[];
  /** The parts of the file `tree` covers, when it covers only parts. */
  ranges?: Parser.Range[];
  findings: Finding[];
  /** Codemod crashes and fixes dropped by verification, as messages. */
  internalErrors: string[];
  /** The tree of a file that parsed, for a fix pass to reuse (never sent between threads). */
  tree?: Parser.Tree;
}

/** Run the codemods over one file's text. `file` is the path shown in findings. */
export function analyzeSource(path: string, file: string, source: string, opts: AnalyzeOptions): Analysis {
  const active = opts.codemods.filter((c) => c.prefilter(source, opts.goVersion, opts.godebug));
  const hasIgnores = source.includes(IGNORE_MARK);
  if (active.length === 0 && !(hasIgnores && opts.suppressionScope)) return { parsed: false, findings: [], internalErrors: [] };
  // Only the functions some codemod may look into, when that is a small part of the file.
  let ranges = hasIgnores ? undefined : partialRanges(source, active);
  let tree = ranges ? parseGo(source, ranges) : parseGo(source);
  let partial = !!ranges;
  if (partial && tree.rootNode.hasError) {
    tree = parseGo(source);
    partial = false;
  }
  let unread: number[] | undefined;
  // A whole-file tree with errors: read around the declarations holding them, if Go reads the file.
  const aroundGaps = (): boolean => {
    const gaps = aroundGrammarGaps(source, tree);
    if (gaps) ({ tree, ranges, lines: unread } = gaps);
    return (partial = !!gaps);
  };
  if (tree.rootNode.hasError && !aroundGaps()) return syntaxError(tree, source);
  // Built on the first finding: most files have none.
  let index: LineIndex | undefined;
  const lines = () => (index ??= new LineIndex(source));
  let findings: Finding[] = [];
  const internalErrors: string[] = [];
  for (const codemod of active) {
    let raw: RawFinding[];
    try {
      raw = codemod.find({
        path,
        source,
        tree,
        goVersion: opts.goVersion,
        godebug: opts.godebug,
        packageIndex: () => opts.packages.get(path, tree, source),
        options: opts.codemodOptions?.[codemod.id] ?? defaultOptions(codemod),
      });
    } catch (err) {
      internalErrors.push(`${codemod.id} failed: ${(err as Error).stack ?? err}`);
      continue;
    }
    for (const r of raw) {
      const f: Finding = {
        ...r,
        codemod: codemod.id,
        file,
        severity: r.severity ?? codemod.severity,
        line: lines().line(r.start),
        column: lines().column(r.start),
        endLine: lines().line(r.end),
        endColumn: lines().column(r.end),
      };
      findings.push(f);
    }
  }
  if (hasIgnores) {
    const suppressions = parseSuppressions(tree, lines());
    findings = applySuppressions(findings, suppressions);
    if (opts.suppressionScope) findings.push(...unusedSuppressions(suppressions, opts.suppressionScope, file, lines()));
  }
  if (partial && !unread && opts.wholeFileForFixes && findings.some((f) => f.fix || f.alternatives)) {
    // Parsing it again from the partial tree reuses the functions already parsed.
    tree = reparseGo(source, tree);
    partial = false;
    // Syntax the grammar does not read, in a declaration the partial parse left out.
    if (tree.rootNode.hasError && !aroundGaps()) return syntaxError(tree, source);
  }
  // A name the package declares at top level (`var log = …`, or assigned as one) cannot be an import's.
  const packageDeclares = (name: string) => declaresName(opts.packages.get(path, tree, source), name);
  withoutFixesInTemplate(findings, source);
  withoutFixesInFailpoints(findings, source, tree);
  verifyFixes(findings, source, tree, internalErrors, partial ? ranges : undefined, packageDeclares);
  findings.sort((a, b) => a.start - b.start || a.codemod.localeCompare(b.codemod));
  return { parsed: true, findings, internalErrors, tree, ranges: partial ? ranges : undefined, unreadDeclarations: unread };
}

function syntaxError(tree: Parser.Tree, source: string): Analysis {
  const bad = firstError(tree);
  const lines = new LineIndex(source);
  return { parsed: true, syntaxError: { line: lines.line(bad.startIndex), column: lines.column(bad.startIndex) }, findings: [], internalErrors: [] };
}

export function defaultOptions(codemod: Codemod): Record<string, unknown> {
  return Object.fromEntries(codemod.options.map((o) => [o.name, o.default]));
}

export interface FixOutcome extends Analysis {
  /** The text after every applicable fix; equal to the input when nothing applied. */
  fixed: string;
  /** Findings of the first pass whose fix was applied. */
  applied: Finding[];
  /** Findings with a fix that could not be applied, with why. */
  failed: { finding: Finding; reason: string }[];
}

const MAX_PASSES = 5;

/**
 * Apply fixes until none is left: each pass applies the non-overlapping fixes in file order and
 * re-analyses, so fixes deferred for overlapping an earlier one land in the next pass.
 */
export function fixSource(path: string, file: string, source: string, given: AnalyzeOptions): FixOutcome {
  const opts = { ...given, wholeFileForFixes: true };
  const first = analyzeSource(path, file, source, opts);
  const applied: Finding[] = [];
  const internalErrors = [...first.internalErrors];
  let current = source;
  let findings = first.findings;
  let tree = first.tree;
  let ranges = first.ranges;
  /** The edits of each pass so far: a later pass's finding is found back in the first's text. */
  const passes: Edit[][] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (!tree) break;
    // A finding the first pass refused stays refused when that codemod's own fixes are what
    // changed: its rewrites hide the code its reason names rather than remove the hazard (okteto's
    // login handler: the failure sends, once selects, no longer kept the user's send from one).
    const fixable = findings.filter((f) => f.fix && !(pass > 0 && refusedBeforeOwnFixes(f, first.findings, passes, applied)));
    if (fixable.length === 0) break;
    const chosen: Finding[] = [];
    for (const f of fixable) {
      if (!chosen.some((c) => c.fix!.edits.some((a) => f.fix!.edits.some((b) => overlaps(a, b))))) chosen.push(f);
    }
    let together = fixEdits(current, tree, chosen.map((f) => f.fix!));
    if (!new ParseChecker(current, tree, ranges).parses(together)) {
      // Each fix parsed alone; together they do not. Apply the first only and re-analyse.
      together = fixEdits(current, tree, [chosen[0].fix!]);
      chosen.length = 1;
    }
    const next = applyEdits(current, together);
    if (next === current) break;
    if (pass === 0) applied.push(...chosen);
    else applied.push(...chosen.map((c) => firstPassFinding(c, first.findings, passes, applied)));
    passes.push(together);
    current = next;
    const again = analyzeSource(path, file, current, opts);
    internalErrors.push(...again.internalErrors);
    findings = again.findings;
    tree = again.tree;
    ranges = again.ranges;
  }
  const failed = first.findings
    .filter((f) => f.fix && !applied.includes(f))
    .map((finding) => ({ finding, reason: 'could not be applied together with the other fixes of this file' }));
  return { ...first, internalErrors: [...new Set(internalErrors)], fixed: current, applied, failed };
}

/**
 * The first pass's finding that a later pass's applied finding stands for: same codemod, same
 * place once the earlier passes' edits are undone (two findings of a codemod may share their
 * message). One the first pass gave no fix (a fix the others made possible) now says so.
 */
function firstPassFinding(later: Finding, firsts: Finding[], passes: Edit[][], taken: Finding[]): Finding {
  let start = later.start;
  for (let p = passes.length - 1; p >= 0; p--) start = offsetBeforeEdits(start, passes[p]);
  const same = firsts.find((f) => f.codemod === later.codemod && f.start === start && !taken.includes(f));
  if (!same) return later;
  if (!same.fix && later.fix) same.reason = `fixed once the file's other fixes were in (${later.fix.description}): see the patch`;
  return same;
}

/** Whether a later pass's finding was refused by the first pass, and its codemod's fixes have been applied since. */
function refusedBeforeOwnFixes(later: Finding, firsts: Finding[], passes: Edit[][], applied: Finding[]): boolean {
  let start = later.start;
  for (let p = passes.length - 1; p >= 0; p--) start = offsetBeforeEdits(start, passes[p]);
  const origin = firsts.find((f) => f.codemod === later.codemod && f.start === start);
  return !!origin && !origin.fix && applied.some((a) => a.codemod === later.codemod);
}

/** Where an offset of the text after `edits` (sorted, not overlapping) was before them; inside inserted text, the edit's start. */
export function offsetBeforeEdits(offset: number, edits: Edit[]): number {
  let delta = 0;
  for (const e of edits) {
    const start = e.start + delta;
    if (offset < start) break;
    if (offset < start + e.text.length) return e.start;
    delta += e.text.length - (e.end - e.start);
  }
  return offset - delta;
}

function firstError(tree: Parser.Tree): Parser.SyntaxNode {
  let node = tree.rootNode;
  for (;;) {
    const child = node.children.find((c) => c.type === 'ERROR' || c.isMissing || c.hasError);
    if (!child) return node;
    if (child.type === 'ERROR' || child.isMissing) return child;
    node = child;
  }
}
