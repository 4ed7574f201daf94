import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import { callsByText, callsOf, codeWords, goStatements, identifiersNamed, nodesByToken, sendStatements } from '../../src/go/find-by-text.js';

const SRC = `package p

// go f() and ch <- 1 in a comment; "wg.Done()" in a string
func f(ch chan int, wg *sync.WaitGroup, s *S) {
	defer wg.Done()
	go   g(ch)
	ch <- 1
	select {
	case ch <- 2:
	}
	x := <-ch
	s.ch <- x
	s.wg.Done ()
	mywg.Done()
	close(ch)
	s.close(ch)
	é := ch
	_ = é
}
`;

describe('finding nodes through the text', () => {
  const root = parseGo(SRC).rootNode;

  it('finds statements by their token, never in comments or strings', () => {
    expect(goStatements(root, SRC).map((n) => n.text)).toEqual(['go   g(ch)']);
    expect(sendStatements(root, SRC).map((n) => n.text)).toEqual(['ch <- 1', 'ch <- 2', 's.ch <- x']);
    expect(nodesByToken(root, SRC, 'defer', 'defer_statement').map((n) => n.text)).toEqual(['defer wg.Done()']);
  });

  it('finds calls by the end of their callee, with space before the arguments, and exact callees', () => {
    expect(callsByText(root, SRC, '.Done', (c) => c.endsWith('.Done')).map((n) => n.text)).toEqual(['wg.Done()', 's.wg.Done ()', 'mywg.Done()']);
    expect(callsOf(root, SRC, 'wg.Done').map((n) => n.text)).toEqual(['wg.Done()']);
    expect(callsOf(root, SRC, 'close').map((n) => n.text)).toEqual(['close(ch)']);
  });

  it('narrows to a range of the scope', () => {
    const from = SRC.indexOf('select');
    expect(sendStatements(root, SRC, from).map((n) => n.text)).toEqual(['ch <- 2', 's.ch <- x']);
  });

  it('finds identifiers, not field names or parts of longer names, non-ASCII ones included', () => {
    expect(identifiersNamed(root, SRC, 'ch').length).toBe(8);
    expect(identifiersNamed(root, SRC, 'wg').map((n) => n.parent?.type)).toEqual(['parameter_declaration', 'selector_expression']);
    expect(identifiersNamed(root, SRC, 'é').length).toBe(2);
  });

  it('collects the words of code without comments and strings', () => {
    const words = codeWords(SRC);
    expect(words.has('mywg')).toBe(true);
    expect(words.has('comment')).toBe(false);
    expect(words.has('Done')).toBe(true);
  });
});
