import { Command } from 'commander';
import { codemods } from '../../../codemods/index.js';

export function listCommand(): Command {
  return new Command('list')
    .description('list the codemods: id, on by default or opt-in, severity, title')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        const rows = codemods.map((c) => ({ id: c.id, title: c.title, severity: c.severity, enabledByDefault: c.enabledByDefault, options: c.options }));
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const width = Math.max(...codemods.map((c) => c.id.length));
      for (const c of codemods) {
        process.stdout.write(`${c.id.padEnd(width)}  ${(c.enabledByDefault ? 'default' : 'opt-in').padEnd(7)}  ${c.severity.padEnd(7)}  ${c.title}\n`);
      }
    });
}
