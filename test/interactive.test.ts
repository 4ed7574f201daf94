import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { goconc } from './support/cli.js';
import { CLI, SNAPSHOTS } from './support/paths.js';
import { tempTree } from './support/temp-tree.js';
import { Terminal, tmuxAvailable } from './support/tmux.js';

const fn = (name: string, n: number) => `func ${name}(ctx context.Context, ch chan int) {\n\tch <- ${n}\n}\n`;
const file = (...fns: [string, number][]) => `package svc\n\nimport "context"\n${fns.map(([name, n]) => `\n${fn(name, n)}`).join('')}`;
const selected = (n: number) => `\tselect {\n\tcase ch <- ${n}:\n\tdefault:\n\t\tselect {\n\t\tcase ch <- ${n}:\n\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\t}\n\t}\n`;
const fixedSend = (text: string, n: number) => text.replace(`\tch <- ${n}\n`, selected(n));

const A = file(['a1', 1], ['a2', 2], ['a3', 3]);
const B = file(['b1', 4], ['b2', 5]);
const C = file(['c1', 6]);

function project(): string {
  return tempTree({ 'go.mod': 'module example.com/svc\n\ngo 1.22\n', 'a.go': A, 'b.go': B, 'c.go': C });
}

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const PROMPT = /Apply this fix\? \[Y,n,a,d,e,q,\?\]\s*$/;
const ENV = { NO_COLOR: '1' };

