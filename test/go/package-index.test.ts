import { describe, expect, it } from 'vitest';
import { parseDeclarations } from '../../src/engine/grammar-gaps.js';
import { parseGo } from '../../src/engine/parser.js';
import { declarationAt } from '../../src/go/declarations.js';
import { PackageIndex } from '../../src/go/package-index.js';
import { packageClause } from '../../src/go/package-sources.js';

const siblings = new Map([
  ['/p/server.go', 'package p\n\nimport "context"\n\n// Server serves.\ntype Server struct {\n\tctx  context.Context `json:"{ctx}"` // {\n\tdone chan struct{}\n\tm    map[string]int\n}\n\nfunc broken( {\n'],
  ['/p/types.go', 'package p\n\ntype (\n\tID int\n\tPool struct{ workers []chan int }\n)\n'],
  ['/p/methods.go', 'package p\n\nfunc (s *Server) Close() { close(s.done) }\n\nfunc (p Pool) Size() int { return len(p.workers) }\n'],
]);

function index(): PackageIndex {
  const idx = new PackageIndex(new Map(siblings), (text) => parseGo(text));
  idx.addFile('/p/main.go', parseGo('package p\n\ntype Local struct{ n int }\n\nfunc (l *Local) Get() int { return l.n }\n'));
  return idx;
}

