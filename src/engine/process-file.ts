import type Parser from 'tree-sitter';
import { addImportEdits } from '../go/imports.js';
import { eol } from '../go/syntax.js';
import { applyEdits, checkEdits, overlaps } from './apply-edits.js';
import { LineIndex } from './line-index.js';
import type { PackageIndexCache } from './package-cache.js';
import { applySuppressions, parseSuppressions, unusedSuppressions, type SuppressionScope } from './suppression.js';
import { countErrors, parseGo } from './parser.js';
import type { Codemod, Edit, Finding, Fix, RawFinding } from './types.js';

export interface AnalyzeOptions {
  codemods: readonly Codemod[];
  /** Options per codemod id (defaults already merged). */
  codemodOptions?: Record<string, Record<string, unknown>>;
  goVersion: string | undefined;
  packages: PackageIndexCache;
  /** When set, `//goconc:ignore` comments that suppress nothing are reported. */
  suppressionScope?: SuppressionScope;
}

const IGNORE_MARK = 'goconc:ignore';

export interface Analysis {
  /** False when no enabled codemod's prefilter matched: the file was not parsed. */
  parsed: boolean;
  /** Set when the file does not parse: it is left alone. */
  syntaxError?: { line: number; column: number };
  findings: Finding[];
  /** Codemod crashes and fixes dropped by verification, as messages. */
  internalErrors: string[];
}

/** Run the codemods over one file's text. `file` is the path shown in findings. */
export function analyzeSource(path: string, file: string, source: string, opts: AnalyzeOptions): Analysis {
  const active = opts.codemods.filter((c) => c.prefilter.some((s) => source.includes(s)));
  const hasIgnores = source.includes(IGNORE_MARK);
  if (active.length === 0 && !(hasIgnores && opts.suppressionScope)) return { parsed: false, findings: [], internalErrors: [] };
  const tree = parseGo(source);
  if (tree.rootNode.hasError) {
    const bad = firstError(tree);
    const lines = new LineIndex(source);
    return {
      parsed: true,
      syntaxError: { line: lines.line(bad.startIndex), column: lines.column(bad.startIndex) },
      findings: [],
      internalErrors: [],
    };
  }
  const lines = new LineIndex(source);
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
        packageIndex: () => opts.packages.get(path, tree),
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
        line: lines.line(r.start),
        column: lines.column(r.start),
        endLine: lines.line(r.end),
        endColumn: lines.column(r.end),
      };
      findings.push(f);
    }
  }
  if (hasIgnores) {
    const suppressions = parseSuppressions(tree, lines);
    findings = applySuppressions(findings, suppressions);
    if (opts.suppressionScope) findings.push(...unusedSuppressions(suppressions, opts.suppressionScope, file, lines));
  }
  // One parse checks every preferred fix at once; only when that fails is each fix checked alone.
  if (!allFixesParse(findings, source, tree)) for (const f of findings) verifyFixes(f, source, tree, internalErrors);
  else for (const f of findings) verifyAlternatives(f, source, tree, internalErrors);
  findings.sort((a, b) => a.start - b.start || a.codemod.localeCompare(b.codemod));
  return { parsed: true, findings, internalErrors };
}

export function defaultOptions(codemod: Codemod): Record<string, unknown> {
  return Object.fromEntries(codemod.options.map((o) => [o.name, o.default]));
}

/**
 * True when the preferred fixes of all findings, applied together, leave a file with no ERROR
 * node (and do not overlap). The common case costs one parse per file instead of one per fix.
 */
function allFixesParse(findings: Finding[], source: string, tree: Parser.Tree): boolean {
  const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
  if (fixes.length === 0) return true;
  try {
    return countErrors(parseGo(applyEdits(source, fixEdits(source, tree, fixes)))) === 0;
  } catch {
    return false; // overlapping or malformed: judge each fix alone
  }
}

/** Whether one fix alone leaves the file parsable; reports (and so drops) it otherwise. */
function fixParses(f: Finding, fix: Fix, source: string, tree: Parser.Tree, internalErrors: string[]): boolean {
  try {
    const after = parseGo(applyEdits(source, fixEdits(source, tree, [fix])));
    if (countErrors(after) === 0) return true;
    internalErrors.push(`${f.codemod}: the fix at ${f.file}:${f.line}:${f.column} does not parse; dropped`);
  } catch (err) {
    internalErrors.push(`${f.codemod}: the fix at ${f.file}:${f.line}:${f.column} is malformed (${(err as Error).message}); dropped`);
  }
  return false;
}

/** Keep only the alternative fixes of f that parse. */
function verifyAlternatives(f: Finding, source: string, tree: Parser.Tree, internalErrors: string[]): void {
  if (!f.alternatives) return;
  f.alternatives = f.alternatives.filter((a) => fixParses(f, a, source, tree, internalErrors));
  if (f.alternatives.length === 0) delete f.alternatives;
}

/** Check every fix of f alone: a preferred fix that does not parse gives way to an alternative. */
function verifyFixes(f: Finding, source: string, tree: Parser.Tree, internalErrors: string[]): void {
  verifyAlternatives(f, source, tree, internalErrors);
  if (f.fix && !fixParses(f, f.fix, source, tree, internalErrors)) {
    const next = f.alternatives?.shift();
    if (next) f.fix = next;
    else {
      delete f.fix;
      f.reason = 'internal error: the proposed fix did not parse';
    }
  }
}

/** All edits of the given fixes plus the import edits they need, checked for overlap. */
export function fixEdits(source: string, tree: Parser.Tree, fixes: Fix[]): Edit[] {
  const edits = fixes.flatMap((f) => f.edits);
  const imports = fixes.flatMap((f) => f.imports ?? []);
  const all = [...edits, ...addImportEdits(source, tree, imports, eol(source))];
  return checkEdits(all, source.length);
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
export function fixSource(path: string, file: string, source: string, opts: AnalyzeOptions): FixOutcome {
  const first = analyzeSource(path, file, source, opts);
  const applied: Finding[] = [];
  const internalErrors = [...first.internalErrors];
  let current = source;
  let findings = first.findings;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixable = findings.filter((f) => f.fix);
    if (fixable.length === 0) break;
    const chosen: Finding[] = [];
    for (const f of fixable) {
      if (!chosen.some((c) => c.fix!.edits.some((a) => f.fix!.edits.some((b) => overlaps(a, b))))) chosen.push(f);
    }
    const tree = parseGo(current);
    let next = applyEdits(current, fixEdits(current, tree, chosen.map((f) => f.fix!)));
    if (countErrors(parseGo(next)) > 0) {
      // Each fix parsed alone; together they do not. Apply the first only and re-analyse.
      next = applyEdits(current, fixEdits(current, tree, [chosen[0].fix!]));
      chosen.length = 1;
    }
    if (next === current) break;
    if (pass === 0) applied.push(...chosen);
    else applied.push(...chosen.map((c) => first.findings.find((f) => f.codemod === c.codemod && f.message === c.message && !applied.includes(f)) ?? c));
    current = next;
    const again = analyzeSource(path, file, current, opts);
    internalErrors.push(...again.internalErrors);
    findings = again.findings;
  }
  const failed = first.findings
    .filter((f) => f.fix && !applied.includes(f))
    .map((finding) => ({ finding, reason: 'could not be applied together with the other fixes of this file' }));
  return { ...first, internalErrors: [...new Set(internalErrors)], fixed: current, applied, failed };
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
