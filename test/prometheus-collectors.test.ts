import { describe, expect, it } from 'vitest';
import { goconc } from './support/cli.js';
import { tempTree } from './support/temp-tree.js';

// A collector's metric channel comes from client_golang, which fixtures cannot import: the rule
// is checked here on a scan of its own (the code is not compiled).
const COLLECTOR = `package collector

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
)

var walDesc = prometheus.NewDesc("pg_wal_segments", "WAL segments.", nil, nil)

type walCollector struct{}

func (walCollector) Update(ctx context.Context, ch chan<- prometheus.Metric) error {
	ch <- prometheus.MustNewConstMetric(walDesc, prometheus.GaugeValue, 1)
	return nil
}

func forward(ctx context.Context, out chan<- prometheus.Counter, c prometheus.Counter) error {
	out <- c
	return nil
}
`;

// client_golang's own package names its types unqualified: the same channels, read the same way.
const OWN_PACKAGE = `package prometheus

type Metric interface{ Desc() *Desc }

type Desc struct{ name string }

type procCollector struct{ cpu, rss *Desc }

func (c *procCollector) Describe(ch chan<- *Desc) { c.describe(ch) }

func (c *procCollector) Collect(ch chan<- Metric) { c.collect(ch) }

func (c *procCollector) describe(ch chan<- *Desc) {
	ch <- c.cpu
	ch <- c.rss
}

func (c *procCollector) collect(ch chan<- Metric) {
	ch <- constMetric{c.cpu}
}

type constMetric struct{ d *Desc }

func (m constMetric) Desc() *Desc { return m.d }
`;

describe('send-select-ctx on Prometheus collectors', () => {
  it("in client_golang's own package, sends on the unqualified Metric and *Desc channels handed down from Collect and Describe are no findings", () => {
    const dir = tempTree({ 'go.mod': 'module github.com/prometheus/client_golang\n\ngo 1.22\n', 'prometheus/proc.go': OWN_PACKAGE });
    const res = goconc(['scan', '--json', '--only', 'send-select-ctx'], dir);
    expect(JSON.parse(res.stdout).findings).toEqual([]);
    // Outside a package named prometheus, an unqualified Metric is another type: reported.
    const other = tempTree({ 'go.mod': 'module example.com/m\n\ngo 1.22\n', 'p/proc.go': OWN_PACKAGE.replace('package prometheus', 'package p') });
    expect(JSON.parse(goconc(['scan', '--json', '--only', 'send-select-ctx'], other).stdout).findings.length).toBe(3);
  });


  it('a send on a metric channel handed down from Collect is no finding (the registry reads until Collect returns); another channel of the package gets a fix', () => {
    const dir = tempTree({ 'go.mod': 'module example.com/collector\n\ngo 1.22\n', 'wal.go': COLLECTOR });
    const res = goconc(['scan', '--json', '--only', 'send-select-ctx'], dir);
    const findings = JSON.parse(res.stdout).findings as { line: number; fix?: unknown; reason?: string }[];
    expect(findings.map((f) => f.line)).toEqual([19]);
    expect(findings[0].fix).toBeTruthy();
  });

  it('a metric channel both ways (chan prometheus.Metric) is reported without a fix, the registry reading it', () => {
    const dir = tempTree({ 'go.mod': 'module example.com/collector\n\ngo 1.22\n', 'wal.go': COLLECTOR.replace('ch chan<- prometheus.Metric', 'ch chan prometheus.Metric') });
    const res = goconc(['scan', '--json', '--only', 'send-select-ctx'], dir);
    const findings = JSON.parse(res.stdout).findings as { line: number; fix?: unknown; reason?: string }[];
    expect(findings.map((f) => f.line)).toEqual([14, 19]);
    expect(findings[0].fix ?? undefined).toBeUndefined();
    expect(findings[0].reason).toMatch(/^ch is a Prometheus collector's metric channel \(chan prometheus\.Metric\): the registry reads every metric until Collect returns/);
  });
});
