import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import { identifiersNamed } from '../../src/go/find-by-text.js';
import { declarationOf } from '../../src/go/scope.js';

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
