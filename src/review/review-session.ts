import { applyEdits, checkEdits } from '../engine/apply-edits.js';
import { countErrors, parseGo } from '../engine/parser.js';
import type { FileResult, RunResult } from '../engine/run.js';
import { goParses } from '../go/gofmt.js';
import { addImportEdits } from '../go/imports.js';
import { eol, lineEnd, lineStart } from '../go/syntax.js';
import type { Edit, Finding, Fix } from '../engine/types.js';
import { EditJournal } from './edit-journal.js';

/** What the reviewer answered for one fix. */
export type Decision =
  | { action: 'apply' }
  | { action: 'alternative'; index: number }
  | { action: 'skip' }
  | { action: 'apply-codemod' }
  | { action: 'skip-file' }
  | { action: 'edit' }
  | { action: 'quit' };

/** Everything shown for one fix. */
export interface ReviewView {
  index: number;
  total: number;
  file: FileResult;
  finding: Finding;
  /** The file before and after this fix, in its current state. */
  before: string;
  after: string;
}

export interface ReviewIO {
  decide(view: ReviewView): Promise<Decision>;
  /** Let the reviewer edit a piece of Go; undefined when the edit was abandoned. */
  editText(text: string): Promise<string | undefined>;
  /** A line for the reviewer: a fix applied by `a`, one that no longer applies, an edit that does not parse. */
  notice(message: string): void;
  /** Called once per file the reviewer leaves with accepted changes; returns why it failed, if it did. */
  saveFile(file: FileResult, text: string): string | undefined;
}

export type Outcome = 'applied' | 'edited' | 'skipped' | 'failed' | 'unreviewed';

export interface ReviewRecord {
  file: string;
  codemod: string;
  line: number;
  outcome: Outcome;
  reason?: string;
}

export interface ReviewSummary {
  records: ReviewRecord[];
  quit: boolean;
}

/**
 * Walk every fix in file order and ask about each. Accepted changes build up in memory; a file
 * is saved once, when the reviewer leaves it (or quits), so an interrupted session leaves every
 * file either as it was or fully written. Later fixes are moved past earlier accepted ones; a fix
 * an accepted change touched is reported as no longer applying.
 */
export async function review(result: RunResult, io: ReviewIO): Promise<ReviewSummary> {
  const items = result.files.flatMap((file) => file.findings.filter((f) => f.fix).map((finding) => ({ file, finding })));
  const records: ReviewRecord[] = [];
  const autoApply = new Set<string>();
  let quit = false;
  let n = 0;
  for (const file of result.files) {
    const mine = items.filter((i) => i.file === file);
    if (mine.length === 0) continue;
    const state = { text: file.original!, journal: new EditJournal(), changed: false };
    let skipRest = false;
    for (const { finding } of mine) {
      n++;
      const record = (outcome: Outcome, reason?: string) => records.push({ file: file.file, codemod: finding.codemod, line: finding.line, outcome, reason });
      if (quit || skipRest) {
        record(quit ? 'unreviewed' : 'skipped');
        continue;
      }
      const proposal = propose(state, finding.fix!);
      if (!proposal.ok) {
        io.notice(`${file.file}:${finding.line}: ${finding.codemod}: ${proposal.reason}; skipped`);
        record('failed', proposal.reason);
        continue;
      }
      if (autoApply.has(finding.codemod)) {
        commit(state, proposal);
        io.notice(`${file.file}:${finding.line}: ${finding.codemod}: applied`);
        record('applied');
        continue;
      }
      const outcome = await ask(io, { index: n, total: items.length, file, finding, before: state.text, after: proposal.text }, state, proposal);
      if (outcome === 'skip-file') {
        skipRest = true;
        record('skipped');
      } else if (outcome === 'quit') {
        quit = true;
        record('unreviewed');
      } else if (outcome === 'apply-codemod') {
        autoApply.add(finding.codemod);
        record('applied');
      } else record(outcome);
    }
    if (state.changed) {
      const failure = io.saveFile(file, state.text);
      if (failure) {
        for (const r of records) if (r.file === file.file && (r.outcome === 'applied' || r.outcome === 'edited')) Object.assign(r, { outcome: 'failed', reason: failure });
        io.notice(`${file.file}: not written: ${failure}`);
      }
    }
  }
  return { records, quit };
}