describe.runIf(tmuxAvailable || process.env.CI)('goconc fix --interactive in a real terminal', () => {
  let term: Terminal | undefined;
  afterEach(() => term?.close());

  it('needs tmux to drive a terminal', () => {
    expect(tmuxAvailable, 'tmux is not installed').toBe(true);
  });

  it('y, n, d, then y and q: writes exactly the accepted changes, file by file', async () => {
    const dir = project();
    term = new Terminal(`node ${CLI} fix --interactive`, dir, ENV);
    const first = await term.waitFor(PROMPT);
    await expect(first).toMatchFileSnapshot(join(SNAPSHOTS, 'interactive', 'first-prompt.txt'));
    term.send('y');
    await term.waitFor(/\[2\/6\][\s\S]*Apply this fix\?[^\n]*\s*$/);
    term.send('n');
    await term.waitFor(/\[3\/6\][\s\S]*Apply this fix\?[^\n]*\s*$/);
    term.send('d'); // skips a3, leaves a.go: a.go is written now
    await term.waitFor(/\[4\/6\] send-select-ctx {2}b\.go:6[\s\S]*Apply this fix\?[^\n]*\s*$/);
    expect(read(dir, 'a.go')).toBe(fixedSend(A, 1));
    term.send('y');
    await term.waitFor(/\[5\/6\][\s\S]*Apply this fix\?[^\n]*\s*$/);
    term.send('q');
    expect(await term.exitCode()).toBe(0);
    expect(read(dir, 'a.go')).toBe(fixedSend(A, 1));
    expect(read(dir, 'b.go')).toBe(fixedSend(B, 4));
    expect(read(dir, 'c.go')).toBe(C);
    const summary = term.history();
    expect(summary).toMatch(/send-select-ctx\s+2\s+0\s+2\s+0\s+2/);
    expect(summary).toMatch(/a\.go\s+1\s+0\s+2\s+0\s+0/);
    expect(summary).toMatch(/b\.go\s+1\s+0\s+0\s+0\s+1/);
    expect(summary).toMatch(/c\.go\s+0\s+0\s+0\s+0\s+1/);
  });

  it('a applies every remaining fix of the codemod; Enter takes the default (y); ? shows help', async () => {
    const dir = project();
    term = new Terminal(`node ${CLI} fix --interactive`, dir, ENV);
    await term.waitFor(PROMPT);
    term.send('?');
    await term.waitFor(/a - apply this fix and every remaining fix of this codemod/);
    term.send('Enter');
    await term.waitFor(/\[2\/6\][\s\S]*Apply this fix\?[^\n]*\s*$/);
    term.send('a');
    expect(await term.exitCode()).toBe(0);
    expect(read(dir, 'a.go')).toBe([1, 2, 3].reduce(fixedSend, A));
    expect(read(dir, 'b.go')).toBe([4, 5].reduce(fixedSend, B));
    expect(read(dir, 'c.go')).toBe(fixedSend(C, 6));
  });

  it('e opens $EDITOR on the proposed hunk; an edit that does not parse is refused and asked again', async () => {
    const dir = project();
    const good = join(dir, 'good-editor.sh');
    writeFileSync(good, `#!/bin/sh\nsed -i 's/return/return \\/\\/ cancelled/' "$1"\n`);
    const bad = join(dir, 'bad-editor.sh');
    writeFileSync(bad, `#!/bin/sh\nprintf 'select {{{\\n' > "$1"\n`);
    chmodSync(good, 0o755);
    chmodSync(bad, 0o755);
    term = new Terminal(`node ${CLI} fix --interactive a.go`, dir, { ...ENV, EDITOR: bad, VISUAL: bad });
    await term.waitFor(PROMPT);
    term.send('e');
    await term.waitFor(/the edited code does not parse; choose again/);
    await term.waitFor(PROMPT);
    term.send('d');
    expect(await term.exitCode()).toBe(0);
    expect(read(dir, 'a.go')).toBe(A);

    term.close();
    term = new Terminal(`node ${CLI} fix --interactive a.go`, dir, { ...ENV, EDITOR: good, VISUAL: good });
    await term.waitFor(PROMPT);
    term.send('e');
    await term.waitFor(/\[2\/3\][\s\S]*Apply this fix\?[^\n]*\s*$/);
    term.send('q');
    expect(await term.exitCode()).toBe(0);
    expect(read(dir, 'a.go')).toBe(A.replace('\tch <- 1\n', selected(1).replace('\t\treturn\n', '\t\treturn // cancelled\n')));
  });

  it('Ctrl-C mid-file leaves that file untouched and files already left fully written', async () => {
    const dir = project();
    term = new Terminal(`node ${CLI} fix --interactive`, dir, ENV);
    await term.waitFor(PROMPT);
    term.send('y');
    await term.waitFor(/\[2\/6\][\s\S]*Apply this fix\?[^\n]*\s*$/);
    term.send('d');
    await term.waitFor(/\[4\/6\][\s\S]*Apply this fix\?[^\n]*\s*$/);
    term.send('y');
    await term.waitFor(/\[5\/6\][\s\S]*Apply this fix\?[^\n]*\s*$/);
    term.send('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(read(dir, 'a.go')).toBe(fixedSend(A, 1));
    expect(read(dir, 'b.go')).toBe(B);
    expect(read(dir, 'c.go')).toBe(C);
  });

  it('--patch FILE saves the accepted changes as a patch and touches no file', async () => {
    const dir = project();
    term = new Terminal(`node ${CLI} fix --interactive --patch review.patch`, dir, ENV);
    await term.waitFor(PROMPT);
    term.send('y');
    await term.waitFor(/\[2\/6\][\s\S]*Apply this fix\?[^\n]*\s*$/);
    term.send('q');
    expect(await term.exitCode()).toBe(0);
    expect(read(dir, 'a.go')).toBe(A);
    const patch = read(dir, 'review.patch');
    expect(patch).toContain('diff --git a/a.go b/a.go');
    expect(patch).toContain('+\tcase ch <- 1:');
    expect(patch).not.toContain('case ch <- 2:');
  });
});

describe('goconc fix --interactive without a terminal', () => {
  it('fails fast with exit 2 instead of hanging', () => {
    const res = goconc(['fix', '--interactive'], project());
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--interactive needs a terminal');
  });
});
