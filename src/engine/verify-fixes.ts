import type Parser from 'tree-sitter';
import { addImportEdits, importName, importNameClash, packageName } from '../go/imports.js';
import { jumpedOverBy } from '../go/goto-jumps.js';
import { declarationOf } from '../go/scope.js';
import { eol } from '../go/syntax.js';
import { checkEdits } from './apply-edits.js';
import { pointsAt } from './line-index.js';
import { countErrors, parseGo, reparseGo } from './parser.js';
import type { Edit, Finding, Fix } from './types.js';

/** All edits of the given fixes plus the import edits they need, checked for overlap. */
export function fixEdits(source: string, tree: Parser.Tree, fixes: Fix[]): Edit[] {
  const edits = fixes.flatMap((f) => f.edits);
  const imports = fixes.flatMap((f) => f.imports ?? []);
  const all = [...edits, ...addImportEdits(source, tree, imports, eol(source))];
  return checkEdits(all, source.length);
}

/** One fix's edits, sorted, with the import edits it needs (placed by the engine when it verified the fix). */
export function editsOfFix(source: string, fix: Fix): Edit[] {
  if (fix.resolved) return fix.resolved;
  return fix.imports?.length ? fixEdits(source, parseGo(source), [fix]) : checkEdits(fix.edits, source.length);
}

/**
 * Drop the fixes that would leave the file unparsable. One check covers every preferred fix at
 * once; only when that fails is each fix checked alone (a preferred fix that does not parse gives
 * way to an alternative). Each fix with imports gets `resolved`, its edits with the import edits
 * placed, so reports never parse the file again.
 *
 * Checks edit a copy of the tree and reparse incrementally: a fraction of a full parse each.
 * `ranges`: the parts of the file a partial `tree` covers.
 */
export function verifyFixes(findings: Finding[], source: string, tree: Parser.Tree, internalErrors: string[], ranges?: Parser.Range[], packageDeclares?: (name: string) => boolean): void {
  dropImportClashes(findings, tree, source, packageDeclares);
  if (source.includes('goto')) dropFixesWhere(findings, (fix) => jumpedOverBy(fix.edits, tree));
  const alone = new Map<Fix, Edit[] | Error>();
  for (const f of findings) {
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.alternatives ?? [])]) {
      try {
        const edits = fixEdits(source, tree, [fix]);
        alone.set(fix, edits);
        if (fix.imports?.length) fix.resolved = edits;
      } catch (err) {
        alone.set(fix, err as Error);
      }
    }
  }
  if (alone.size === 0) return;
  const preferred = findings.flatMap((f) => (f.fix ? [f.fix] : []));
  let together: Edit[] | undefined;
  try {
    together = fixEdits(source, tree, preferred);
  } catch {
    // overlapping: judge each fix alone
  }
  const checker = new ParseChecker(source, tree, ranges);
  const parses = (f: Finding, fix: Fix): boolean => {
    const edits = alone.get(fix)!;
    if (edits instanceof Error) {
      internalErrors.push(`${f.codemod}: the fix at ${f.file}:${f.line}:${f.column} is malformed (${edits.message}); dropped`);
      return false;
    }
    if (checker.parses(edits)) return true;
    internalErrors.push(`${f.codemod}: the fix at ${f.file}:${f.line}:${f.column} does not parse; dropped`);
    return false;
  };
  const allTogether = preferred.length === 0 || (together !== undefined && checker.parses(together));
  for (const f of findings) {
    if (f.alternatives) {
      f.alternatives = f.alternatives.filter((a) => parses(f, a));
      if (f.alternatives.length === 0) delete f.alternatives;
    }
    if (allTogether || !f.fix || parses(f, f.fix)) continue;
    const next = f.alternatives?.shift();
    if (f.alternatives?.length === 0) delete f.alternatives;
    if (next) f.fix = next;
    else {
      delete f.fix;
      f.reason = 'internal error: the proposed fix did not parse';
    }
  }
}

/**
 * Fixes needing an import whose name the file already gives another package (`"runtime"` in a
 * file importing azcore's `runtime`), or the package to a declaration of its own (`var log =
 * logging.Logger(…)`), would not compile: a finding keeps an alternative without the clash, or
 * loses its fix and says why.
 */
