import { describe, expect, it } from 'vitest';
import { fixCtxPropagate } from '../support/ctx-propagate.js';

// context.Background() left alone even with --aggressive: work meant to outlive the context in scope.
const fix = (src: string) => fixCtxPropagate(src);

describe('ctx-propagate --aggressive, refused', () => {
  it('leaves Background() alone, even when aggressive, in a method only ever started as a goroutine nothing waits for', () => {
    const src = `package p

import "context"

type store struct{}

func (store) plan(ctx context.Context, id string) (string, error) { return id, ctx.Err() }

type manager struct{ db store }

func (m *manager) Create(ctx context.Context, id string) error {
	go m.emitMetrics(ctx, id)
	return nil
}

// Looked up after Create has answered: the request's context is over by then.
func (m *manager) emitMetrics(ctx context.Context, id string) {
	if _, err := m.db.plan(context.Background(), id); err != nil {
		return
	}
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the function only runs as a goroutine nothing waits for (go m.emitMetrics(ctx, id))')]);
    // Called in place as well: the goroutine still runs it after the request, given its context (refused).
    const called = src.replace('\treturn nil\n}', '\tm.emitMetrics(ctx, id)\n\treturn nil\n}');
    expect(called).not.toBe(src);
    expect(fix(called).fixed).toBe(called);
    expect(fix(called).findings.map((f) => f.reason)).toEqual([expect.stringContaining('emitMetrics is started by Create in a goroutine it does not wait for (go m.emitMetrics(ctx, id)), handed its ctx')]);
    // Only called in place, it runs within its caller's request: fixed.
    const inPlace = src.replace('\tgo m.emitMetrics(ctx, id)\n', '\tm.emitMetrics(ctx, id)\n');
    expect(inPlace).not.toBe(src);
    expect(fix(inPlace).fixed).toBe(inPlace.replace('m.db.plan(context.Background(), id)', 'm.db.plan(ctx, id)'));
  });

  it('leaves a stop alone: it runs once the context is done (a dashboard stopped as its manager context ends)', () => {
    const src = `package p

import "context"

type service struct{}

func (service) Stop(ctx context.Context) error { return ctx.Err() }

type manager struct {
	ctx     context.Context
	service service
}

func newManager(ctx context.Context) *manager { return &manager{ctx: ctx} }

func (m *manager) run() {
	<-m.ctx.Done()
	m.stopService()
}

func (m *manager) stopService() {
	if err := m.service.Stop(context.Background()); err != nil {
		return
	}
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the call cleans up (m.service.Stop)')]);
  });

  it('leaves alone a context.Background() a comment calls independent: a service kept running until asked to stop', () => {
    const src = `package p

import "context"

type service struct{}

func (service) StartAndAwaitRunning(ctx context.Context) error { return ctx.Err() }

func starting(ctx context.Context, lifecycler service) error {
	// Important: we want to keep lifecycler running until we ask it to stop, so we need to give
	// it independent context
	return lifecycler.StartAndAwaitRunning(context.Background())
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('a comment says why context.Background() is used here (// it independent context)')]);
  });
  it('leaves alone a context.Background() a comment calls a clean context (extracted apart from what ctx carries)', () => {
    const src = `package p

import "context"

type propagator interface {
	Extract(ctx context.Context, carrier map[string]string) context.Context
}

func fromCarrier(ctx context.Context, p propagator, carrier map[string]string) context.Context {
	// Extract into a clean context so that a span already in ctx cannot mask an invalid carrier.
	return p.Extract(context.Background(), carrier)
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('a comment says why context.Background() is used here (// Extract into a clean context')]);
  });
  it('leaves alone a context.Background() given to a value accessor (the noop span it gives on purpose)', () => {
    const src = `package p

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

func initTracing(ctx context.Context, traced bool) trace.Span {
	if traced {
		return trace.SpanFromContext(ctx)
	}
	return trace.SpanFromContext(context.Background())
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the call reads only values from its context (trace.SpanFromContext(…))')]);
  });
});

describe('ctx-propagate, refused in the default mode', () => {
  it('leaves TODO() alone in a method only ever started as a goroutine nothing waits for', () => {
    const src = `package p

import "context"

type store struct{}

func (store) save(ctx context.Context, id string) error { return ctx.Err() }

type service struct{ db store }

func (s *service) Handle(ctx context.Context, id string) error {
	go s.recordActivity(ctx, id)
	return nil
}

// Written after Handle has answered: given the request's context, the write would be cancelled.
func (s *service) recordActivity(ctx context.Context, id string) {
	_ = s.db.save(context.TODO(), id)
}
`;
    const out = fixCtxPropagate(src, false);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the function only runs as a goroutine nothing waits for (go s.recordActivity(ctx, id)): it runs on after its callers return, and context.TODO() may be meant to outlive ctx')]);
  });
  it('leaves Background() alone, even when aggressive, in work a singleflight call shares with every caller joining its key', () => {
    const src = `package p

import (
	"context"

	"golang.org/x/sync/singleflight"
)

type client interface {
	Send(ctx context.Context, addr string) (interface{}, error)
}

var sf singleflight.Group

func Collapse(ctx context.Context, c client, key, addr string) (interface{}, error) {
	rsC := sf.DoChan(key, func() (interface{}, error) {
		return c.Send(context.Background(), addr)
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case rs := <-rsC:
		return rs.Val, rs.Err
	}
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the call is in a function literal handed to sf.DoChan(key, …), whose work is shared by every caller that joins the same key')]);
    // Sent by the caller itself, the work is its own: fixed.
    const own = src.replace('rsC := sf.DoChan(key, func() (interface{}, error) {\n\t\treturn c.Send(context.Background(), addr)\n\t})', 'rsC := make(chan singleflight.Result, 1)\n\tv, err := c.Send(context.Background(), addr)\n\trsC <- singleflight.Result{Val: v, Err: err}');
    expect(own).not.toBe(src);
    expect(fix(own).findings.map((f) => f.reason ?? 'fixed')).toEqual(['fixed']);
  });

  it('leaves Background() alone, even when aggressive, given to a clean-up whose name ends with Rollback after the work given ctx failed', () => {
    const src = `package p

import (
	"context"
	"errors"
)

type conn interface {
	TxRollback(ctx context.Context, tx uint64) error
}

func Execute(ctx context.Context, c conn, tx uint64, work func(context.Context) error) error {
	if err := work(ctx); err != nil {
		return errors.Join(err, c.TxRollback(context.Background(), tx))
	}
	return nil
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the call cleans up (c.TxRollback) after work(ctx, …) failed')]);
  });

  it('leaves Background() alone, even when aggressive, given to a Close when the context in scope is a field a Close of the type cancels', () => {
    const src = `package p

import "context"

type DB struct{}

func (db *DB) Close(ctx context.Context) error { return ctx.Err() }

type Store struct {
	dbs    []*DB
	ctx    context.Context
	cancel context.CancelFunc
}

func newStore(ctx context.Context) *Store { return &Store{ctx: ctx} }

func (s *Store) Close() error {
	s.cancel()
	return nil
}

func (s *Store) RegisterDB(db *DB) error {
	if len(s.dbs) > 0 {
		return db.Close(context.Background())
	}
	s.dbs = append(s.dbs, db)
	return nil
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the call cleans up (db.Close), and s.ctx is cancelled when the receiver stops (s.cancel() in Store.Close)')]);
    // Never cancelled by a method of the type, the field is fixed.
    const kept = src.replace('\ts.cancel()\n', '');
    expect(fix(kept).findings.map((f) => f.reason ?? 'fixed')).toEqual(['fixed']);
  });
});