describe('the package index', () => {
  it('reads a sibling type from its declaration alone, even when the rest of that file does not parse', () => {
    const fields = index().fieldsOf('Server');
    expect(fields.map((f) => `${f.name} ${f.type}`)).toEqual(['ctx context.Context', 'done chan struct{}', 'm map[string]int']);
  });

  it('finds types of a grouped declaration in a file where another declaration does not parse', () => {
    const text = 'package p\n\ntype (\n\tQueue struct{ items chan int }\n)\n\nfunc next() *int {\n\treturn new(int(1))\n}\n';
    const idx = new PackageIndex(new Map([['/p/queue.go', text]]), parseDeclarations);
    expect(idx.fieldsOf('Queue').map((f) => `${f.name} ${f.type}`)).toEqual(['items chan int']);
    // Parsed whole, the file has an error and declares nothing.
    expect(new PackageIndex(new Map([['/p/queue.go', text]]), (t) => parseGo(t)).type('Queue')).toBeUndefined();
  });

  it('finds types of a grouped declaration and of the file being processed', () => {
    const idx = index();
    expect(idx.type('Pool')?.kind).toBe('struct');
    expect(idx.underlyingKind('ID')).toBe('basic-number');
    expect(idx.fieldsOf('Local').map((f) => f.name)).toEqual(['n']);
    expect(idx.type('Missing')).toBeUndefined();
  });

  it('finds methods across the package', () => {
    const idx = index();
    expect(idx.methodsWhere('Server', () => true).map((m) => m.name)).toEqual(['Close']);
    expect(idx.methodsWhere('Pool', () => true).map((m) => m.name)).toEqual(['Size']);
    expect(idx.methodsWhere('Local', () => true).map((m) => m.name)).toEqual(['Get']);
    expect(idx.methodsWhere('Server', (text) => text.includes('Lock')).map((m) => m.name)).toEqual([]);
  });

  it('finds one method from its declaration alone: in a sibling, in the file being processed, on a generic type, never on another type', () => {
    const idx = index();
    expect(idx.method('Server', 'Close')?.node.childForFieldName('body')?.text).toBe('{ close(s.done) }');
    expect(idx.method('Local', 'Get')?.file).toBe('/p/main.go');
    expect(idx.method('Pool', 'Close')).toBeUndefined();
    expect(idx.method('Server', 'Size')).toBeUndefined();
    const generic = new PackageIndex(new Map([['/p/set.go', 'package p\n\nfunc (s *Other[Set]) Add() {}\n\nfunc (s *Set[T]) Add(v T) { s.m[v] = true }\n\nfunc broken( {\n']]), (text) => parseGo(text));
    expect(generic.method('Set', 'Add')?.node.text).toContain('s.m[v] = true');
  });

  it('finds functions, and methods of a name whatever their receiver, in siblings and the file being processed', () => {
    const idx = index();
    idx.addFile('/p/extra.go', parseGo('package p\n\nfunc Close() {}\n\nfunc Map[T any](xs []T) []T { return xs }\n\nfunc (Local) Close() { for {} }\n'));
    expect(idx.functionsNamed('Close', true).map((n) => n.childForFieldName('body')?.text)).toEqual(['{ close(s.done) }', '{ for {} }']);
    expect(idx.functionsNamed('Close', false).map((n) => n.text)).toEqual(['func Close() {}']);
    expect(idx.functionsNamed('Map', false)).toHaveLength(1);
    expect(idx.functionsNamed('Size', false)).toEqual([]);
    expect(idx.functionsNamed('broken', false)).toEqual([]);
  });

  it('parses only the functions of a name whose text passes the test given', () => {
    let parses = 0;
    const idx = new PackageIndex(new Map(siblings), (text) => (parses++, parseGo(text)));
    idx.addFile('/p/extra.go', parseGo('package p\n\nfunc (Local) Close() { for {} }\n'));
    const before = parses;
    expect(idx.functionsNamed('Close', true, (text) => /\bfor\b/.test(text)).map((n) => n.childForFieldName('body')?.text)).toEqual(['{ for {} }']);
    expect(parses - before).toBe(1);
    // Both again, without the test: the one parsed already is not parsed twice.
    expect(idx.functionsNamed('Close', true)).toHaveLength(2);
    expect(parses - before).toBe(2);
  });

  it('finds the calls of a name in the package, each in its function parsed alone', () => {
    const idx = new PackageIndex(
      new Map([
        ['/p/a.go', 'package p\n\nfunc (s *S) run() {\n\tselect {\n\tcase <-s.done:\n\t\ts.halt()\n\t}\n}\n\n// halt() in a comment\nfunc (s *S) halt() {}\n'],
        ['/p/b.go', 'package p\n\nfunc stop(s *S) { s.halt(); halting(); s.unhalt() }\n\nvar x = "halt()"\n\nfunc pause(s *S) {\n\ts.halt ()\n}\n'],
      ]),
      (text) => parseGo(text),
    );
    const calls = idx.callsNamed('halt');
    expect(calls.map((c) => c.text)).toEqual(['s.halt()', 's.halt()', 's.halt ()']);
    expect(calls.map((c) => c.parent?.parent?.parent?.type)).toEqual(['communication_case', 'block', 'block']);
    expect(idx.callsNamed('missing')).toEqual([]);
    // Only in functions whose text passes the test given.
    expect(idx.callsNamed('halt', (decl) => decl.startsWith('func pause')).map((c) => c.text)).toEqual(['s.halt ()']);
  });

  it('keeps the calls it found while the package text is the same, and finds them again when a file changes', () => {
    const idx = new PackageIndex(new Map([['/p/a.go', 'package p\n\nfunc a() { halt() }\n']]), (text) => parseGo(text));
    idx.addFile('/p/main.go', parseGo('package p\n\nfunc main() {}\n'));
    expect(idx.callsNamed('halt')).toHaveLength(1);
    const kept = idx.callsNamed('halt');
    idx.addFile('/p/a.go', parseGo('package p\n\nfunc a() { halt() }\n'));
    expect(idx.callsNamed('halt')).toBe(kept);
    idx.release('/p/main.go', 'package p\n\nfunc main() {}\n');
    idx.addFile('/p/main.go', parseGo('package p\n\nfunc main() { halt() }\n'));
    expect(idx.callsNamed('halt').map((c) => c.text)).toEqual(['halt()', 'halt()']);
  });

  it('tests text with a global expression without moving it: a later search still finds every match', () => {
    const idx = new PackageIndex(new Map([['/p/a.go', 'package p\n\nfunc (s *S) run() {\n\tdefer close(s.errc)\n}\n']]), (text) => parseGo(text));
    const close = /close\(s\.errc\)/g;
    expect(idx.anyTextMatches(close)).toBe(true);
    expect(idx.nodesMatching(close)).toHaveLength(1);
  });

  it('forgets a released file until it is asked for again', () => {
    const idx = index();
    expect(idx.type('Local')).toBeDefined();
    idx.release('/p/main.go', 'package p\n\ntype Local struct{ n, m int }\n');
    expect(idx.fieldsOf('Local').map((f) => f.name)).toEqual(['n', 'm']);
  });
});

describe('declarationAt', () => {
  it('ends at the first line break outside brackets, strings, runes and comments', () => {
    const text = 'type T struct {\n\ta string `tag:"}"`\n\tb rune // }\n\t/* } */ c [2]int\n}\nvar x = 1\n';
    expect(declarationAt(text, 0)).toBe(text.slice(0, text.indexOf('\nvar')));
    expect(declarationAt('type U = map[string]struct{ s string }\n', 0)).toBe('type U = map[string]struct{ s string }');
    expect(declarationAt('type V struct {', 0)).toBeUndefined();
  });
});

describe('packageClause', () => {
  it('reads the package name after blanks, line and block comments, a build constraint or a byte-order mark', () => {
    expect(packageClause('package p\n')).toBe('p');
    expect(packageClause('//go:build linux\n\n// Package x does things.\npackage x_y // trailing\n')).toBe('x_y');
    expect(packageClause('/* licence\n package nope\n */\npackage real\n')).toBe('real');
    expect(packageClause('\uFEFFpackage bom\n')).toBe('bom');
    expect(packageClause('// only a comment')).toBeUndefined();
    expect(packageClause('/* unterminated')).toBeUndefined();
    expect(packageClause('func f() {}\npackage late\n')).toBeUndefined();
  });
});
