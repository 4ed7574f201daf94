import { writeFileSync } from 'node:fs';
import { ExitPromptError } from '@inquirer/core';
import type { RunResult } from '../engine/run.js';
import type { Colors } from '../report/colors.js';
import { unifiedPatch } from '../report/patch.js';
import { textProblems } from '../report/text.js';
import { review } from '../review/review-session.js';
import { reviewSummary } from '../review/review-summary.js';
import { terminalIO } from '../review/terminal-io.js';
import type { FileResult } from '../engine/run.js';
import { EXIT, INTERRUPTED } from './usage-error.js';


/** `goconc fix --interactive`: review, write (or save a patch), summarise; returns the exit code. */
export async function reviewInteractively(result: RunResult, opts: { colors: Colors; patchFile?: string }): Promise<number> {
  const cwd = process.cwd();
  process.stderr.write(textProblems(result, opts.colors, cwd));
  const collect = opts.patchFile ? new Map<string, { file: FileResult; text: string }>() : undefined;
  let summary;
  try {
    summary = await review(result, terminalIO(result, { colors: opts.colors, cwd, collect }));
  } catch (err) {
    if (err instanceof ExitPromptError) {
      process.stdout.write('\nInterrupted: files already left were written; the file under review is untouched.\n');
      return INTERRUPTED;
    }
    throw err;
  }
  if (collect && opts.patchFile) {
    writeFileSync(opts.patchFile, unifiedPatch([...collect.values()].map(({ file, text }) => ({ file: file.file, before: file.original!, after: text }))));
    process.stdout.write(`patch written to ${opts.patchFile}\n`);
  }
  process.stdout.write(reviewSummary(summary, opts.colors));
  const unfixable = result.files.reduce((n, f) => n + f.findings.filter((x) => !x.fix).length, 0);
  if (unfixable) process.stdout.write(`${unfixable} findings have no automatic fix: see goconc scan\n`);
  const failed = summary.records.some((r) => r.outcome === 'failed');
  const errors = result.errors.length > 0 || result.files.some((f) => f.status === 'error');
  return errors ? EXIT.error : failed ? EXIT.findings : EXIT.clean;
}
