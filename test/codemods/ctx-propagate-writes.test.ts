import { describe, expect, it } from 'vitest';
import { fixCtxPropagate } from '../support/ctx-propagate.js';

// context.Background() given to a write left alone even with --aggressive: a record, a publish or a
// commit that must finish whatever becomes of the context in scope.
const fix = (src: string) => fixCtxPropagate(src);

describe('ctx-propagate --aggressive, writes refused', () => {
  it('leaves a server-side copy alone: a write meant to outlive the request that served the blob', () => {
    const src = `package p

import "context"

type core struct{}

func (core) ComposeObject(ctx context.Context, dst, src string) error { return ctx.Err() }
func (core) GetObject(ctx context.Context, key string) error           { return ctx.Err() }

func touch(ctx context.Context, c core, key string) error {
	if err := c.GetObject(context.Background(), key); err != nil {
		return err
	}
	return c.ComposeObject(context.Background(), key, key)
}
`;
    const out = fix(src);
    // The read before it too: given ctx, a cancel would fail the read and skip the copy.
    expect(out.findings.map((f) => f.reason ?? 'fixed')).toEqual([
      expect.stringContaining('a later write of the function is given context.Background() though ctx is there (c.ComposeObject(…), line 14), and this call\'s failure keeps it from running'),
      expect.stringContaining('context.Background() is given to a write (c.ComposeObject(…))'),
    ]);
    expect(out.fixed).toBe(src);
  });

  it('leaves alone the parent of a group the function stops itself, and a publish after the work (a mixing client finishing its mixes)', () => {
    const src = `package p

import "context"

type group struct{}

func (group) Go(f func() error) {}
func (group) Wait() error      { return nil }

type groupMaker struct{}

func (groupMaker) WithContext(ctx context.Context) (group, context.Context) { return group{}, ctx }

var errgroup groupMaker

type wallet struct{}

func (wallet) PublishTransaction(ctx context.Context, tx string) error { return ctx.Err() }

func run(ctx context.Context, w wallet, stop func(), tx string) error {
	g, gctx := errgroup.WithContext(context.Background())
	g.Go(func() error {
		<-ctx.Done()
		stop()
		return nil
	})
	_ = gctx
	if err := g.Wait(); err != nil {
		return err
	}
	return w.PublishTransaction(context.Background(), tx)
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([
      expect.stringContaining('context.Background() is the parent of errgroup.WithContext()'),
      expect.stringContaining('context.Background() is given to a write (w.PublishTransaction(…))'),
    ]);
  });

  it('leaves alone a message posted with context.Background(): the answer goes out whatever becomes of the request', () => {
    const src = `package p

import "context"

type api struct{}

func (api) PostMessageContext(ctx context.Context, channel, text string) error { return ctx.Err() }

func (api) Notify(ctx context.Context, to string) error { return ctx.Err() }

func answer(ctx context.Context, a api, channel string) error {
	if err := a.PostMessageContext(context.Background(), channel, "report"); err != nil {
		return err
	}
	return a.Notify(context.Background(), "ops@example.com")
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([
      expect.stringContaining('context.Background() is given to a write (a.PostMessageContext(…))'),
      expect.stringContaining('an earlier write of the function is given context.Background() though ctx is there (a.PostMessageContext(…))'),
    ]);
  });

  it('leaves alone a call after an earlier write the function gave context.Background(): the sequence is cut loose on purpose', () => {
    const src = `package p

import "context"

type box struct{}

func (box) Write(ctx context.Context, msg string) error { return ctx.Err() }

func queueHook(ctx context.Context, id string) error { return ctx.Err() }

func accept(ctx context.Context, b box, msg string) error {
	if err := b.Write(context.Background(), msg); err != nil {
		return err
	}
	return queueHook(context.Background(), msg)
}
`;
    const out = fix(src);
    expect(out.fixed).toBe(src);
    expect(out.findings.map((f) => f.reason)).toEqual([
      expect.stringContaining('context.Background() is given to a write (b.Write(…))'),
      expect.stringContaining('an earlier write of the function is given context.Background() though ctx is there (b.Write(…))'),
    ]);
  });

  it('leaves Background() alone in a function named for publishing or queueing, whatever its calls are named (a task stored as pending, then queued)', () => {
    const src = `package p

import "context"

type redis interface {
	RPush(ctx context.Context, key string, v []byte) error
}

type broker struct{ rclient redis }

// The task is stored as pending before: a publish cut short by the caller's context loses it.
func (b *broker) Publish(ctx context.Context, queue string, msg []byte) error {
	return b.rclient.RPush(context.Background(), queue, msg)
}

func (b *broker) Fetch(ctx context.Context, queue string, msg []byte) error {
	return b.rclient.RPush(context.Background(), queue, msg)
}
`;
    const out = fix(src);
    expect(out.findings.map((f) => f.reason ?? 'fixed')).toEqual([expect.stringContaining('is given to a write (b.rclient.RPush(…), in Publish)'), 'fixed']);
    expect(out.fixed).toBe(src.replace('func (b *broker) Fetch(ctx context.Context, queue string, msg []byte) error {\n\treturn b.rclient.RPush(context.Background()', 'func (b *broker) Fetch(ctx context.Context, queue string, msg []byte) error {\n\treturn b.rclient.RPush(ctx'));
  });

  it('counts a state set, a revocation or an acknowledgement as a write, when aggressive: it must finish once the context is done', () => {
    const src = `package p

import "context"

type store interface {
	Get(ctx context.Context, id string) (string, error)
	JobSetStateIfRunning(ctx context.Context, id, state string) error
	RevokeRefreshToken(ctx context.Context, id string) error
	AckSync(ctx context.Context) error
}

func Complete(ctx context.Context, s store, id string) error {
	if _, err := s.Get(context.Background(), id); err != nil {
		return err
	}
	return s.JobSetStateIfRunning(context.Background(), id, "cancelled")
}

func Revoke(ctx context.Context, s store, id string) error {
	return s.RevokeRefreshToken(context.Background(), id)
}

func Done(ctx context.Context, s store) error {
	return s.AckSync(context.Background())
}
`;
    const out = fix(src);
    expect(out.findings.map((f) => f.reason ?? 'fixed')).toEqual([
      expect.stringContaining('a later write of the function is given context.Background() though ctx is there (s.JobSetStateIfRunning(…), line 16)'),
      expect.stringContaining('context.Background() is given to a write (s.JobSetStateIfRunning(…))'),
      // A revocation takes back what was granted: a clean-up by name too, which is found first.
      expect.stringContaining('the call cleans up (s.RevokeRefreshToken)'),
      expect.stringContaining('context.Background() is given to a write (s.AckSync(…))'),
    ]);
  });

  it('leaves Background() alone, even when aggressive, given to a statement run that writes (an INSERT, UPDATE, DELETE…), literal or a constant', () => {
    const src = `package p

import "context"

type client interface {
	CurrentState(ctx context.Context) error
	SQLExec(ctx context.Context, sql string, params map[string]interface{}) (uint64, error)
}

const auditInsert = "INSERT INTO login_audit(username, ts) VALUES (@user, NOW())"

func HandleStartup(ctx context.Context, c client, user string) error {
	c.CurrentState(context.Background())
	if _, err := c.SQLExec(context.Background(), "  delete from sessions where username = @user", nil); err != nil {
		return err
	}
	_, err := c.SQLExec(context.Background(), auditInsert, map[string]interface{}{"user": user})
	return err
}
`;
    const out = fix(src);
    expect(out.findings.map((f) => f.reason ?? 'fixed')).toEqual([
      'fixed',
      expect.stringContaining('context.Background() is given to a write (c.SQLExec(…), running a DELETE)'),
      expect.stringContaining('context.Background() is given to a write (c.SQLExec(…), running an INSERT)'),
    ]);
    // A statement that reads writes nothing: fixed.
    const reads = src.replace('"  delete from sessions where username = @user"', '"SELECT 1"').replace('"INSERT INTO login_audit(username, ts) VALUES (@user, NOW())"', '"SELECT username FROM login_audit"');
    expect(fix(reads).findings.map((f) => f.reason ?? 'fixed')).toEqual(['fixed', 'fixed', 'fixed']);
  });

  it('leaves alone a hand-off to a dead-letter sink: messages kept for auditing whatever becomes of the request', () => {
    const src = `package p

import "context"

type teller interface {
	Tell(ctx context.Context, msg string)
}

type router struct {
	dlo     teller
	workers []teller
	audit   teller
}

func (r *router) Tell(ctx context.Context, msg string) {
	if len(r.workers) == 0 {
		r.dlo.Tell(context.Background(), msg)
		return
	}
	r.workers[0].Tell(context.Background(), msg)
}
`;
    const out = fix(src);
    expect(out.findings.map((f) => f.reason ?? 'fixed')).toEqual([expect.stringContaining('context.Background() is given to a write (r.dlo.Tell(…), a dead-letter sink)'), 'fixed']);
  });
});
