import { Command } from 'commander';
import { findCodemod } from '../select-codemods.js';

export function explainCommand(): Command {
  return new Command('explain')
    .description('show what a codemod finds, how it rewrites it (before/after) and when it gives no fix')
    .argument('<codemod>', 'codemod id (see `goconc list`)')
    .action((id: string) => {
      const c = findCodemod(id);
      const opts = c.options.map((o) => `- \`${o.name}\` (default ${JSON.stringify(o.default)}): ${o.description}`);
      process.stdout.write(
        `${c.docs.trimEnd()}\n\nSeverity: ${c.severity}. ${c.enabledByDefault ? 'On by default.' : 'Opt-in: enable with --only.'}\n` +
          (opts.length ? `\nOptions:\n${opts.join('\n')}\n` : ''),
      );
    });
}
