import { createRequire } from 'node:module';

/** The SARIF builder, loaded when a SARIF report is made (it and its dependencies cost start-up time). */
const sarif = () => createRequire(import.meta.url)('node-sarif-builder') as typeof import('node-sarif-builder');
import type { Fix as SarifFix, Log, Result } from 'sarif';
import { codemods } from '../../codemods/index.js';
import { editsOfFix } from '../engine/verify-fixes.js';
import type { RunResult } from '../engine/run.js';
import type { Finding, Fix, Severity } from '../engine/types.js';
import { toolVersion } from './tool-version.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Line and UTF-16 column (SARIF's default column unit) of a JS string offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function region(text: string, start: number, end: number) {
  const s = position(text, start);
  const e = position(text, end);
  return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

/** A fix as SARIF artifactChanges: every edit, the import edits included, as a replacement. */
function sarifFix(f: Finding, fix: Fix, source: string): SarifFix {
  const edits = editsOfFix(source, fix);
  return {
    description: { text: fix.description },
    artifactChanges: [
      {
        artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
        replacements: edits.map((e) => ({ deletedRegion: region(source, e.start, e.end), insertedContent: { text: e.text } })),
      },
    ],
  };
}

/** SARIF 2.1.0 for GitHub code scanning and other viewers: one rule per codemod, fixes as artifactChanges. */
export function sarifReport(result: RunResult): Log {
  const { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } = sarif();
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'goconc', toolDriverVersion: toolVersion() });
  for (const c of codemods) {
    const rule = new SarifRuleBuilder().initSimple({ ruleId: c.id, shortDescriptionText: c.title, fullDescriptionText: c.docs });
    rule.rule.defaultConfiguration = { level: LEVEL[c.severity], enabled: c.enabledByDefault };
    rule.rule.help = { text: c.docs, markdown: c.docs };
    run.addRule(rule);
  }
  for (const file of result.files) {
    const source = file.original ?? '';
    for (const f of file.findings) {
      const r = region(source, f.start, f.end);
      const res = new SarifResultBuilder().initSimple({
        level: LEVEL[f.severity],
        messageText: f.fix ? f.message : `${f.message} (no fix: ${f.reason})`,
        ruleId: f.codemod,
        fileUri: f.file,
        ...r,
      });
      const loc = res.result.locations?.[0]?.physicalLocation?.artifactLocation;
      if (loc) loc.uriBaseId = '%SRCROOT%';
      const fixes = [f.fix, ...(f.alternatives ?? [])].filter((x): x is Fix => !!x);
      if (fixes.length) res.result.fixes = fixes.map((x) => sarifFix(f, x, source));
      run.addResult(res);
    }
  }
  builder.addRun(run);
  return builder.buildSarifOutput();
}
