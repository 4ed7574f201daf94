import { describe, expect, it } from 'vitest';
import { fixCtxPropagate } from '../support/ctx-propagate.js';

const SRC = `package p

import "context"

func Start(ctx context.Context, run func(context.Context)) {
	run(context.Background())
}
`;

const fix = (aggressive: boolean, src = SRC) => fixCtxPropagate(src, aggressive);

describe('ctx-propagate --aggressive', () => {
  it('reports context.Background() passed to a call, without a fix, by default', () => {
    const out = fix(false);
    expect(out.fixed).toBe(SRC);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ severity: 'info', reason: expect.stringContaining('--aggressive') });
  });

  it('replaces it with the context in scope when aggressive', () => {
    expect(fix(true).fixed).toBe(SRC.replace('run(context.Background())', 'run(ctx)'));
  });

  it('leaves Background() alone under a comment saying not to use the context in scope, even when aggressive', () => {
    const src = SRC.replace('\trun(context.Background())', "\t// Don't use ctx here, as we still want to finish off the request if the ctx has been cancelled.\n\trun(context.Background())");
    expect(src).toContain("// Don't use ctx here");
    const out = fix(true, src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining("a comment says why context.Background() is used here (// Don't use ctx here")]);
  });

  it('leaves Background() alone in a goroutine nothing waits for that does not use the context otherwise, even when aggressive', () => {
    const src = `package p

import "context"

type conn struct{ streams chan int }

func (c *conn) accept(ctx context.Context) (int, error) { return <-c.streams, ctx.Err() }

// dial's ctx ends once dialling is done; the accept loop lives with the connection.
func dial(ctx context.Context, c *conn, run func(context.Context), handle func(int)) {
	go func() {
		for {
			s, err := c.accept(context.Background())
			if err != nil {
				return
			}
			handle(s)
		}
	}()
	go run(context.Background())
	// This one stops with ctx already.
	go func() {
		for ctx.Err() == nil {
			s, _ := c.accept(context.Background())
			handle(s)
		}
	}()
}
`;
    const out = fix(true, src);
    expect(out.findings.map((f) => f.reason ?? 'fixed')).toEqual([
      expect.stringContaining('given to a goroutine that nothing waits for and that does not use ctx otherwise'),
      expect.stringContaining('given to a goroutine that nothing waits for'),
      'fixed',
    ]);
    expect(out.fixed).toBe(src.replace('s, _ := c.accept(context.Background())', 's, _ := c.accept(ctx)'));
  });

  it('leaves a new root of its own alone, even when aggressive', () => {
    const src = `package p

import (
	"context"
	"time"
)

type Scheduler struct{ ctx context.Context }

func newScheduler(ctx context.Context) *Scheduler { return &Scheduler{ctx: ctx} }

func (s *Scheduler) Flush(timeout time.Duration, wait func(context.Context) bool) bool {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return wait(ctx)
}
`;
    for (const aggressive of [true, false]) {
      const out = fix(aggressive, src);
      expect(out.fixed).toBe(src);
      expect(out.findings).toHaveLength(1);
      // Without --aggressive too: the reason is the root, not a fix that --aggressive would not give.
      expect(out.findings[0]).toMatchObject({ severity: 'info', reason: expect.stringContaining('is the parent of context.WithTimeout()') });
    }
  });

  it('sees a new root through calls that make a context of the background first (two of them)', () => {
    const src = `package p

import (
	"context"
	"time"
)

func withLogger(ctx context.Context, name string) context.Context { return ctx }

func withJob(ctx context.Context) context.Context { return ctx }

// Cleanup gets a minute of its own, even once ctx is cancelled.
func Stop(ctx context.Context, remove func(context.Context) error) error {
	cctx, cancel := context.WithTimeout(withJob(withLogger(context.Background(), "stop")), time.Minute)
	defer cancel()
	return remove(cctx)
}
`;
    const out = fix(true, src);
    expect(out.fixed).toBe(src);
    expect(out.findings[0]).toMatchObject({ reason: expect.stringContaining('is the parent of context.WithTimeout()') });
  });

  it('sees a new root through a local the background is kept in, and a span linked back to the parent', () => {
    const src = `package p

import "context"

type span struct{}

func withSpan(ctx context.Context, s *span) context.Context { return ctx }

func start(ctx context.Context, name string, links ...string) (context.Context, *span) { return ctx, nil }

func LinkFromContext(ctx context.Context) string { return "" }

func WithLinks(links ...string) string { return "" }

// branch returns a context disconnected from the parent's cancellation.
func branch(ctx context.Context, s *span) (context.Context, context.CancelCauseFunc) {
	detached := withSpan(context.Background(), s)
	return context.WithCancelCause(detached)
}

// invalidate runs detached from the request that triggers it, its span linked back.
func invalidate(parent context.Context, run func(context.Context)) {
	ctx, _ := start(context.Background(), "invalidate", WithLinks(LinkFromContext(parent)))
	run(ctx)
}
`;
    const out = fix(true, src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([
      expect.stringContaining('is the parent of context.WithCancelCause()'),
      expect.stringContaining('is the parent of start(), a span linked back'),
    ]);
  });

  it('leaves alone, even when aggressive, a context a function returns afresh, and one a comment says must not be cancelled', () => {
    const src = `package p

import "context"

func withScope(ctx context.Context, scope string) context.Context { return ctx }

// newRequestContext gives a retried request an entirely new context.
func newRequestContext(orig context.Context, scope string) context.Context {
	return withScope(context.Background(), scope)
}

func prefetch(ctx context.Context, resolve func(context.Context)) {
	go func() {
		if ctx.Err() != nil {
			return
		}
		// Avoids to get canceled by client.
		resolve(context.Background())
	}()
	<-ctx.Done()
}
`;
    const out = fix(true, src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([
      expect.stringContaining('is the parent of the context newRequestContext() returns'),
      expect.stringContaining('a comment says why context.Background() is used here (// Avoids to get canceled by client.)'),
    ]);
  });

  it('leaves the base of profiler labels alone, even when aggressive', () => {
    const src = `package p

import (
	"context"
	"runtime/pprof"
)

func Tag(ctx context.Context, tags []string) context.Context {
	return pprof.WithLabels(context.Background(), pprof.Labels(tags...))
}
`;
    const out = fix(true, src);
    expect(out.fixed).toBe(src);
    expect(out.findings[0]).toMatchObject({ severity: 'info', reason: expect.stringContaining('is the base of pprof.WithLabels()') });
  });

  it('reports every Background() it leaves alone at info level, and not the one a field context is made from', () => {
    const src = `package p

import (
	"context"
	"time"
)

type pool struct {
	ctx  context.Context
	stop context.CancelFunc
}

func (p *pool) start() {
	p.ctx, p.stop = context.WithCancel(context.Background())
}

func flush(ctx context.Context) {
	c, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	<-c.Done()
}
`;
    const out = fix(false, src);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ severity: 'info', line: 18, reason: expect.stringContaining('a new root of its own') });
  });

  it('does not report Background() in a test file, even when aggressive: a bare context may be what the test checks', () => {
    const src = `package p

import (
	"context"
	"testing"
)

// A handler under test: the header set on a bare context must be ignored.
func handle(ctx context.Context, t *testing.T) {
	setHeader(context.Background(), "key4", "ignored")
}

func setHeader(ctx context.Context, k, v string) {}
`;
    const out = fixCtxPropagate(src, true, 'p_test.go');
    expect(out.fixed).toBe(src);
    expect(out.findings).toEqual([]);
    // The same code outside a test file is fixed when aggressive.
    expect(fix(true, src).fixed).toBe(src.replace('setHeader(context.Background(),', 'setHeader(ctx,'));
  });

  it('leaves Background() given to a write alone, even when aggressive, and the read whose failure would skip it: the record may be meant to outlive the request', () => {
    const src = `package p

import "context"

type store interface {
	Create(ctx context.Context, record string) error
	Get(ctx context.Context, key string) (string, error)
}

func RecordLogin(ctx context.Context, s store, user string) error {
	if _, err := s.Get(context.Background(), user); err != nil {
		return err
	}
	return s.Create(context.Background(), user)
}
`;
    const out = fix(true, src);
    expect(out.findings.map((f) => f.reason ?? 'fixed')).toEqual([
      expect.stringContaining('a later write of the function is given context.Background() though ctx is there (s.Create(…), line 14)'),
      expect.stringContaining('context.Background() is given to a write (s.Create(…))'),
    ]);
    expect(out.fixed).toBe(src);
  });

  it('still fixes a read when no write after it is cut loose, even one its failure would skip', () => {
    const src = `package p

import "context"

type store interface {
	Create(ctx context.Context, record string) error
	Get(ctx context.Context, key string) (string, error)
}

func RecordLogin(ctx context.Context, s store, user string) error {
	if _, err := s.Get(context.Background(), user); err != nil {
		return err
	}
	return s.Create(ctx, user)
}
`;
    const out = fix(true, src);
    expect(out.findings.map((f) => f.reason ?? 'fixed')).toEqual(['fixed']);
    expect(out.fixed).toBe(src.replace('s.Get(context.Background(), user)', 's.Get(ctx, user)'));
  });

  it('leaves a mock expectation alone: its context argument is what the code under test must pass', () => {
    const src = `package p

import "context"

type recorder struct{}

func (recorder) DescribeGroups(ctx context.Context, name any) {}

type mock struct{}

func (mock) EXPECT() recorder { return recorder{} }

func expectDescribe(ctx context.Context, ec2Rec recorder, m mock) {
	ec2Rec.DescribeGroups(context.TODO(), "cluster")
	m.EXPECT().DescribeGroups(context.TODO(), "cluster")
}
`;
    const out = fix(false, src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining("the call sets a mock's expectation (ec2Rec.DescribeGroups(…))"), expect.stringContaining("the call sets a mock's expectation (m.EXPECT().DescribeGroups(…))")]);
  });
});

describe('ctx-propagate, a context taken from a test or a request', () => {
  it("uses a test's context taken in a local (ctx := t.Context()), not a method of another type's", () => {
    const src = `package p

import (
	"context"
	"testing"
)

type client struct{}

func (client) Context() context.Context { return context.Background() }

func (client) Get(ctx context.Context) error { return ctx.Err() }

func TestGet(t *testing.T) {
	ctx := t.Context()
	c := client{}
	if err := c.Get(context.TODO()); err != nil {
		t.Fatal(err)
	}
	_ = ctx
}

func get(c client) error {
	ctx := c.Context()
	_ = ctx
	return c.Get(context.TODO())
}
`;
    const out = fix(false, src);
    expect(out.findings.map((f) => f.line)).toEqual([17]);
    expect(out.fixed).toBe(src.replace('if err := c.Get(context.TODO()); err != nil {', 'if err := c.Get(ctx); err != nil {'));
  });
});
