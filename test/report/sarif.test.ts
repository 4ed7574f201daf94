import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv-draft-04';
import { goconc } from '../support/cli.js';
import { tempTree } from '../support/temp-tree.js';

const require = createRequire(import.meta.url);
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const SRC = `package svc

import "context"

// 日本語 😀 before the finding: UTF-16 columns differ from bytes here.
func Produce(ctx context.Context, out chan<- string) {
	msg := "héllo"; out <- msg
	out <- "wörld 😀"
}

func Leak(out chan<- int) {
	out <- 1
}
`;

describe('--sarif', () => {
  const dir = tempTree({ 'go.mod': 'module example.com/svc\n\ngo 1.22\n', 'svc.go': SRC });
  const res = goconc(['scan', '--sarif'], dir);
  const log = JSON.parse(res.stdout);

  it('is valid SARIF 2.1.0 according to the official schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has one rule per codemod and results with UTF-16 columns, fixes as artifactChanges', () => {
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('goconc');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('send-select-ctx');
    const results = run.results;
    expect(results).toHaveLength(3);
    // `msg := "héllo"; out <- msg`: the send starts at UTF-16 column 18 (byte column 19).
    const onLine7 = results.find((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0].physicalLocation.region.startLine === 7);
    expect(onLine7.locations[0].physicalLocation.region.startColumn).toBe(18);
    const fixed = results.find((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0].physicalLocation.region.startLine === 8);
    const change = fixed.fixes[0].artifactChanges[0];
    expect(change.artifactLocation).toEqual({ uri: 'svc.go', uriBaseId: '%SRCROOT%' });
    // `out <- "wörld 😀"` is 17 UTF-16 units long (the emoji counts two), 20 bytes.
    expect(change.replacements[0].deletedRegion).toEqual({ startLine: 8, startColumn: 2, endLine: 8, endColumn: 19 });
    expect(change.replacements[0].insertedContent.text).toContain('case <-ctx.Done():');
    const leak = results.find((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0].physicalLocation.region.startLine === 12);
    expect(leak.fixes).toBeUndefined();
    expect(leak.message.text).toContain('no fix: no cancellation source');
  });
});

describe('--format github', () => {
  it('prints workflow annotations with escaped properties and messages', () => {
    const dir = tempTree({ 'a,b:c.go': 'package svc\n\nfunc Leak(out chan<- int) {\n\tout <- 1\n}\n' });
    const res = goconc(['scan', '--format', 'github'], dir);
    expect(res.stdout).toBe(
      '::warning file=a%2Cb%3Ac.go,line=4,col=2,endLine=4,endColumn=10,title=goconc send-select-ctx::blocking send on out: if no receiver comes, this goroutine waits forever%0Ano fix: no cancellation source in scope (no context.Context or done channel to select on)\n',
    );
  });
});
