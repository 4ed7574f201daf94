import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { mergeJsonReports, mergeSarifLogs, type JsonReport } from '../../report/merge.js';
import { UsageError } from '../usage-error.js';

/** `goconc report merge a.json b.json …`: one report from the reports of several shards. */
export function reportCommand(): Command {
  const report = new Command('report').description('work with saved reports');
  report
    .command('merge')
    .description('merge the --json (or --sarif) reports of shards into one, on stdout')
    .argument('<files...>', 'reports written by goconc scan --json (or --sarif)')
    .action((files: string[]) => {
      const parsed = files.map((path) => {
        try {
          return { path, data: JSON.parse(readFileSync(path, 'utf8')) };
        } catch (err) {
          throw new UsageError(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not a JSON report (${(err as Error).message})`}`);
        }
      });
      try {
        if (parsed.every((p) => Array.isArray(p.data.runs))) {
          process.stdout.write(JSON.stringify(mergeSarifLogs(parsed.map((p) => ({ path: p.path, log: p.data }))), null, 2) + '\n');
          return;
        }
        const bad = parsed.find((p) => !Array.isArray(p.data.findings));
        if (bad) throw new Error(`${bad.path}: not a goconc JSON report (write one with goconc scan --json)`);
        const merged = mergeJsonReports(parsed.map((p) => ({ path: p.path, report: p.data as JsonReport })));
        process.stdout.write(JSON.stringify(merged, null, 2) + '\n');
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    });
  return report;
}
