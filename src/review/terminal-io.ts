import { edit } from '@inquirer/external-editor';
import { writeAtomically } from '../engine/write-file.js';
import { gofmtClean, realignWithGofmt } from '../go/gofmt.js';
import type { FileResult, RunResult } from '../engine/run.js';
import type { Colors } from '../report/colors.js';

import { displayPath } from '../report/text.js';
import { keyPrompt, type KeyChoice } from './key-prompt.js';
import { explanation, header, numberedDiff } from './render.js';
import type { Decision, ReviewIO, ReviewView } from './review-session.js';

const CHOICES: (KeyChoice & { decision: Decision['action'] })[] = [
  { key: 'y', help: 'apply this fix', decision: 'apply' },
  { key: 'n', help: 'skip this fix', decision: 'skip' },
  { key: 'a', help: 'apply this fix and every remaining fix of this codemod', decision: 'apply-codemod' },
  { key: 'd', help: 'skip the rest of this file', decision: 'skip-file' },
  { key: 'e', help: 'edit the proposed change in $EDITOR', decision: 'edit' },
  { key: 'q', help: 'write what was accepted and stop', decision: 'quit' },
];

export interface TerminalOptions {
  colors: Colors;
  cwd: string;
  /** Instead of writing files, collect the accepted texts here (for --patch). */
  collect?: Map<string, { file: FileResult; text: string }>;
}

/** The accepted text, realigned by gofmt when the file was gofmt-clean and only white space differs. */
function formatted(original: string, text: string): string {
  const verdict = gofmtClean([original, text]);
  if (!verdict || !verdict[0] || verdict[1]) return text;
  return realignWithGofmt(text) ?? text;
}

/** Review in the terminal: diffs on stdout, one-key prompts, $EDITOR for `e`, atomic writes. */
export function terminalIO(result: RunResult, opts: TerminalOptions): ReviewIO {
  const c = opts.colors;
  const out = (s: string) => process.stdout.write(s + '\n');
  return {
    async decide(view: ReviewView): Promise<Decision> {
      const f = view.finding;
      out('');
      out(header(view.index, view.total, f, displayPath(result.root, view.file.file, opts.cwd), c));
      out(explanation(f, c));
      out(numberedDiff(view.before, view.after, c));
      const alts = (f.alternatives ?? []).slice(0, 9).map((_, i) => ({ key: String(i + 1), help: `apply alternative [${i + 1}] instead`, decision: 'alternative' as const }));
      const choices = [...CHOICES, ...alts];
      const key = await keyPrompt({ message: 'Apply this fix?', choices, default: 'y' });
      const picked = choices.find((ch) => ch.key === key)!;
      return picked.decision === 'alternative' ? { action: 'alternative', index: Number(key) - 1 } : ({ action: picked.decision } as Decision);
    },
    async editText(text: string): Promise<string | undefined> {
      try {
        return edit(text, { postfix: '.go', prefix: 'goconc-hunk-' });
      } catch (err) {
        out(c.red(`could not run the editor: ${(err as Error).message}`));
        return undefined;
      }
    },
    notice(message: string): void {
      out(c.yellow(message));
    },
    saveFile(file: FileResult, text: string): string | undefined {
      if (opts.collect) {
        opts.collect.set(file.file, { file, text });
        return undefined;
      }
      const res = writeAtomically(file.path, formatted(file.original!, text), file.original!, file.mode!);
      if (!res.ok) return res.reason;
      out(c.green(`wrote ${displayPath(result.root, file.file, opts.cwd)}`));
      return undefined;
    },
  };
}

