import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import { mayHaveGoFuncLiteral, mayHaveGoStatement, mayHaveMethod, mayHaveSend, mayMakeChannel } from '../../src/go/text-signals.js';
import { FIXTURES } from '../support/paths.js';

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
];

describe('text signals', () => {
  it('never say no where the tree holds the construct (fixture corpus and odd layouts)', () => {
    let checked = 0;
    for (const text of [...corpus(), ...ODD]) {
      const root = parseGo(text).rootNode;
      if (root.hasError) continue;
      const has = (type: string) => root.descendantsOfType(type).length > 0;
      if (has('send_statement')) expect(mayHaveSend(text), text).toBe(true);
      if (has('go_statement')) expect(mayHaveGoStatement(text), text).toBe(true);
      if (root.descendantsOfType('go_statement').some((g) => g.namedChild(0)?.childForFieldName('function')?.type === 'func_literal')) {
        expect(mayHaveGoFuncLiteral(text), text).toBe(true);
      }
      if (has('method_declaration')) expect(mayHaveMethod(text), text).toBe(true);
      if (root.descendantsOfType('call_expression').some((c) => c.childForFieldName('function')?.text === 'make' && c.childForFieldName('arguments')?.namedChild(0)?.type === 'channel_type')) {
        expect(mayMakeChannel(text), text).toBe(true);
      }
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
