import type { RunResult } from '../engine/run.js';

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: `::warning file=…,line=…::message`, one per finding. */
export function githubAnnotations(result: RunResult): string {
  const out: string[] = [];
  for (const file of result.files) {
    for (const f of file.findings) {
      const props = `file=${prop(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(`goconc ${f.codemod}`)}`;
      const text = f.fix ? `${f.message}\nfix: ${f.fix.description}` : `${f.message}\nno fix: ${f.reason}`;
      out.push(`::${COMMAND[f.severity]} ${props}::${data(text)}`);
    }
  }
  for (const f of result.files.filter((x) => x.status === 'error')) out.push(`::error file=${prop(f.file)},title=goconc::${data(f.reason ?? 'error')}`);
  for (const f of result.files.filter((x) => x.note !== undefined)) out.push(`::notice file=${prop(f.file)},title=goconc::${data(f.note!)}`);
  return out.length ? out.join('\n') + '\n' : '';
}
