import type { Command } from 'commander';
import { Option } from 'commander';
import { availableParallelism } from 'node:os';
import { parseShard, type Shard } from '../engine/select-files.js';
import { progressBar } from './progress.js';
import { codemods } from '../../codemods/index.js';
import { findConfig, loadConfig, type Config } from '../config/config-file.js';
import { coerceOption, optionType } from '../config/option-values.js';
import { defaultOptions } from '../engine/process-file.js';
import { run, type RunOptions, type RunResult } from '../engine/run.js';
import { SEVERITIES, type Codemod, type CodemodOption, type Severity } from '../engine/types.js';
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
  /** Path of a config file, or false for --no-config. */
  config?: string | false;
  jobs: number;
  since?: string;
  shard?: Shard;
  quiet?: boolean;
  listModules?: boolean;
  maxFileSize?: number;
  [option: string]: unknown;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Every codemod option once, by name (options shared by name are set together). */
function allOptions(): CodemodOption[] {
  const byName = new Map<string, CodemodOption>();
  for (const c of codemods) for (const o of c.options) if (!byName.has(o.name)) byName.set(o.name, o);
  return [...byName.values()];
}

/** Flags every command that runs codemods takes, including one flag per codemod option. */
export function addRunFlags(cmd: Command): Command {
  cmd
    .option('--only <ids>', 'run only these codemods, comma-separated (enables opt-in ones); repeatable', collect)
    .option('--skip <ids>', 'do not run these codemods, comma-separated; repeatable', collect)
    .option('--json', 'print a JSON report on stdout instead of text')
    .addOption(new Option('--color <when>', 'colour output').choices(['auto', 'always', 'never']).default('auto'))
    .option('--include-testdata', 'also process testdata/ directories')
    .option('--config <file>', 'read settings from this file instead of the nearest goconc.yaml / .goconc.yaml')
    .option('--no-config', 'ignore goconc.yaml files')
    .option('-j, --jobs <n>', 'worker threads for parsing and matching (default: available cores)', parseJobs, availableParallelism())
    .option('--since <rev>', 'only Go files changed since this git revision, plus untracked ones')
    .option('--shard <k/n>', 'only shard k of n (packages split by a stable hash); merge reports with `goconc report merge`', shardOption)
    .option('-q, --quiet', 'no progress bar and no summary')
    .option('--max-file-size <MB>', 'skip Go files larger than this, with a message (default: 5)', parseSize)
    .option('--list-modules', 'print the Go modules (go.mod, go.work) under the paths and exit');
  for (const o of allOptions()) {
    const users = codemods.filter((c) => c.options.some((x) => x.name === o.name)).map((c) => c.id);
    const desc = `${o.description} [${users.join(', ')}; default: ${JSON.stringify(o.default)}]`;
    cmd.addOption(optionType(o) === 'boolean' ? new Option(`--${o.name}`, desc) : new Option(`--${o.name} <value>`, desc));
  }
  return cmd;
}

/** The settings a run uses: defaults, then the config file, then flags. */
export interface Settings {
  root: string;
  config: Config | undefined;
  codemods: Codemod[];
  options: Record<string, Record<string, unknown>>;
  failOn: Severity | undefined;
}

export function resolveSettings(flags: CommonFlags): Settings {
  const cwd = process.cwd();
  const root = repoRoot(cwd);
  const configPath = flags.config === false ? undefined : flags.config ?? findConfig(cwd, root);
  const config = configPath ? loadConfig(configPath, codemods) : undefined;

  const only = idList(flags.only);
  const skip = idList(flags.skip);
  let selected = selectCodemods(only, skip);
  if (config && only.length === 0) {
    selected = codemods.filter((c) => (config.enabled[c.id] ?? c.enabledByDefault) && !skip.includes(c.id));
  }

  const options: Record<string, Record<string, unknown>> = {};
  for (const c of codemods) {
    options[c.id] = { ...defaultOptions(c), ...(config?.options[c.id] ?? {}) };
    for (const o of c.options) {
      const raw = flags[camel(o.name)];
      if (raw === undefined) continue;
      const res = coerceOption(o, raw);
      if (!res.ok) throw new UsageError(`--${o.name}: ${res.error}`);
      options[c.id][o.name] = res.value;
    }
  }
  return { root, config, codemods: selected, options, failOn: config?.failOn };
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs takes a whole number ≥ 1, not "${value}"`);
  return n;
}

function parseSize(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new UsageError(`--max-file-size takes a size in MB greater than 0, not "${value}"`);
  return n;
}

function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** `more`: what a command adds to the run (see `RunOptions`). */
export async function runFromFlags(
  paths: string[],
  flags: CommonFlags,
  mode: 'scan' | 'fix',
  more: Pick<RunOptions, 'fixDiffs' | 'wholeFileForFixes'> = {},
): Promise<{ result: RunResult; settings: Settings }> {
  const settings = resolveSettings(flags);
  const ran = new Set(settings.codemods.map((c) => c.id));
  const progress = progressBar(!flags.quiet);
  let result: RunResult;
  try {
    result = await runOrUsageError({
    paths: paths.length ? paths : ['.'],
    root: settings.root,
    codemods: settings.codemods,
    codemodOptions: settings.options,
    mode,
    includeTestdata: flags.includeTestdata,
    exclude: settings.config ? { dir: settings.config.dir, patterns: settings.config.exclude } : undefined,
    suppressionScope:
      mode === 'scan'
        ? { known: new Set(codemods.map((c) => c.id)), ran, ranEveryDefault: codemods.every((c) => !c.enabledByDefault || ran.has(c.id)) }
        : undefined,
      jobs: flags.jobs,
      maxFileBytes: flags.maxFileSize ? flags.maxFileSize * 1024 * 1024 : undefined,
      since: flags.since,
      shard: flags.shard,
      onProgress: (done, total, findings) => progress.update(done, total, findings),
      ...more,
    });
  } finally {
    progress.stop();
  }
  return { result, settings };
}

/** git problems behind --since are the caller's to fix: report them as usage errors. */
async function runOrUsageError(opts: Parameters<typeof run>[0]): Promise<RunResult> {
  try {
    return await run(opts);
  } catch (err) {
    if ((err as Error).message.startsWith('--since')) throw new UsageError((err as Error).message);
    throw err;
  }
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
