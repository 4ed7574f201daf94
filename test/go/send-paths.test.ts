import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import { mostSends, mostSendsPerIteration } from '../../src/go/send-paths.js';

const SRC = `package p

func f(names []string, cached map[string]error, ch chan error) {
	for _, n := range names {
		if err, ok := cached[n]; ok {
			ch <- err
			continue
		}
		go func() { ch <- nil }()
	}
	for _, n := range names {
		if _, ok := cached[n]; ok {
			ch <- nil
		}
		go func() { ch <- nil }()
	}
}
`;

describe('mostSendsPerIteration', () => {
  const tree = parseGo(SRC);
  const [fast, twice] = tree.rootNode.descendantsOfType('for_statement').map((l) => l.childForFieldName('body')!);

  it('ends a path at continue and adds what each goroutine started sends', () => {
    expect(mostSendsPerIteration(fast, 'ch')).toBe(1);
    expect(mostSendsPerIteration(twice, 'ch')).toBe(2);
  });

  it('leaves mostSends counting a goroutine as any number of sends', () => {
    expect(mostSends(fast, 'ch')).toBe(Infinity);
  });
});
