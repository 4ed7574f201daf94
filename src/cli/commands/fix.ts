import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import type { RunResult } from '../../engine/run.js';
import { planVerification, verifyAndRollback } from '../../engine/verify-build.js';
import { writeResults } from '../../engine/write-results.js';
import { gofmtWrite } from '../../go/gofmt.js';
import { jsonReport } from '../../report/json.js';
import { unifiedPatch } from '../../report/patch.js';
import { displayPath, textProblems, textSummary } from '../../report/text.js';
import { addRunFlags, hasErrors, runFromFlags, stderrColors, stdoutColors, type CommonFlags } from '../common.js';
import { listModules } from '../list-modules.js';
import { EXIT, INTERRUPTED, UsageError } from '../usage-error.js';

interface FixFlags extends CommonFlags {
  dryRun?: boolean;
  write?: boolean;
  interactive?: boolean;
  patch?: string;
  patchDir?: string;
  verify?: boolean;
  gofmt?: boolean;
}

export function fixCommand(): Command {
  const cmd = new Command('fix')
    .description('rewrite the patterns found: print a patch (--dry-run, the default), review each change (--interactive), write files (--write), or save a patch (--patch FILE)')
    .argument('[paths...]', 'files or directories to fix (default: .)')
    .option('--dry-run', 'print one unified patch on stdout (git apply / patch -p1); change nothing')
    .option('-i, --interactive', 'show each fix as a diff and ask: y apply, n skip, a all of this codemod, d skip file, e edit, q quit')
    .option('--write', 'write the fixed files in place, atomically')
    .option('--patch <file>', 'save the patch to this file (with --interactive: the accepted changes, instead of writing files)')
    .option('--patch-dir <dir>', 'save one patch per Go module in this directory, named after the module path')
    .option('--verify', 'with --write: go build + go vet each changed package; roll back packages that built before and fail after')
    .option('--gofmt', 'with --write: run gofmt -w on the changed files');
  return addRunFlags(cmd).action(async (paths: string[], flags: FixFlags) => {
    if (flags.listModules) {
      process.stdout.write(listModules(paths, !!flags.json));
      return;
    }
    const modes = [flags.dryRun && '--dry-run', flags.write && '--write', flags.interactive && '--interactive'].filter(Boolean);
    if (modes.length > 1) throw new UsageError(`choose one of ${modes.join(', ')}`);
    if (flags.interactive) {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new UsageError('--interactive needs a terminal on stdin and stdout; in CI or a pipe use --dry-run or --write');
      }
      // The reviewer is offered the fixes of files that parse whole, as --write would apply them.
      const { result } = await runFromFlags(paths, flags, 'scan', { wholeFileForFixes: true });
      // The review UI (prompts, an editor) is loaded only for an interactive run.
      const { reviewInteractively } = await import('../interactive.js');
      process.exitCode = await reviewInteractively(result, { colors: stdoutColors(flags), patchFile: flags.patch });
      return;
    }
    const { result } = await runFromFlags(paths, flags, 'fix');
    const cwd = process.cwd();
    const err = stderrColors(flags);
    const patch = unifiedPatch(result.files.filter((f) => f.fixed !== undefined).map((f) => ({ file: f.file, before: f.original!, after: f.fixed! })));
    if (flags.patch) writeFileSync(flags.patch, patch);
    const perModule = flags.patchDir ? writeModulePatches(result, flags.patchDir) : [];
    let interrupted = false;
    if (flags.write) interrupted = await writeFixedFiles(result, cwd, flags);
    if (result.gofmtUnavailable) process.stderr.write('note: gofmt not found; formatting of fixes was not verified\n');

    if (flags.json) {
      process.stdout.write(JSON.stringify(jsonReport(result, flags.write ? 'fix --write' : 'fix --dry-run'), null, 2) + '\n');
    } else if (!flags.write && !flags.patch && !flags.patchDir) {
      process.stdout.write(patch);
    }
    process.stderr.write(textProblems(result, err, cwd));
    if (!flags.quiet) process.stderr.write(textSummary(result, flags.write ? 'write' : 'dry-run', err));
    if (flags.patch) process.stderr.write(`patch written to ${flags.patch}\n`);
    for (const p of perModule) process.stderr.write(`patch written to ${p}\n`);

    const pending = flags.write ? result.files.some((f) => f.failed.length > 0) : patch.length > 0;
    process.exitCode = interrupted ? INTERRUPTED : hasErrors(result) ? EXIT.error : pending ? EXIT.findings : EXIT.clean;
  });
}

/** One patch per module (files outside any module go to `no-module.patch`); returns the paths written. */
function writeModulePatches(result: RunResult, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const byModule = new Map<string, RunResult['files']>();
  for (const f of result.files.filter((x) => x.fixed !== undefined)) {
    const key = f.modulePath ?? (f.module !== undefined ? f.module || 'root' : 'no-module');
    byModule.set(key, [...(byModule.get(key) ?? []), f]);
  }
  return [...byModule].map(([mod, files]) => {
    const path = join(dir, `${mod.replace(/[^A-Za-z0-9._-]+/g, '_')}.patch`);
    writeFileSync(path, unifiedPatch(files.map((f) => ({ file: f.file, before: f.original!, after: f.fixed! }))));
    return path;
  });
}

/**
 * Write the fixed files atomically (a signal stops between files), then with --verify build and
 * vet each changed package, restoring those that built before and fail now; with --gofmt run
 * gofmt on what was written. Returns true when interrupted.
 */
async function writeFixedFiles(result: RunResult, cwd: string, flags: FixFlags): Promise<boolean> {
  const plan = flags.verify ? planVerification(result.files) : undefined;
  if (plan?.unavailable) process.stderr.write(`note: ${plan.unavailable}\n`);
  const report = await writeResults(result.files, result.root, (f) =>
    process.stderr.write(`fixed ${displayPath(result.root, f.file, cwd)} (${f.applied.length} ${f.applied.length === 1 ? 'fix' : 'fixes'})\n`),
  );
  if (report.interrupted) {
    process.stderr.write(`interrupted: ${report.written.length} files written; the others are untouched\n`);
    return true;
  }
  if (plan && !plan.unavailable) {
    const outcome = verifyAndRollback(plan, result.root);
    for (const u of outcome.unverified) process.stderr.write(`note: ${u.pkg}: not verified, it did not build or vet cleanly before the fixes either\n`);
    for (const r of outcome.rolledBack) process.stderr.write(`rolled back ${r.files.join(', ')}: package ${r.pkg} no longer builds or vets:\n${indent(r.output)}\n`);
    if (outcome.rolledBack.length === 0) process.stderr.write(`verified: ${plan.packages.length - outcome.unverified.length} changed packages build and vet cleanly\n`);
  }
  if (flags.gofmt) {
    const res = gofmtWrite(report.written.filter((f) => f.fixed !== undefined).map((f) => f.path));
    if (res) process.stderr.write(`${res}\n`);
  }
  return false;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}