function dropImportClashes(findings: Finding[], tree: Parser.Tree, source: string, packageDeclares?: (name: string) => boolean): void {
  // Only a name the file writes other than as a package (`runtime string`, `slices :=`) can be a variable's.
  const seen = new Map<string, boolean>();
  const mayBeVariable = (name: string) => {
    if (!seen.has(name)) seen.set(name, new RegExp(`(?<![\\w.])${name}\\b(?!\\s*\\.)`).test(source));
    return seen.get(name)!;
  };
  const clash = (fix: Fix) => {
    for (const path of fix.imports ?? []) {
      const other = importNameClash(tree, path);
      if (other) return `the fix needs the import "${path}", and the file already uses its name for "${other.path}"`;
      const name = importName(path);
      if (!packageName(tree, path) && packageDeclares?.(name)) return `the fix needs the import "${path}", and the package declares ${name} itself`;
      // A parameter or local of that name where the fix writes it (`slices []string`) hides the package.
      const hidden = mayBeVariable(name) && fix.edits.find((e) => new RegExp(`(?<![\\w.])${name}\\.`).test(e.text) && declarationOf(name, tree.rootNode.descendantForIndex(e.start)));
      if (hidden) return `the fix needs the package ${name}, and a variable ${name} of the function hides it there`;
    }
    return undefined;
  };
  dropFixesWhere(findings, clash);
}

/**
 * Each fix `whyNot` gives a reason against is dropped: a finding keeps its other fixes, or loses
 * them all and gives the first fix's reason.
 */
function dropFixesWhere(findings: Finding[], whyNot: (fix: Fix) => string | undefined): void {
  for (const f of findings) {
    const fixes = [...(f.fix ? [f.fix] : []), ...(f.alternatives ?? [])];
    const why = fixes.map(whyNot);
    const clean = fixes.filter((_, i) => !why[i]);
    if (clean.length === fixes.length) continue;
    if (clean.length === 0) {
      f.reason = why[0];
      delete f.fix;
      delete f.alternatives;
      continue;
    }
    f.fix = clean[0];
    if (clean.length > 1) f.alternatives = clean.slice(1);
    else delete f.alternatives;
  }
}

/**
 * Whether edits to a parsed source leave it free of syntax errors. Edits within top-level
 * declarations (as fixes are) have those declarations parsed alone. Others have the tree edited
 * and reparsed incrementally, then edited back: each such check costs two incremental parses.
 *
 * A tree of part of the file (`ranges`, as partial parsing leaves it) is checked over those
 * parts, the edited ones shifted by the edits: top-level declarations parse alone, so the
 * parts a fix does not touch cannot gain an error. An edit outside them has the whole file
 * parsed and checked.
 */
export class ParseChecker {
  /** The copy of the tree that checks edit and reparse, made on the first check that needs it. */
  private copy: Parser.Tree | undefined;

  constructor(
    private readonly source: string,
    private readonly tree: Parser.Tree,
    private ranges?: Parser.Range[],
    /** Off: every check reparses the file (tests compare the two ways). */
    private readonly byDeclaration = true,
  ) {}

  /** Set after a check: how to get the original tree back, done only if another check comes. */
  private undo: (() => Parser.Tree) | undefined;

  /** `edits`: sorted, not overlapping. */
  parses(edits: Edit[]): boolean {
    if (edits.length === 0) return true;
    return (this.byDeclaration ? this.declarationsParse(edits) : undefined) ?? this.reparses(edits);
  }

  /**
   * When every edit lies within a top-level declaration (or comment) after the package clause, whether the
   * edited declarations parse on their own: Go's top-level declarations parse alone as they do
   * in the file, and the file parsed clean, so the rest of it cannot gain an error. A parse of a
   * few functions costs much less than reparsing the file. Undefined when an edit lies elsewhere.
   */
  private declarationsParse(edits: Edit[]): boolean | undefined {
    const root = this.tree.rootNode;
    if (root.hasError) return undefined;
    const groups: { node: Parser.SyntaxNode; edits: Edit[] }[] = [];
    for (const e of edits) {
      const last = groups[groups.length - 1];
      if (last && e.end <= last.node.endIndex) {
        last.edits.push(e);
        continue;
      }
      const node = root.firstChildForIndex(e.start);
      if (!node || node.startIndex > e.start || e.end > node.endIndex || node.startIndex < this.packageClauseEnd()) return undefined;
      groups.push({ node, edits: [e] });
    }
    return groups.every(({ node, edits }) => {
      const from = node.startIndex;
      const pieces = ['package p\n'];
      let at = from;
      for (const e of edits) {
        pieces.push(this.source.slice(at, e.start), e.text);
        at = e.end;
      }
      // With the white space after it: how a declaration ends (a line break or not) matters.
      let to = node.endIndex;
      while (to < this.source.length && ' \t\r\n'.includes(this.source[to])) to++;
      pieces.push(this.source.slice(at, to));
      return countErrors(parseGo(pieces.join(''))) === 0;
    });
  }

