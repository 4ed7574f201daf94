import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codemods } from '../../codemods/index.js';
import { PackageIndexCache } from '../../src/engine/package-cache.js';
import { fixSource } from '../../src/engine/process-file.js';
import { tempTree } from '../support/temp-tree.js';

const codemod = codemods.find((c) => c.id === 'bounded-goroutines')!;
const SRC = `package p

import "sync"

func All(items []int, f func(int)) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(it)
		}()
	}
	wg.Wait()
}
`;

const fix = (options: Record<string, unknown>) =>
  fixSource('/virtual/p.go', 'p.go', SRC, { codemods: [codemod], codemodOptions: { [codemod.id]: options }, goVersion: '1.22', packages: new PackageIndexCache() }).fixed;

describe('bounded-goroutines options', () => {
  it('uses --max-concurrency as given: a number needs no import', () => {
    const out = fix({ 'max-concurrency': '8' });
    expect(out).toContain('\tsem := make(chan struct{}, 8)\n');
    expect(out).toContain('import "sync"\n');
    expect(out).not.toContain('runtime');
  });

  it('defaults to runtime.GOMAXPROCS(0) and imports runtime', () => {
    const out = fix({ 'max-concurrency': 'runtime.GOMAXPROCS(0)' });
    expect(out).toContain('sem := make(chan struct{}, runtime.GOMAXPROCS(0))');
    expect(out).toContain('import (\n\t"runtime"\n\t"sync"\n)\n');
  });
});

describe('bounded-goroutines in test code', () => {
  const at = (path: string) =>
    fixSource(path, path, SRC, { codemods: [codemod], codemodOptions: { [codemod.id]: {} }, goVersion: '1.22', packages: new PackageIndexCache() });

  it('gives no bound to a loop under a directory of tests, whose goroutines the suite means to run together', () => {
    const out = at('/repo/test/e2e/gateways.go');
    expect(out.fixed).toBe(SRC);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the loop is in test code')]);
  });

  it('bounds the same loop elsewhere', () => {
    expect(at('/repo/pkg/gateways.go').fixed).toContain('sem := make(chan struct{}, runtime.GOMAXPROCS(0))');
  });
});

