import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { FileResult, RunResult } from '../../src/engine/run.js';
import type { Finding, Fix } from '../../src/engine/types.js';
import { EditJournal } from '../../src/review/edit-journal.js';
import { review, type Decision, type ReviewIO } from '../../src/review/review-session.js';
import { describeWithGo } from '../support/go-toolchain.js';

describe('EditJournal', () => {
  it('moves ranges past earlier edits and reports ranges an edit touched', () => {
    const j = new EditJournal();
    j.record([{ start: 2, end: 4, text: 'XXXXX' }]); // +3 at [2,4)
    expect(j.mapRange(10, 12)).toEqual([13, 15]);
    expect(j.mapRange(0, 2)).toEqual([0, 2]);
    expect(j.mapRange(3, 6)).toBeUndefined();
    j.record([{ start: 0, end: 0, text: 'ab' }]); // insertion at the start: +2
    expect(j.mapRange(10, 12)).toEqual([15, 17]);
  });
});

const SRC = 'package p\n\nfunc f() {\n\ta()\n\tb()\n\tc()\n}\n';

function finding(codemod: string, target: string, replacement: string, alternatives: Fix[] = [], src = SRC): Finding {
  const start = src.indexOf(target);
  const fix: Fix = { description: `replace ${target}`, edits: [{ start, end: start + target.length, text: replacement }] };
  return { codemod, file: 'p.go', start, end: start + target.length, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', message: target, fix, alternatives };
}

function run(findings: Finding[], src = SRC): RunResult {
  const file: FileResult = { path: '/nowhere/p.go', file: 'p.go', status: 'ok', parsed: true, findings, internalErrors: [], original: src, mode: 0o644, applied: [], failed: [] };
  return { root: '/nowhere', files: [file], errors: [], skipped: [], modules: [], workspaces: [], elapsedMs: 0 };
}

function io(answers: Decision[], saved: Map<string, string>, notices: string[]): ReviewIO {
  return {
    decide: async () => answers.shift() ?? { action: 'quit' },
    editText: async () => undefined,
    notice: (m) => notices.push(m),
    saveFile: (f, text) => {
      saved.set(f.file, text);
      return undefined;
    },
  };
}

describe('review session', () => {
  it('relocates later fixes after accepted ones and skips a fix an accepted change touched', async () => {
    const saved = new Map<string, string>();
    const notices: string[] = [];
    const findings = [finding('x', 'a()', 'first()\n\tsecond()'), finding('x', 'a()\n\tb()', 'ab()'), finding('y', 'c()', 'cc()')];
    const summary = await review(run(findings), io([{ action: 'apply' }, { action: 'apply' }], saved, notices));
    expect(saved.get('p.go')).toBe('package p\n\nfunc f() {\n\tfirst()\n\tsecond()\n\tb()\n\tcc()\n}\n');
    expect(notices[0]).toMatch(/no longer applies/);
    expect(summary.records.map((r) => r.outcome)).toEqual(['applied', 'failed', 'applied']);
  });

  it('applies an alternative fix when asked, and a for the rest of a codemod', async () => {
    const saved = new Map<string, string>();
    const alt: Fix = { description: 'alt', edits: [{ start: SRC.indexOf('b()'), end: SRC.indexOf('b()') + 3, text: 'bb()' }] };
    const findings = [finding('x', 'a()', 'aa()'), finding('y', 'b()', 'b2()', [alt]), finding('x', 'c()', 'cc()')];
    await review(run(findings), io([{ action: 'apply-codemod' }, { action: 'alternative', index: 0 }], saved, []));
    expect(saved.get('p.go')).toBe('package p\n\nfunc f() {\n\taa()\n\tbb()\n\tcc()\n}\n');
  });

  it('writes nothing for a file where every fix was skipped', async () => {
    const saved = new Map<string, string>();
    await review(run([finding('x', 'a()', 'aa()')]), io([{ action: 'skip' }], saved, []));
    expect(saved.size).toBe(0);
  });
});

describeWithGo('review session, with Go to vouch for the file', () => {
  it('applies fixes to a file holding syntax newer than the grammar, and refuses one that breaks it', async () => {
    // `new(expr)` (Go 1.26) gives tree-sitter-go an error that Go does not see.
    const src = `${SRC}\nfunc g() *int {\n\treturn new(int(1))\n}\n`;
    if (spawnSync('gofmt', ['-e'], { input: src }).status !== 0) return console.warn('NOTICE: this Go predates new(expr); skipped');
    const saved = new Map<string, string>();
    const notices: string[] = [];
    const findings = [finding('x', 'a()', 'aa()', [], src), finding('y', 'c()', 'c(', [], src)];
    await review(run(findings, src), io([{ action: 'apply' }, { action: 'apply' }], saved, notices));
    expect(saved.get('p.go')).toBe(src.replace('a()', 'aa()'));
    expect(notices).toEqual([expect.stringMatching(/the result would not parse/)]);
  });
});
