import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, type RunResult } from '../../src/engine/run.js';
import { unifiedPatch } from '../../src/report/patch.js';
import type { Finding } from '../../src/engine/types.js';
import { materialize, type FixtureCase } from './fixture-cases.js';

export interface CaseRun {
  dir: string;
  first: RunResult;
  /** file name -> text after `fix` */
  fixed: Map<string, string>;
  second: RunResult;
  patch: string;
}

/** Run a case through the real engine as `goconc fix --write` would: fix, write, run again. */
export async function runCase(c: FixtureCase): Promise<CaseRun> {
  const dir = materialize(c, 'input');
  const opts = { paths: [dir], root: dir, codemods: [c.codemod], mode: 'fix' as const };
  const first = await run(opts);
  const fixed = new Map<string, string>();
  for (const f of first.files) {
    const text = f.fixed ?? f.original ?? readFileSync(f.path, 'utf8');
    fixed.set(f.file, text);
    if (f.fixed !== undefined) writeFileSync(join(dir, f.file), f.fixed);
  }
  const patch = unifiedPatch(first.files.filter((f) => f.fixed !== undefined).map((f) => ({ file: f.file, before: f.original!, after: f.fixed! })));
  const second = await run(opts);
  return { dir, first, fixed, second, patch };
}

/** A stable, colourless listing of findings for snapshots. */
export function findingsListing(result: RunResult): string {
  const lines: string[] = [];
  for (const file of result.files) {
    for (const f of file.findings) {
      lines.push(`${f.file}:${f.line}:${f.column}: ${f.codemod}: ${f.message}`);
      lines.push(f.fix ? `  fix: ${f.fix.description}` : `  no fix: ${f.reason}`);
      for (const a of f.alternatives ?? []) lines.push(`  alternative: ${a.description}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function allFindings(result: RunResult): Finding[] {
  return result.files.flatMap((f) => f.findings);
}