  private clauseEnd: number | undefined;

  /** Where the package clause ends: what comes before it (comments) is checked in the whole file. */
  private packageClauseEnd(): number {
    if (this.clauseEnd === undefined) {
      let node = this.tree.rootNode.firstChild;
      while (node && node.type !== 'package_clause') node = node.nextSibling;
      this.clauseEnd = node ? node.endIndex : Infinity;
    }
    return this.clauseEnd;
  }

  /** The check by editing a copy of the tree and reparsing incrementally. */
  private reparses(edits: Edit[]): boolean {
    // A copy, by reparsing unchanged text (nearly free): editing a tree walks every node JS holds
    // of it, and the codemods' nodes must keep their positions.
    this.copy ??= reparseGo(this.source, this.tree, this.ranges);
    if (this.undo) this.copy = this.undo();
    this.undo = undefined;
    if (this.ranges && !edits.every((e) => rangeOf(this.ranges!, e) !== -1)) {
      this.copy = reparseGo(this.source, this.copy);
      this.ranges = undefined;
    }
    const ranges = this.ranges;
    const forward = reparseEdited(this.copy, this.source, edits, ranges && ((edited) => movedRanges(ranges, edits, edited)));
    const ok = countErrors(forward.tree) === 0;
    // The same edits undone, in the offsets of the edited text.
    let shift = 0;
    const back = edits.map((e) => {
      const start = e.start + shift;
      shift += e.text.length - (e.end - e.start);
      return { start, end: start + e.text.length, text: this.source.slice(e.start, e.end) };
    });
    this.undo = () => reparseEdited(forward.tree, forward.text, back, ranges && (() => ranges)).tree;
    return ok;
  }
}

/** The index of the range holding an edit (its ends included), or -1. */
function rangeOf(ranges: Parser.Range[], e: Edit): number {
  return ranges.findIndex((r) => r.startIndex <= e.start && e.end <= r.endIndex);
}

/**
 * Tell the tree about the edits (last first, so earlier offsets and positions hold) and reparse:
 * the whole text, or the ranges `rangesOf` gives of the edited text.
 */
function reparseEdited(tree: Parser.Tree, text: string, edits: Edit[], rangesOf?: (edited: string) => Parser.Range[]): { tree: Parser.Tree; text: string } {
  const points = pointsAt(text, edits.flatMap((e) => [e.start, e.end]));
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i];
    const startPosition = points[2 * i];
    tree.edit({
      startIndex: e.start,
      oldEndIndex: e.end,
      newEndIndex: e.start + e.text.length,
      startPosition,
      oldEndPosition: points[2 * i + 1],
      newEndPosition: advance(startPosition, e.text),
    });
  }
  const pieces: string[] = [];
  let at = 0;
  for (const e of edits) {
    pieces.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(text.slice(at));
  const out = pieces.join('');
  return { tree: reparseGo(out, tree, rangesOf?.(out)), text: out };
}

/** Ranges after edits inside them: each grows by its own edits and moves by those before it. */
function movedRanges(ranges: Parser.Range[], edits: Edit[], edited: string): Parser.Range[] {
  const growth = ranges.map(() => 0);
  for (const e of edits) growth[rangeOf(ranges, e)] += e.text.length - (e.end - e.start);
  let before = 0;
  const moved = ranges.map((r, i) => {
    const startIndex = r.startIndex + before;
    before += growth[i];
    return { startIndex, endIndex: r.endIndex + before };
  });
  const points = pointsAt(edited, moved.flatMap((r) => [r.startIndex, r.endIndex]));
  return moved.map((r, i) => ({ ...r, startPosition: points[2 * i], endPosition: points[2 * i + 1] }));
}

/** Where a point ends up after inserting text at it. */
function advance(at: Parser.Point, text: string): Parser.Point {
  const last = text.lastIndexOf('\n');
  if (last === -1) return { row: at.row, column: at.column + text.length };
  let rows = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
  return { row: at.row + rows, column: text.length - last - 1 };
}
