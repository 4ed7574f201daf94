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
