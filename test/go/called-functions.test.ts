import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import { callsHanding, everyCalledBody, parametersGiven } from '../../src/go/called-functions.js';
import { PackageIndex } from '../../src/go/package-index.js';
import { receiverInText } from '../../src/go/receiver-types.js';
import { paramsOf, positionalParams } from '../../src/go/scope.js';
import type { Node } from '../../src/go/syntax.js';

const SRC = `package p

func serve(_, n int, ch chan int, out chan int, rest ...chan int) {}

func unnamed(int, chan int) {}

func main() {
	serve(1, 2, results, sink, a, b)
	unnamed(3, results)
}
`;

describe('parameters by position', () => {
  const index = new PackageIndex(new Map([['/p/serve.go', SRC]]), (text) => parseGo(text));
  const call = index.callsNamed('serve')[0];
  const serve = index.functionsNamed('serve', false)[0];

  it('keeps a place for `_`, unnamed and variadic parameters', () => {
    expect(positionalParams(serve)).toEqual(['_', 'n', 'ch', 'out', '']);
    expect(positionalParams(index.functionsNamed('unnamed', false)[0])).toEqual(['', '']);
  });

  it('hands each argument to the parameter in its place, after a `_`', () => {
    expect(parametersGiven(call, 'results', index).map((g) => g.param)).toEqual(['ch']);
    expect(parametersGiven(call, 'sink', index).map((g) => g.param)).toEqual(['out']);
    expect(parametersGiven(call, '1', index)).toEqual([]);
    expect(parametersGiven(call, 'a', index)).toEqual([]);
    expect(parametersGiven(index.callsNamed('unnamed')[0], 'results', index)).toEqual([]);
  });

  it("finds each call's argument for a parameter by its place", () => {
    const out = paramsOf(serve).find((p) => p.name === 'out')!;
    expect(callsHanding(out, index)?.calls.map((c) => c.arg?.text)).toEqual(['sink']);
  });
});

const CONN = `package p

import "net"

type Broker struct{ conn net.Conn }

func (b *Broker) Open() { b.conn.Close() }

func serve(c net.Conn) { c.Close() }

// A producer: Close, but none of a connection's other methods.
type producer struct{ errors chan error }

func (p *producer) Close() { for range p.errors {} }

// A connection of the package's own, and one wrapping another.
type pipeConn struct{ ch chan []byte }

func (p *pipeConn) Read(b []byte) (int, error)  { <-p.ch; return 0, nil }
func (p *pipeConn) Write(b []byte) (int, error) { return 0, nil }
func (p *pipeConn) Close() error                { for range p.ch {}; return nil }
func (p *pipeConn) LocalAddr() net.Addr         { return nil }
func (p *pipeConn) RemoteAddr() net.Addr        { return nil }
func (p *pipeConn) SetDeadline(t time.Time) error      { return nil }
func (p *pipeConn) SetReadDeadline(t time.Time) error  { return nil }
func (p *pipeConn) SetWriteDeadline(t time.Time) error { return nil }

type wrapped struct{ net.Conn }

func (w wrapped) Close() error { for {} }

func main() {
	b := &Broker{}
	go b.Open()
	var c net.Conn
	go serve(c)
	go c.Close()
}
`;

describe('calls on a standard interface', () => {
  const index = new PackageIndex(new Map([['/p/conn.go', CONN]]), (text) => parseGo(text));
  const goCalls = (name: string) => index.callsNamed(name).filter((c) => c.parent?.type === 'go_statement').map((c) => c.childForFieldName('function')!);
  const owner = (body: Node) => receiverInText(body.parent!.text)?.type ?? body.parent!.childForFieldName('name')!.text;
  const receivers = (name: string) => everyCalledBody(goCalls(name), index).map((b) => owner(b.body));

  it("follows a net.Conn's Close only to the package's types that have all of a connection's methods, or may promote them", () => {
    expect(receivers('Open')).toEqual(['Broker', 'pipeConn', 'wrapped']);
    expect(receivers('serve')).toEqual(['serve', 'pipeConn', 'wrapped']);
    expect(receivers('Close')).toEqual(['pipeConn', 'wrapped']);
  });
});

const STARTS = `package p

type jobs struct{ queue []func() }

func (j *jobs) submit(f func()) {
	j.queue = append(j.queue, f)
	go j.worker()
	go func() {
		j.drain()
	}()
	j.count()
}

func (j *jobs) worker() { for {} }

func (j *jobs) drain() { for {} }

func (j *jobs) count() int { return len(j.queue) }

func run(j *jobs) {
	j.submit(nil)
}
`;

describe('calls followed from a goroutine', () => {
  const index = new PackageIndex(new Map([['/p/jobs.go', STARTS]]), (text) => parseGo(text));
  const call = index.callsNamed('submit')[0];

  it('leaves out what a followed function starts on goroutines of its own', () => {
    const names = everyCalledBody([call.childForFieldName('function')!], index).map(({ body }) => body.parent!.childForFieldName('name')!.text);
    expect(names).toContain('submit');
    expect(names).toContain('count');
    expect(names).not.toContain('worker');
    expect(names).not.toContain('drain');
  });
});
