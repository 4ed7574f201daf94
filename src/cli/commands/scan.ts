import { Command, Option } from 'commander';
import { githubAnnotations } from '../../report/github.js';
import { sarifReport } from '../../report/sarif.js';
import { SEVERITIES, type Severity } from '../../engine/types.js';
import { jsonReport } from '../../report/json.js';
import { textFindings, textProblems, textSummary } from '../../report/text.js';
import { addRunFlags, hasErrors, parseSeverity, runFromFlags, stderrColors, stdoutColors, type CommonFlags } from '../common.js';
import { listModules } from '../list-modules.js';
import { EXIT } from '../usage-error.js';

interface ScanFlags extends CommonFlags {
  diff: boolean;
  failOn?: Severity;
  sarif?: boolean;
  format?: 'text' | 'json' | 'sarif' | 'github';
}

export function scanCommand(): Command {
  const cmd = new Command('scan')
    .description('report legacy concurrency patterns (exit 1 when any is found at --fail-on severity or above)')
    .argument('[paths...]', 'files or directories to scan (default: .)')
    .option('--no-diff', 'do not print the diff of each available fix')
    .option('--sarif', 'print SARIF 2.1.0 on stdout (GitHub code scanning), fixes included')
    .addOption(new Option('--format <format>', 'output format (--json and --sarif are short for json and sarif)').choices(['text', 'json', 'sarif', 'github']))
    .option('--fail-on <severity>', `lowest severity that makes the exit code 1 (${SEVERITIES.join(', ')}; default: info, or the config's fail-on)`, parseSeverity);
  return addRunFlags(cmd).action(async (paths: string[], flags: ScanFlags) => {
    if (flags.listModules) {
      process.stdout.write(listModules(paths, !!flags.json));
      return;
    }
    const format = flags.format ?? (flags.sarif ? 'sarif' : flags.json ? 'json' : 'text');
    // The JSON report and the text one (unless --no-diff) show each fix as a diff.
    const showsDiffs = format === 'json' || (format === 'text' && flags.diff);
    const { result, settings } = await runFromFlags(paths, flags, 'scan', { fixDiffs: showsDiffs });
    if (format === 'json') {
      process.stdout.write(JSON.stringify(jsonReport(result, 'scan'), null, 2) + '\n');
    } else if (format === 'sarif') {
      process.stdout.write(JSON.stringify(sarifReport(result), null, 2) + '\n');
    } else if (format === 'github') {
      process.stdout.write(githubAnnotations(result));
      process.stderr.write(textProblems(result, stderrColors(flags), process.cwd()));
    } else {
      const c = stdoutColors(flags);
      process.stdout.write(textFindings(result, { colors: c, diffs: flags.diff, cwd: process.cwd() }));
      process.stderr.write(textProblems(result, stderrColors(flags), process.cwd()));
      if (!flags.quiet) process.stdout.write(textSummary(result, 'scan', c));
    }
    const threshold = SEVERITIES.indexOf(flags.failOn ?? settings.failOn ?? 'info');
    const failing = result.files.some((f) => f.findings.some((x) => SEVERITIES.indexOf(x.severity) >= threshold));
    process.exitCode = hasErrors(result) ? EXIT.error : failing ? EXIT.findings : EXIT.clean;
  });
}
