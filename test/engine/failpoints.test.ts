import { describe, expect, it } from 'vitest';
import { codemods } from '../../codemods/index.js';
import { PackageIndexCache } from '../../src/engine/package-cache.js';
import { fixSource } from '../../src/engine/process-file.js';

const sendSelect = codemods.find((c) => c.id === 'send-select-ctx')!;
const fix = (src: string) => fixSource('/virtual/p.go', 'p.go', src, { codemods: [sendSelect], goVersion: '1.22', packages: new PackageIndexCache() });

// pd's resource-group controller: failpoint-ctl pastes the closure into the function around it.
const SRC = `package p

import (
	"context"

	"github.com/pingcap/failpoint"
)

type controller struct {
	notify chan<- struct{}
}

func (c *controller) wait(ctx context.Context) (n int, err error) {
	if n, err := c.acquire(ctx); err != nil {
		failpoint.Inject("triggerUpdate", func() {
			c.notify <- struct{}{}
		})
		return n, err
	}
	c.notify <- struct{}{}
	return 0, nil
}

func (c *controller) acquire(ctx context.Context) (int, error) { return 0, ctx.Err() }
`;

describe('fixes in failpoint closures', () => {
  it('reports a send in a failpoint marker closure without a fix, and fixes the same send outside it', () => {
    const out = fix(SRC);
    expect(out.findings.map((f) => [f.line, f.reason ?? 'fixed'])).toEqual([
      [16, expect.stringContaining('the code is in the closure of a failpoint marker (failpoint.Inject, line 15), which failpoint-ctl pastes into the function around it')],
      [20, 'fixed'],
    ]);
    expect(out.fixed).toContain('\t\tfailpoint.Inject("triggerUpdate", func() {\n\t\t\tc.notify <- struct{}{}\n\t\t})');
    expect(out.fixed).toContain('case <-ctx.Done():');
  });

  it('leaves fixes alone in a file that does not import the failpoint package', () => {
    const src = SRC.replace('\n\t"github.com/pingcap/failpoint"\n', '\n\tfailpoint "example.com/faults"\n');
    expect(src).not.toBe(SRC);
    expect(fix(src).findings.map((f) => f.reason ?? 'fixed')).toEqual(['fixed', 'fixed']);
  });
});
