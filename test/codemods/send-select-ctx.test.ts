import { describe, expect, it } from 'vitest';
import { codemods } from '../../codemods/index.js';
import { PackageIndexCache } from '../../src/engine/package-cache.js';
import { analyzeSource } from '../../src/engine/process-file.js';

const codemod = codemods.find((c) => c.id === 'send-select-ctx')!;

/** Lines of the sends reported in a source (its package, client_golang, is not needed to analyse it). */
const reported = (source: string) =>
  analyzeSource('/virtual/p.go', 'p.go', source, { codemods: [codemod], goVersion: '1.22', packages: new PackageIndexCache() }).findings.map((f) => f.line);

describe('send-select-ctx and Prometheus collectors', () => {
  const collector = (param: string) => `package p

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
)

type collector struct {
	ctx  context.Context
	desc *prometheus.Desc
}

func (c *collector) Describe(ch ${param}) {
	ch <- c.desc
}
`;

  it('leaves the sends of Describe and Collect alone: the registry reads the channel until they return', () => {
    expect(reported(collector('chan<- *prometheus.Desc'))).toEqual([]);
    expect(reported(collector('chan<- *prometheus.Desc').replace('Describe', 'Collect').replace('*prometheus.Desc)', 'prometheus.Metric)'))).toEqual([]);
  });

  it('still reports a send on a channel of another method or type', () => {
    expect(reported(collector('chan<- *prometheus.Desc').replace('Describe', 'Publish'))).toEqual([15]);
    expect(reported(collector('chan<- *Desc'))).toEqual([15]);
  });
});

describe("send-select-ctx and another package's Context", () => {
  const reasons = (source: string) =>
    analyzeSource('/virtual/p.go', 'p.go', source, { codemods: [codemod], goVersion: '1.22', packages: new PackageIndexCache() }).findings.map((f) => f.fix ? 'fix' : f.reason);
  const pump = (imports: string, param: string) => `package p

import ${imports}

func pump(ctx ${param}, in []int, out chan<- int) {
	for _, v := range in {
		out <- v
	}
}
`;

  it('says which parameter it cannot use, and why, rather than that none is in scope', () => {
    expect(reasons(pump('"github.com/trufflesecurity/trufflehog/v3/pkg/context"', 'context.Context'))).toEqual([
      'no cancellation source goconc knows in scope: ctx (context.Context of "github.com/trufflesecurity/trufflehog/v3/pkg/context") is not the standard library\'s context.Context, and goconc cannot see whether it has a Done() to select on',
    ]);
    expect(reasons(pump('"github.com/gin-gonic/gin"', '*gin.Context'))[0]).toMatch(/^no cancellation source goconc knows in scope: ctx \(\*gin.Context of "github.com\/gin-gonic\/gin"\)/);
  });

  it("still fixes a send with the standard library's context, and keeps the plain reason with none", () => {
    expect(reasons(pump('"context"', 'context.Context'))).toEqual(['fix']);
    // golang.org/x/net/context's Context is an alias of the standard library's.
    expect(reasons(pump('"golang.org/x/net/context"', 'context.Context'))).toEqual(['fix']);
    expect(reasons(pump('"strings"', '*strings.Builder'))).toEqual(['no cancellation source in scope (no context.Context or done channel to select on)']);
  });
});

describe('send-select-ctx in test doubles', () => {
  const double = `package fake

import (
	"context"
	"net/http"
)

// Locker holds each response until the test writes to it.
type RoundTripper struct {
	Locker chan struct{}
	Resp   *http.Response
}

func (rt *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if rt.Locker != nil {
		rt.Locker <- struct{}{}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return rt.Resp, nil
}
`;
  const reasons = (path: string) =>
    analyzeSource(path, path.split('/').pop()!, double, { codemods: [codemod], goVersion: '1.22', packages: new PackageIndexCache() }).findings.map((f) => f.reason ?? 'fixed');

  it('leaves a handshake of a test double alone in a testing/ directory: the test means to take it after ending the context', () => {
    expect(reasons('/repo/pkg/activator/testing/roundtripper.go')).toEqual([expect.stringMatching(/^the send is in test code/)]);
  });

  it('fixes the same send in a package of the program', () => {
    expect(reasons('/repo/pkg/activator/roundtripper.go')).toEqual(['fixed']);
  });
});
