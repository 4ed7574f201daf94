import { describe, expect, it } from 'vitest';
import { goconc } from './support/cli.js';
import { tempTree } from './support/temp-tree.js';

const SRC = `package svc

import "context"

func a(ctx context.Context, out chan<- int) {
	out <- 1 //goconc:ignore
}

func b(ctx context.Context, out chan<- int) {
	//goconc:ignore send-select-ctx // the consumer never stops reading
	out <- 2
}

func c(ctx context.Context, out chan<- int) {
	//goconc:ignore some-other-codemod
	out <- 3
}

func d() {
	//goconc:ignore
	println("nothing to suppress here")
}
`;

describe('//goconc:ignore', () => {
  it('suppresses findings on its line or the line below, for all or the named codemods', () => {
    const res = goconc(['scan', '--json'], tempTree({ 'svc.go': SRC }));
    const findings = JSON.parse(res.stdout).findings.map((f: { line: number; codemod: string; message: string }) => `${f.line} ${f.codemod}: ${f.message}`);
    expect(findings).toEqual([
      '15 unused-ignore: //goconc:ignore names unknown codemod some-other-codemod',
      '16 send-select-ctx: blocking send on out: if no receiver comes, this goroutine waits forever',
      '20 unused-ignore: //goconc:ignore suppresses nothing',
    ]);
  });

  it('keeps suppressed sends out of fix patches', () => {
    const res = goconc(['fix', '--dry-run'], tempTree({ 'svc.go': SRC }));
    expect(res.stdout).toContain('+\tcase out <- 3:');
    expect(res.stdout).not.toContain('case out <- 1:');
    expect(res.stdout).not.toContain('case out <- 2:');
  });
});