describe('bounded-goroutines on goroutines waiting on the network', () => {
  const FETCH = `package p

import (
	"net/http"
	"sync"
)

func FetchAll(urls []string, got func(*http.Response)) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if rsp, err := http.Get(u); err == nil {
				got(rsp)
			}
		}()
	}
	wg.Wait()
}
`;
  const run = (options: Record<string, unknown>) =>
    fixSource('/virtual/p.go', 'p.go', FETCH, { codemods: [codemod], codemodOptions: { [codemod.id]: options }, goVersion: '1.22', packages: new PackageIndexCache() });

  it('gives no fix with the default bound, the number of CPUs', () => {
    const res = run({ 'max-concurrency': 'runtime.GOMAXPROCS(0)' });
    expect(res.fixed).toBe(FETCH);
    expect(res.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the goroutines wait on the network (http.Get)')]);
  });

  it('bounds them with a bound chosen on purpose', () => {
    expect(run({ 'max-concurrency': '16' }).fixed).toContain('\tsem := make(chan struct{}, 16)\n');
  });
});

describe('bounded-goroutines on methods this package does not show', () => {
  const QUEUE = `package p

import "sync"

type Mailer interface {
	Queue(msg string)
}

func SendAll(m Mailer, msgs []string) {
	var wg sync.WaitGroup
	for _, msg := range msgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.Queue(msg)
		}()
	}
	wg.Wait()
}
`;
  const run = (options: Record<string, unknown>, src = QUEUE) =>
    fixSource('/virtual/p.go', 'p.go', src, { codemods: [codemod], codemodOptions: { [codemod.id]: options }, goVersion: '1.22', packages: new PackageIndexCache() });

  it('gives no fix with the default bound, and names the call', () => {
    const res = run({ 'max-concurrency': 'runtime.GOMAXPROCS(0)' });
    expect(res.fixed).toBe(QUEUE);
    expect(res.findings.map((f) => f.reason)).toEqual([expect.stringContaining('run code this package does not show (m.Queue(…))')]);
  });

  it('bounds them with a bound chosen on purpose', () => {
    expect(run({ 'max-concurrency': '4' }).fixed).toContain('\tsem := make(chan struct{}, 4)\n');
  });

  it("reads an import of a module named without a dot as another package's, not the standard library's", () => {
    const src = QUEUE.replace('import "sync"', 'import (\n\t"sync"\n\n\t"repro/mail"\n)').replace('type Mailer interface {\n\tQueue(msg string)\n}\n\n', '').replace('m Mailer', 'm *mail.Mailer');
    expect(src).toContain('m *mail.Mailer');
    expect(run({ 'max-concurrency': 'runtime.GOMAXPROCS(0)' }, src).findings.map((f) => f.reason)).toEqual([expect.stringContaining('(m.Queue(…))')]);
    // The same call on a standard-library type is read.
    const std = src.replace('"repro/mail"', '"net/mail"');
    expect(run({ 'max-concurrency': 'runtime.GOMAXPROCS(0)' }, std).findings.map((f) => f.reason)).toEqual([undefined]);
  });

  it("reads another package's function named for waiting as work that waits", () => {
    const src = `package p

import (
	"sync"

	"github.com/cenkalti/backoff"
)

func WaitForHealthy(checks []func() error) {
	var wg sync.WaitGroup
	for _, check := range checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = backoff.Retry(check, backoff.NewExponentialBackOff())
		}()
	}
	wg.Wait()
}
`;
    expect(run({ 'max-concurrency': 'runtime.GOMAXPROCS(0)' }, src).findings.map((f) => f.reason)).toEqual([expect.stringContaining('(backoff.Retry(…))')]);
    // Another of its functions, not named so, is read as the loop's work (the check itself, a
    // function its callers hand in, is not called here: that is refused on its own).
    const helper = src.replace('_ = backoff.Retry(check, backoff.NewExponentialBackOff())', '_ = check\n\t\t\t_ = backoff.NewExponentialBackOff()');
    expect(run({ 'max-concurrency': 'runtime.GOMAXPROCS(0)' }, helper).findings.map((f) => f.reason)).toEqual([undefined]);
  });

  it('reads a function of another package of the same module as work it cannot see, unless named for computing a value', () => {
    const src = `package logic

import "example.com/orc/raft"

func PublishAll(keys []string) {
	for _, key := range keys {
		go raft.PublishCommand("discover", key)
	}
}
`;
    const dir = tempTree({ 'go.mod': 'module example.com/orc\n\ngo 1.22\n', 'logic/p.go': src });
    const reasons = (text: string) =>
      fixSource(join(dir, 'logic', 'p.go'), 'logic/p.go', text, { codemods: [codemod], codemodOptions: { [codemod.id]: { 'max-concurrency': 'runtime.GOMAXPROCS(0)' } }, goVersion: '1.22', packages: new PackageIndexCache() }).findings.map((f) => f.reason);
    expect(reasons(src)).toEqual([expect.stringContaining('run code this package does not show (raft.PublishCommand(…))')]);
    // Named for computing a value, it is read as the loop's work.
    const computes = src.replace('raft.PublishCommand("discover", key)', 'raft.SanitizeKey(key)');
    expect(computes).toContain('raft.SanitizeKey(key)');
    expect(reasons(computes)).toEqual([undefined]);
    // Another module's function is read as the loop's work, as before.
    const other = src.replace('"example.com/orc/raft"', '"example.com/other/raft"');
    expect(reasons(other)).toEqual([undefined]);
  });

  it('bounds them when the package declares the method it calls', () => {
    const own = QUEUE.replace('type Mailer interface {\n\tQueue(msg string)\n}', 'type Mailer struct{ n int }\n\nfunc (m *Mailer) Queue(msg string) { m.n += len(msg) }').replace('m Mailer', 'm *Mailer');
    expect(own).toContain('func (m *Mailer) Queue');
    expect(run({ 'max-concurrency': 'runtime.GOMAXPROCS(0)' }, own).fixed).toContain('sem := make(chan struct{}, runtime.GOMAXPROCS(0))');
  });
});

describe('bounded-goroutines --strategy=workers', () => {
  const CHANNEL = `package p

type Request struct{ ID int }

func Serve(reqs <-chan Request, handle func(Request)) {
	for req := range reqs {
		go handle(req)
	}
}
`;
  const run = (goVersion: string) =>
    fixSource('/virtual/p.go', 'p.go', CHANNEL, {
      codemods: [codemod],
      codemodOptions: { [codemod.id]: { 'max-concurrency': '4', strategy: 'workers' } },
      goVersion,
      packages: new PackageIndexCache(),
    }).fixed;

  it('drains the channel with N workers and waits for them', () => {
    expect(run('1.22')).toBe(`package p

import "sync"

type Request struct{ ID int }

func Serve(reqs <-chan Request, handle func(Request)) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for req := range reqs {
				handle(req)
			}
		}()
	}
	wg.Wait()
}
`);
  });

  it('counts workers with a classic loop below Go 1.22', () => {
    expect(run('1.21')).toContain('\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n');
  });
});

describe("bounded-goroutines on another package's values", () => {
  const SERVICES = `package p

import (
	"sync"

	"example.com/daemon"
)

// resolver has a Start of its own, which returns at once.
type resolver struct{}

func (r *resolver) Start() {}

type cluster struct {
	mu       sync.Mutex
	services []daemon.Daemon
}

func (c *cluster) startAll(hosts []string) {
	for range hosts {
		svc, ready := daemon.NewService()
		c.services = append(c.services, svc)
		_ = ready
		go svc.Start()
	}
}
`;
  const analyse = (src: string) =>
    fixSource('/virtual/p.go', 'p.go', src, { codemods: [codemod], codemodOptions: { [codemod.id]: {} }, goVersion: '1.22', packages: new PackageIndexCache() });

  it("does not take a value another package's constructor gives, one of several results, for the package's own type of the method's name", () => {
    const out = analyse(SERVICES);
    expect(out.fixed).toBe(SERVICES);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the goroutine runs svc.Start(), named like a worker that runs until stopped, whose code this package does not show')]);
  });

  it("reads the package's own method when the value is the package's", () => {
    const own = SERVICES.replace('svc, ready := daemon.NewService()', 'svc, ready := &resolver{}, 0').replace('c.services = append(c.services, svc)', '');
    expect(analyse(own).fixed).toContain('sem := make(chan struct{}, runtime.GOMAXPROCS(0))');
  });
});
