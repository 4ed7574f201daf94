import { describe, expect, it } from 'vitest';
import { parseGo } from '../../src/engine/parser.js';
import { callsHanding, parametersGiven } from '../../src/go/called-functions.js';
import { PackageIndex } from '../../src/go/package-index.js';
import { paramsOf, positionalParams } from '../../src/go/scope.js';

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
