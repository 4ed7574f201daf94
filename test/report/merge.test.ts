import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goconc } from '../support/cli.js';
import { tempTree } from '../support/temp-tree.js';

const send = (pkg: string, n: number) => `package ${pkg}\n\nimport "context"\n\nfunc P${n}(ctx context.Context, out chan<- int) {\n\tout <- ${n}\n}\n`;

describe('goconc report merge', () => {
  const files: Record<string, string> = { '.git/HEAD': 'x', 'go.mod': 'module example.com/m\n\ngo 1.22\n' };
  for (let i = 0; i < 12; i++) files[`p${i}/p.go`] = send(`p${i}`, i);
  const dir = tempTree(files);

  it('merges shard JSON reports into the report of the whole run', () => {
    const whole = JSON.parse(goconc(['scan', '--json'], dir).stdout);
    const paths = [1, 2, 3].map((k) => {
      const p = join(dir, `shard${k}.json`);
      writeFileSync(p, goconc(['scan', '--json', '--shard', `${k}/3`], dir).stdout);
      return p;
    });
    const res = goconc(['report', 'merge', ...paths], dir);
    expect(res.status, res.stderr).toBe(0);
    const merged = JSON.parse(res.stdout);
    expect(merged.findings).toEqual(whole.findings);
    for (const key of ['findings', 'fixable', 'filesDiscovered', 'filesParsed']) expect(merged.summary[key]).toBe(whole.summary[key]);
    expect(merged.summary.findingsByCodemod).toEqual(whole.summary.findingsByCodemod);
  });

  it('merges SARIF logs into one run', () => {
    const paths = [1, 2].map((k) => {
      const p = join(dir, `shard${k}.sarif`);
      writeFileSync(p, goconc(['scan', '--sarif', '--shard', `${k}/2`], dir).stdout);
      return p;
    });
    const merged = JSON.parse(goconc(['report', 'merge', ...paths], dir).stdout);
    expect(merged.runs).toHaveLength(1);
    expect(merged.runs[0].results).toHaveLength(12);
  });

  it('refuses a report of another schema version, naming the file', () => {
    const bad = join(dir, 'old.json');
    writeFileSync(bad, JSON.stringify({ version: 0, findings: [], errors: [], skipped: [], summary: {} }));
    const good = join(dir, 'good.json');
    writeFileSync(good, goconc(['scan', '--json'], dir).stdout);
    const res = goconc(['report', 'merge', good, bad], dir);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(`${bad}: report schema version 0, expected 1`);
  });
});
