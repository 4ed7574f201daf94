import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import { identifiersNamed } from '../../src/go/find-by-text.js';
import { declarationOf, declaredTypeName, testingParameter, usesVariable } from '../../src/go/scope.js';

const SRC = `package p

func f(q *Queue) {
	for req, ok := q.Pop(); ok; req, ok = q.Pop() {
		req.reply <- nil
	}
	if v, err := q.Peek(); err == nil {
		use(v)
	}
	use(req)
}
`;

describe('declarationOf', () => {
  const tree = parseGo(SRC);
  const uses = (name: string) => identifiersNamed(tree.rootNode, SRC, name);

  it('finds the variables a three-clause for declares in its body', () => {
    const inBody = uses('req').find((id) => id.parent?.parent?.type === 'send_statement')!;
    const found = declarationOf('req', inBody);
    expect(found && 'local' in found && found.local.decl.text).toBe('req, ok := q.Pop()');
  });

  it("finds an if's initializer in its branches, and neither outside them", () => {
    const inBranch = uses('v').at(-1)!;
    const found = declarationOf('v', inBranch);
    expect(found && 'local' in found && found.local.decl.text).toBe('v, err := q.Peek()');
    expect(declarationOf('req', uses('req').at(-1)!)).toBeUndefined();
  });
});

describe('usesVariable', () => {
  const src = `package p

func f(get func() (any, error)) {
	xs := read()
	g := func() {
		xs, _ := get()
		use(xs)
	}
	if true {
		xs := 1
		use(xs)
	}
	xs, err := get()
	h := func() { use(xs) }
}
`;
  const tree = parseGo(src);
  const body = tree.rootNode.descendantsOfType('block')[0].namedChildren[0];
  const [decl, g, inner, again, h] = body.namedChildren;

  it("tells a closure's or an inner block's own declaration from the variable", () => {
    expect(usesVariable(g, 'xs', decl)).toBe(false);
    expect(usesVariable(inner, 'xs', decl)).toBe(false);
  });

  it('counts a redeclaration in the same block and a closure reading it', () => {
    expect(usesVariable(again, 'xs', decl)).toBe(true);
    expect(usesVariable(h, 'xs', decl)).toBe(true);
  });
});

describe('declaredTypeName', () => {
  const src = `package p

type S struct{ errCh chan error }

func (s *S) run(req *ackRequest, n int) {
	op := &endTxnOp{}
	var t txn
	v := T{}
	x := make(chan int)
	use(s, req, op, t, v, x, n)
}
`;
  const tree = parseGo(src);
  const at = (name: string) => identifiersNamed(tree.rootNode, src, name).at(-1)!;

  it('reads the named type of a parameter, a receiver, a var and a composite literal, and nothing else', () => {
    expect(['s', 'req', 'op', 't', 'v', 'x', 'n'].map((name) => declaredTypeName(name, at(name)) ?? '-')).toEqual(['S', 'ackRequest', 'endTxnOp', 'txn', 'T', '-', 'int']);
  });
});

describe('testingParameter', () => {
  const src = `package p

import "testing"

func TestX(t *testing.T) {}
func helper(tb testing.TB, n int) {}
func BenchmarkY(b *testing.B) {}
func plain(t *T) {}
`;
  const tree = parseGo(src);
  const fns = tree.rootNode.namedChildren.filter((n) => n.type === 'function_declaration');

  it('names the parameter that makes a test, a benchmark or a helper', () => {
    expect(fns.map((fn) => testingParameter(fn) ?? '-')).toEqual(['t *testing.T', 'tb testing.TB', 'b *testing.B', '-']);
  });
});
