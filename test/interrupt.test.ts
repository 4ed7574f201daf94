import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goconc } from './support/cli.js';
import { CLI } from './support/paths.js';
import { tempTree } from './support/temp-tree.js';

const source = (i: number) => `package p${i}\n\nimport "context"\n\nfunc Produce(ctx context.Context, out chan<- int) {\n\tout <- ${i}\n}\n`;
const fixed = (i: number) => source(i).replace(`\tout <- ${i}\n`, `\tselect {\n\tcase out <- ${i}:\n\tdefault:\n\t\tselect {\n\t\tcase out <- ${i}:\n\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\t}\n\t}\n`);

describe('interrupting fix --write', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} leaves every file either original or fully fixed, and says how many were written`, async () => {
      const n = 3000;
      const files: Record<string, string> = { 'go.mod': 'module example.com/many\n\ngo 1.22\n' };
      for (let i = 0; i < n; i++) files[`p${i}/p.go`] = source(i);
      const dir = tempTree(files);
      const child = spawn(process.execPath, [CLI, 'fix', '--write', '--jobs', '1', '.'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      let sent = false;
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (!sent && stderr.includes('fixed ')) {
          sent = true;
          child.kill(signal);
        }
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(sent).toBe(true);
      expect(code).toBe(130);
      const m = /interrupted: (\d+) files written; the others are untouched/.exec(stderr);
      expect(m, stderr.slice(-500)).not.toBeNull();
      let changed = 0;
      for (let i = 0; i < n; i++) {
        const text = readFileSync(join(dir, `p${i}/p.go`), 'utf8');
        expect([source(i), fixed(i)]).toContain(text);
        if (text === fixed(i)) changed++;
      }
      expect(changed).toBe(Number(m![1]));
      expect(changed).toBeLessThan(n);
      const strays = readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.goconc-'));
      expect(strays).toEqual([]);
      // Running again finishes the job.
      expect(goconc(['fix', '--write', '.'], dir).status).toBe(0);
      // Two runs over 3,000 files: about 25 s on a quiet 2-core machine, over a minute on a busy one.
    }, 180_000);
  }
});
