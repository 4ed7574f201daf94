import { Command, CommanderError } from 'commander';
import { explainCommand } from './commands/explain.js';
import { fixCommand } from './commands/fix.js';
import { listCommand } from './commands/list.js';
import { reportCommand } from './commands/report.js';
import { scanCommand } from './commands/scan.js';
import { EXIT, UsageError } from './usage-error.js';
import { toolVersion } from '../report/tool-version.js';

export function program(): Command {
  const prog = new Command('goconc')
    .description('Find legacy Go concurrency patterns and rewrite them into safe forms, showing every change as a diff first.')
    .version(toolVersion(), '-v, --version')
    .addHelpText(
      'after',
      `
Exit codes: 0 nothing found / every fix applied; 1 findings remain (scan) or fixes pending (fix);
2 usage error, unreadable or unparsable file, internal error.

Examples:
  goconc scan ./...                 report findings with the diff of each fix
  goconc fix --dry-run > fix.patch  review the patch, then: git apply fix.patch
  goconc fix --write ./internal     rewrite in place
  goconc explain send-select-ctx    what a codemod does, before and after`,
    )
    .showHelpAfterError('(run goconc --help for usage)')
    .exitOverride();
  for (const cmd of [scanCommand(), fixCommand(), listCommand(), explainCommand(), reportCommand()]) {
    prog.addCommand(cmd.exitOverride().showHelpAfterError(`(run goconc ${cmd.name()} --help for usage)`));
  }
  return prog;
}

/** Entry point: parse argv, run, set the exit code. Never throws. */
export async function main(argv: string[]): Promise<void> {
  // `goconc scan | head`: a closed pipe ends the output quietly, as for any Unix tool.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  try {
    await program().parseAsync(normalizeArgs(argv));
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; everything else commander rejects is a usage error.
      process.exitCode = err.exitCode === 0 ? EXIT.clean : EXIT.error;
    } else if (err instanceof UsageError) {
      process.stderr.write(`goconc: ${err.message}\n`);
      process.exitCode = EXIT.error;
    } else {
      process.stderr.write(`goconc: internal error: ${(err as Error).stack ?? err}\n`);
      process.exitCode = EXIT.error;
    }
  }
}

/** `./...` is how Go users name a tree; treat `dir/...` as `dir`. */
function normalizeArgs(argv: string[]): string[] {
  return argv.map((a, i) => (i >= 2 && a.endsWith('/...') ? a.slice(0, -4) || '.' : a === '...' ? '.' : a));
}
