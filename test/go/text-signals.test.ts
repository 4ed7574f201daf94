import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import { mayHaveGoFuncLiteral, mayHaveGoStatement, mayHaveMethod, mayHaveSend, mayMakeChannel } from '../../src/go/text-signals.js';
import { FIXTURES } from '../support/paths.js';
import type { Node } from '../../src/go/syntax.js';

/** Every Go file under fixtures/ (cases, hazards, the demo). */
function corpus(dir = FIXTURES, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) corpus(join(dir, e.name), out);
    else if (e.name.endsWith('.go')) out.push(readFileSync(join(dir, e.name), 'utf8'));
  }
  return out;
}

/** Odd but valid layouts a prefilter must not miss. */
const ODD = [
  'package p\n\nfunc f(ch chan int) { ch <- 1 }\n',
  'package p\n\nfunc f(ch []chan int) {\n\tch[0]<-1\n\tgo   g()\n}\n\nfunc g() {}\n',
  'package p\n\nfunc f(ch chan int) { defer func() { go g() }(); x := func() chan int { return ch }; x() <- 2 }\n\nfunc g() {}\n',
  'package p\n\nfunc f(m map[string]chan int) {\nL:\n\tgo func() {}()\n\tm["k"] <- 1; goto L\n}\n',
  'package p\n\ntype T struct{ c chan struct{} }\n\n/* x */ func (t T) f() { t.c <- struct{}{} }\n',
  'package p\n\ntype T int; func (T) M() {}\n',
  'package p\n\nfunc f(ch chan chan int) { ch <- make( chan int) }\n',
  'package p\n\nfunc f(ch chan int, ok bool) {\n\tswitch {\n\tcase ok: go f(ch, ok)\n\t}\n}\n',
  'package p\n\nfunc f(é chan int) {\n\té <- 1\n}\n',
  'package p\n\nfunc f() {\n\tgo\tøg()\n}\n\nfunc øg() {}\n',
  'package p\n\nvar f = func(ch chan int) { select { case ch <- 1: default: } }\n',
];

/** The declaration at the top level of the file holding a node. */
function topLevel(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== 'source_file') n = n.parent;
  return n;
}

describe('text signals', () => {
  it('never say no where the tree holds the construct, in the whole file and in the top-level declaration holding it (they are also triggers)', () => {
    let checked = 0;
    for (const text of [...corpus(), ...ODD]) {
      const root = parseGo(text).rootNode;
      if (root.hasError) continue;
      /** The file's text and the text of each top-level declaration holding one of the nodes. */
      const texts = (nodes: Node[]) => (nodes.length === 0 ? [] : [text, ...nodes.map((n) => topLevel(n)).map((d) => text.slice(d.startIndex, d.endIndex))]);
      const calls = root.descendantsOfType('call_expression');
      const goStatements = root.descendantsOfType('go_statement');
      for (const t of texts(root.descendantsOfType('send_statement'))) expect(mayHaveSend(t), t).toBe(true);
      for (const t of texts(goStatements)) expect(mayHaveGoStatement(t), t).toBe(true);
      for (const t of texts(goStatements.filter((g) => g.namedChild(0)?.childForFieldName('function')?.type === 'func_literal'))) expect(mayHaveGoFuncLiteral(t), t).toBe(true);
      if (root.descendantsOfType('method_declaration').length > 0) expect(mayHaveMethod(text), text).toBe(true);
      const makes = calls.filter((c) => c.childForFieldName('function')?.text === 'make' && c.childForFieldName('arguments')?.namedChild(0)?.type === 'channel_type');
      for (const t of texts(makes)) expect(mayMakeChannel(t), t).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('say no to receives, channel types and words in prose', () => {
    const receivesOnly = [
      'x := <-ch',
      'case <-ctx.Done():',
      'return <-ch',
      'func Done() <-chan struct{}',
      'var c chan<- int',
      'v, ok = <-results',
      'f(<-ch)',
      'if <-ready {',
    ];
    for (const line of receivesOnly) expect(mayHaveSend(`package p\n\nfunc f() {\n\t${line}\n}\n`), line).toBe(false);
    expect(mayHaveGoStatement('package p\n\n// Let us go ahead.\nvar s = "go on"\n')).toBe(false);
    expect(mayHaveGoFuncLiteral('package p\n\nfunc f() { go g() }\n')).toBe(false);
    expect(mayHaveMethod('package p\n\nfunc f() { _ = func(x int) {} }\n')).toBe(false);
  });
});
