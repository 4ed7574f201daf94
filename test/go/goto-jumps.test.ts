import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import { jumpedOverBy } from '../../src/go/goto-jumps.js';

const SRC = `package p

func f(skip bool) {
	if skip {
		goto finally
	}
	for i := 0; i < 3; i++ {
		work(i)
	}
again:
	if retry() {
		goto again
	}
finally:
	println()
}
`;

/** An edit inserting `text` at the start of the line holding `marker`. */
function insertAt(marker: string, text: string) {
  const start = SRC.lastIndexOf('\n', SRC.indexOf(marker)) + 1;
  return [{ start, end: start, text }];
}

describe('a declaration a goto would jump over', () => {
  const tree = parseGo(SRC);

  it('is found between a goto and its label, in the label’s block', () => {
    expect(jumpedOverBy(insertAt('for i :=', '\tsem := make(chan struct{}, 4)\n'), tree)).toMatch(/goto finally \(line 5\) would jump over/);
    expect(jumpedOverBy(insertAt('for i :=', '\tvar sem chan struct{}\n'), tree)).toMatch(/goto finally/);
  });

  it('is not found for a statement that declares nothing, a backward jump, or another block', () => {
    expect(jumpedOverBy(insertAt('for i :=', '\tprintln("start")\n'), tree)).toBeUndefined();
    // After every forward goto: only `goto again` jumps back past it, which Go allows.
    expect(jumpedOverBy(insertAt('println()', '\tx := 1\n\t_ = x\n'), tree)).toBeUndefined();
    // Inside the loop's body: the variable's scope ends before the label.
    expect(jumpedOverBy(insertAt('work(i)', '\t\tx := i\n\t\t_ = x\n'), tree)).toBeUndefined();
  });
});
