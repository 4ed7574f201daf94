import { readdirSync, readFileSync, existsSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-tree.js';
import { codemods } from '../../codemods/index.js';
import type { Codemod, Finding } from '../../src/engine/types.js';
import { FIXTURES } from './paths.js';

/**
 * A fixture case: `<case>.input.go` (with `// want "regexp"` on each line that must be reported)
 * and, when a fix is expected, `<case>.output.go`, byte for byte. A case without an output file
 * must change nothing. `// fixture: go 1.19` in the input sets the module's Go version.
 * A directory `<case>/` holds a multi-file case: its `*.input.go`/`*.output.go` pairs plus plain
 * `.go` files that belong to the same package.
 */
export interface FixtureCase {
  codemod: Codemod;
  name: string;
  goVersion: string;
  /** file name in the package -> input text */
  inputs: Map<string, string>;
  /** file name -> expected output (only for files expected to change) */
  outputs: Map<string, string>;
  /** other files of the package, unchanged */
  context: Map<string, string>;
}

export const DEFAULT_FIXTURE_GO = '1.22';

export function fixtureCodemods(): Codemod[] {
  return codemods.filter((c) => existsSync(join(FIXTURES, c.id)));
}

/** Every input file of every fixture case: its case, file name and text. */
export function fixtureInputs(): { codemod: Codemod; case: FixtureCase; name: string; text: string }[] {
  return fixtureCodemods().flatMap((codemod) => loadCases(codemod).flatMap((c) => [...c.inputs].map(([name, text]) => ({ codemod, case: c, name, text }))));
}

export function loadCases(codemod: Codemod): FixtureCase[] {
  const dir = join(FIXTURES, codemod.id);
  const cases: FixtureCase[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (entry.endsWith('.input.go')) {
      const name = entry.slice(0, -'.input.go'.length);
      const fileName = `${name}.go`;
      const input = readFileSync(path, 'utf8');
      const outPath = join(dir, `${name}.output.go`);
      cases.push({
        codemod,
        name,
        goVersion: goVersionOf(input),
        inputs: new Map([[fileName, input]]),
        outputs: existsSync(outPath) ? new Map([[fileName, readFileSync(outPath, 'utf8')]]) : new Map(),
        context: new Map(),
      });
    } else if (statSync(path).isDirectory()) {
      const c: FixtureCase = { codemod, name: entry, goVersion: DEFAULT_FIXTURE_GO, inputs: new Map(), outputs: new Map(), context: new Map() };
      for (const f of readdirSync(path).sort()) {
        const text = readFileSync(join(path, f), 'utf8');
        if (f.endsWith('.input.go')) {
          c.inputs.set(f.replace('.input.go', '.go'), text);
          c.goVersion = goVersionOf(text, c.goVersion);
        } else if (f.endsWith('.output.go')) c.outputs.set(f.replace('.output.go', '.go'), text);
        else if (f.endsWith('.go')) c.context.set(f, text);
      }
      cases.push(c);
    }
  }
  return cases;
}

function goVersionOf(text: string, fallback = DEFAULT_FIXTURE_GO): string {
  return /^\/\/ fixture: go (\d+\.\d+)/m.exec(text)?.[1] ?? fallback;
}

export interface Want {
  line: number;
  pattern: RegExp;
}

/** `// want "re"` (several quoted patterns allowed) on the lines that must be reported. */
export function parseWants(source: string): Want[] {
  const wants: Want[] = [];
  source.split('\n').forEach((text, i) => {
    const m = /\/\/ want (.*)$/.exec(text);
    if (!m) return;
    for (const q of m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)) wants.push({ line: i + 1, pattern: new RegExp(q[1].replace(/\\"/g, '"')) });
  });
  return wants;
}

/** What a want pattern is matched against: the message, and the reason when there is no fix. */
export function wantText(f: Finding): string {
  return f.fix ? f.message : `${f.message} (no fix: ${f.reason})`;
}

/** Write a case as a Go module in a fresh temp dir (input side or expected-output side). */
export function materialize(c: FixtureCase, side: 'input' | 'output', root = tempDir(`goconc-${c.name}-`)): string {
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'go.mod'), `module example.com/fixture\n\ngo ${c.goVersion}\n`);
  writePackage(c, side, root);
  return root;
}

/** Write the case's package files into dir. */
export function writePackage(c: FixtureCase, side: 'input' | 'output', dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of c.context) writeFileSync(join(dir, f), text);
  for (const [f, text] of c.inputs) writeFileSync(join(dir, f), side === 'output' ? c.outputs.get(f) ?? text : text);
}