interface FileState {
  text: string;
  journal: EditJournal;
  changed: boolean;
}

type Proposal = { ok: true; text: string; edits: Edit[]; fixEdits: Edit[]; imports: string[] } | { ok: false; reason: string };

/** The current text with a fix applied: its edits moved past accepted ones, its imports added. */
function propose(state: FileState, fix: Fix): Proposal {
  const moved = state.journal.mapEdits(fix.edits);
  if (!moved) return { ok: false, reason: 'no longer applies (an accepted change touched the same code)' };
  return withImports(state.text, moved, fix.imports ?? []);
}

function withImports(text: string, fixEdits: Edit[], imports: string[]): Proposal {
  try {
    const edits = checkEdits([...fixEdits, ...addImportEdits(text, parseGo(text), imports, eol(text))], text.length);
    const after = applyEdits(text, edits);
    if (!stillParses(text, after)) return { ok: false, reason: 'no longer applies (the result would not parse)' };
    return { ok: true, text: after, edits, fixEdits, imports };
  } catch (err) {
    return { ok: false, reason: `no longer applies (${(err as Error).message})` };
  }
}

/**
 * Whether a change leaves a text parsing as well as before: without errors, or, for a file Go
 * reads that holds syntax newer than the grammar, with no more errors and still read by Go.
 */
function stillParses(before: string, after: string): boolean {
  const errors = countErrors(parseGo(after));
  if (errors === 0) return true;
  return errors <= countErrors(parseGo(before)) && goParses(after) === true;
}

function commit(state: FileState, p: Proposal & { ok: true }): void {
  state.journal.record(p.edits);
  state.text = p.text;
  state.changed = true;
}

/** Ask until the answer settles this fix. */
async function ask(io: ReviewIO, view: ReviewView, state: FileState, proposal: Proposal & { ok: true }): Promise<Outcome | 'skip-file' | 'quit' | 'apply-codemod'> {
  for (;;) {
    const d = await io.decide(view);
    switch (d.action) {
      case 'apply':
        commit(state, proposal);
        return 'applied';
      case 'apply-codemod':
        commit(state, proposal);
        return 'apply-codemod';
      case 'skip':
        return 'skipped';
      case 'skip-file':
        return 'skip-file';
      case 'quit':
        return 'quit';
      case 'alternative': {
        const alt = view.finding.alternatives?.[d.index];
        const p = alt ? propose(state, alt) : undefined;
        if (!p?.ok) {
          io.notice(p ? p.reason : `there is no alternative ${d.index + 1}`);
          continue;
        }
        commit(state, p);
        return 'applied';
      }
      case 'edit': {
        const edited = await editProposal(io, state, proposal);
        if (edited) {
          commit(state, edited);
          return 'edited';
        }
        continue;
      }
    }
  }
}

/**
 * Open the changed lines of the proposal in the editor. The result replaces those lines; if the
 * file then no longer parses, say so and return undefined so the reviewer is asked again.
 */
async function editProposal(io: ReviewIO, state: FileState, proposal: Proposal & { ok: true }): Promise<(Proposal & { ok: true }) | undefined> {
  const first = Math.min(...proposal.fixEdits.map((e) => e.start));
  const last = Math.max(...proposal.fixEdits.map((e) => e.end));
  const start = lineStart(state.text, first);
  const end = lineEnd(state.text, last);
  const onlyFix = applyEdits(state.text, proposal.fixEdits);
  const grown = onlyFix.length - state.text.length;
  const hunk = onlyFix.slice(start, end + grown);
  const edited = await io.editText(hunk);
  if (edited === undefined) return undefined;
  const replacement = edited.replace(/\r?\n$/, '');
  const p = withImports(state.text, [{ start, end, text: replacement }], proposal.imports);
  if (!p.ok) {
    io.notice('the edited code does not parse; choose again (e to edit once more)');
    return undefined;
  }
  return p;
}
