import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codemods } from '../codemods/index.js';
import { countErrors, parseGo } from '../src/engine/parser.js';
import { run, type RunResult } from '../src/engine/run.js';
import { gofmtClean } from '../src/go/gofmt.js';
import { goconc } from './support/cli.js';
import { fixtureCodemods, loadCases } from './support/fixture-cases.js';
import { tempDir } from './support/temp-tree.js';
// @ts-expect-error: plain ES module shared with the benchmark
import { generateCorpus } from './bench/generate-corpus.mjs';

/** Every fixture input of every codemod: file name → text. */
function fixtureCorpus(): Map<string, string> {
  const out = new Map<string, string>();
  for (const codemod of fixtureCodemods()) {
    for (const c of loadCases(codemod)) {
      for (const [name, text] of c.inputs) out.set(`${codemod.id}/${c.name}/${name}`, text);
      for (const [name, text] of c.context) out.set(`${codemod.id}/${c.name}/${name}`, text);
    }
  }
  return out;
}

function writeTree(files: Map<string, string>): string {
  const dir = tempDir('goconc-prop-');
  writeFileSync(join(dir, 'go.mod'), 'module example.com/prop\n\ngo 1.22\n');
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Run every codemod, default and opt-in, in fix mode; check the properties; return both runs. */
async function checkProperties(files: Map<string, string>): Promise<{ first: RunResult; second: RunResult }> {
  const dir = writeTree(files);
  const opts = { paths: [dir], root: dir, codemods, mode: 'fix' as const };
  const first = await run(opts);
  const changed = first.files.filter((f) => f.fixed !== undefined);
  for (const f of changed) {
    expect(countErrors(parseGo(f.fixed!)), `${f.file}: the fixed file parses`).toBe(0);
    expect(f.internalErrors, f.file).toEqual([]);
  }
  const clean = gofmtClean(changed.flatMap((f) => [f.original!, f.fixed!]));
  if (clean) changed.forEach((f, i) => clean[2 * i] && expect(clean[2 * i + 1], `${f.file}: gofmt-clean after the fixes`).toBe(true));
  for (const f of changed) writeFileSync(f.path, f.fixed!);
  const second = await run(opts);
  expect(second.files.flatMap((f) => f.findings.filter((x) => x.fix).map((x) => `${x.file}:${x.line} ${x.codemod}`)), 'a second run offers no fix').toEqual([]);
  return { first, second };
}

/** A small seeded PRNG, so every mutation is reproducible. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

const KEYWORDS = new Set('break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var nil true false iota append cap close copy delete len make new panic print println recover string int error bool any byte rune'.split(' '));

/** Rename a few locally declared names consistently (parameters, := variables). */
function renameLocals(text: string, rand: () => number): string {
  const declared = new Set<string>();
  for (const m of text.matchAll(/\b([a-z]\w{2,})\s*(?::=|,\s*\w+\s*:=)/g)) declared.add(m[1]);
  for (const m of text.matchAll(/[(,]\s*([a-z]\w{2,})\s+(?:\*|\[|chan|func|<-|[a-z])/g)) declared.add(m[1]);
  const imports = new Set([...text.matchAll(/"(?:[\w./-]*\/)?(\w+)"/g)].map((m) => m[1]));
  let out = text;
  for (const name of declared) {
    if (KEYWORDS.has(name) || imports.has(name) || rand() < 0.5) continue;
    out = out.replace(new RegExp(`(?<![.\\w])${name}\\b`, 'g'), `${name}Ren`);
  }
  return out;
}

/** Comment lines (some non-ASCII) before statements: changes no finding. */
function insertComments(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1] ?? '';
    if (/^\t+[a-z_]/.test(line) && /[{)\w"]\s*$/.test(prev) && !/^\t+(case|default)\b/.test(line) && rand() < 0.4) {
      out.push(`${/^\t+/.exec(line)![0]}// note ${i}: ✓ 変更なし`);
    }
    out.push(line);
  });
  return out.join('\n');
}

/** Top-level declarations in another order (each keeps the comment above it). */
function reorderDeclarations(text: string, rand: () => number): string {
  const start = text.search(/\n(func|type|var|const) /);
  if (start === -1) return text;
  const head = text.slice(0, start + 1);
  const chunks = text.slice(start + 1).split(/\n\n(?=\S)/);
  for (let i = chunks.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [chunks[i], chunks[j]] = [chunks[j], chunks[i]];
  }
  return head + chunks.map((c) => c.replace(/\n+$/, '')).join('\n\n') + '\n';
}

const countBy = (r: RunResult) => {
  const m: Record<string, number> = {};
  for (const f of r.files.flatMap((x) => x.findings)) m[`${f.file} ${f.codemod}`] = (m[`${f.file} ${f.codemod}`] ?? 0) + 1;
  return m;
};

describe('properties of every codemod over a corpus', () => {
  it('fixtures and a generated monorepo: fixes parse, stay gofmt-clean, and are idempotent', async () => {
    const files = fixtureCorpus();
    const generated = generateCorpus(join(tempDir('goconc-gen-'), 'corpus'), { modules: 2, files: 240, seed: 7 });
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const walk = (d: string, rel = ''): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p, join(rel, name));
        else if (name.endsWith('.go')) files.set(join('gen', rel, name), readFileSync(p, 'utf8'));
      }
    };
    walk(generated);
    expect(files.size).toBeGreaterThan(300);
    const { first } = await checkProperties(files);
    expect(first.files.reduce((n, f) => n + f.applied.length, 0)).toBeGreaterThan(100);
  });

  it('--jobs 1 and --jobs 2 give identical patch bytes', () => {
    const dir = writeTree(fixtureCorpus());
    const all = codemods.map((c) => c.id).join(',');
    const p1 = goconc(['fix', '--dry-run', '--only', all, '--jobs', '1', '.'], dir);
    const p2 = goconc(['fix', '--dry-run', '--only', all, '--jobs', '2', '.'], dir);
    expect(p1.stdout.length).toBeGreaterThan(1000);
    expect(p2.stdout).toBe(p1.stdout);
  });

  for (const seed of [1, 2, 3]) {
    it(`mutated fixtures (seed ${seed}): renames, reordering, comments keep every property`, async () => {
      const rand = prng(seed);
      const base = fixtureCorpus();
      const mutated = new Map([...base].map(([k, v]) => [k, reorderDeclarations(renameLocals(v, rand), rand)]));
      expect([...mutated].filter(([k, v]) => v !== base.get(k)).length, 'files the mutation changed').toBeGreaterThan(base.size / 2);
      await checkProperties(mutated);
    });
  }

  it('comment-only mutations change no finding count', async () => {
    const rand = prng(99);
    const base = fixtureCorpus();
    const before = await run({ paths: [writeTree(base)], root: '/', codemods, mode: 'scan' });
    const commented = new Map([...base].map(([k, v]) => [k, insertComments(v, rand)]));
    expect([...commented].filter(([k, v]) => v !== base.get(k)).length, 'files that got comments').toBeGreaterThan(base.size / 2);
    const dir = writeTree(commented);
    const after = await run({ paths: [dir], root: '/', codemods, mode: 'scan' });
    const strip = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k.replace(/^.*?goconc-prop-\w+\//, ''), v]));
    expect(strip(countBy(after))).toEqual(strip(countBy(before)));
    await checkProperties(commented);
    // Four runs over every fixture: more than the default minute on a loaded 2-core machine.
  }, 180_000);
});
