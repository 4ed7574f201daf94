import type { Command } from 'commander';
import { Option } from 'commander';
import { run, type RunResult } from '../engine/run.js';
import { SEVERITIES, type Severity } from '../engine/types.js';
import { colorsFor, type ColorMode, type Colors } from '../report/colors.js';
import { repoRoot } from './repo-root.js';
import { idList, selectCodemods } from './select-codemods.js';
import { UsageError } from './usage-error.js';

export interface CommonFlags {
  only?: string[];
  skip?: string[];
  json?: boolean;
  color: ColorMode;
  includeTestdata?: boolean;
}

/** Flags every command that runs codemods takes. */
export function addRunFlags(cmd: Command): Command {
  return cmd
    .option('--only <ids>', 'run only these codemods, comma-separated (enables opt-in ones); repeatable', collect, [])
    .option('--skip <ids>', 'do not run these codemods, comma-separated; repeatable', collect, [])
    .option('--json', 'print a JSON report on stdout instead of text')
    .addOption(new Option('--color <when>', 'colour output').choices(['auto', 'always', 'never']).default('auto'))
    .option('--include-testdata', 'also process testdata/ directories');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export async function runFromFlags(paths: string[], flags: CommonFlags, mode: 'scan' | 'fix'): Promise<RunResult> {
  const cwd = process.cwd();
  return run({
    paths: paths.length ? paths : ['.'],
    root: repoRoot(cwd),
    codemods: selectCodemods(idList(flags.only), idList(flags.skip)),
    mode,
    includeTestdata: flags.includeTestdata,
  });
}

export function stdoutColors(flags: CommonFlags): Colors {
  return colorsFor(flags.color, process.stdout);
}

export function stderrColors(flags: CommonFlags): Colors {
  return colorsFor(flags.color, process.stderr);
}

/** True when any file could not be read or parsed, or a codemod failed. */
export function hasErrors(result: RunResult): boolean {
  return result.errors.length > 0 || result.files.some((f) => f.status === 'error' || f.internalErrors.length > 0);
}

export function parseSeverity(value: string): Severity {
  if (!(SEVERITIES as readonly string[]).includes(value)) throw new UsageError(`--fail-on takes one of ${SEVERITIES.join(', ')}, not "${value}"`);
  return value as Severity;
}
