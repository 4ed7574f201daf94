import { structuredPatch } from 'diff';
import type { Finding } from '../engine/types.js';
import type { Colors } from '../report/colors.js';

/** `[3/17] send-select-ctx  internal/sync/secret.go:88` */
export function header(index: number, total: number, f: Finding, shownPath: string, c: Colors): string {
  return `${c.dim(`[${index}/${total}]`)} ${c.magenta(f.codemod)}  ${c.bold(`${shownPath}:${f.line}`)}`;
}

/** The finding's message, what the fix does and the alternatives a key can pick. */
export function explanation(f: Finding, c: Colors): string {
  const lines = [f.message, `${c.green('fix')}: ${f.fix!.description}`];
  (f.alternatives ?? []).slice(0, 9).forEach((a, i) => lines.push(`${c.cyan(`[${i + 1}]`)} ${c.dim('alternative')}: ${a.description}`));
  return lines.join('\n');
}

/** A unified diff of before → after with old and new line numbers in the gutter. */
export function numberedDiff(before: string, after: string, c: Colors, context = 3): string {
  const patch = structuredPatch('a', 'b', before, after, '', '', { context });
  const out: string[] = [];
  for (const h of patch.hunks) {
    out.push(c.cyan(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`));
    let oldNo = h.oldStart;
    let newNo = h.newStart;
    for (const line of h.lines) {
      const sign = line[0];
      const text = line.slice(1).replace(/\r$/, '');
      if (sign === '\\') continue;
      const o = sign === '+' ? '' : String(oldNo++);
      const n = sign === '-' ? '' : String(newNo++);
      const gutter = c.dim(`${o.padStart(5)} ${n.padStart(5)} │`);
      const body = sign === '+' ? c.green(`+${text}`) : sign === '-' ? c.red(`-${text}`) : ` ${text}`;
      out.push(`${gutter}${body}`);
    }
  }
  return out.join('\n');
}
