import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tickerStop } from '../../codemods/ticker-stop/index.js';
import { timeAfterInLoop } from '../../codemods/time-after-in-loop/index.js';
import { parseGoMod } from '../../src/engine/go-module.js';
import { parseGoWork } from '../../src/engine/go-work.js';
import { timersCollected } from '../../src/engine/godebug.js';
import { PackageIndexCache } from '../../src/engine/package-cache.js';
import { processPath } from '../../src/engine/process-path.js';
import { describeWithGo, go } from '../support/go-toolchain.js';
import { tempTree } from '../support/temp-tree.js';

const POLL = (pkg: string) => `package ${pkg}

import "time"

func Poll(stop chan struct{}, in chan int) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-t.C:
		case <-in:
		case <-time.After(time.Minute):
			return
		case <-stop:
			return
		}
	}
}
`;

const mod = (name: string, lines: string) => `module example.com/${name}\n\ngo ${lines}\n`;

/** What the two timer codemods report in the file `file` of the tree. */
function reported(root: string, file: string): string[] {
  const res = processPath(join(root, file), file, { root, codemods: [tickerStop, timeAfterInLoop], mode: 'scan' }, new PackageIndexCache());
  expect(res.status).toBe('ok');
  return res.findings.map((f) => `${f.codemod}:${f.line}${f.fix ? '' : ' (no fix)'}`);
}

const BOTH = ['ticker-stop:6', 'time-after-in-loop:11'];

describe('asynctimerchan: the old timers of Go before 1.23', () => {
  it('a go 1.23 module gets no timer findings; with godebug asynctimerchan=1 (line or block) it gets those below 1.23', () => {
    const root = tempTree({
      'new/go.mod': mod('new', '1.23'),
      'new/p.go': POLL('p'),
      'line/go.mod': mod('line', '1.23\n\ngodebug asynctimerchan=1'),
      'line/p.go': POLL('p'),
      'block/go.mod': mod('block', '1.24\n\ngodebug (\n\tpanicnil=1\n\tasynctimerchan=1 // old timers\n)'),
      'block/p.go': POLL('p'),
      'off/go.mod': mod('off', '1.23\n\n// godebug asynctimerchan=1'),
      'off/p.go': POLL('p'),
    });
    expect(reported(root, 'new/p.go')).toEqual([]);
    expect(reported(root, 'off/p.go')).toEqual([]);
    expect(reported(root, 'line/p.go')).toEqual(BOTH);
    expect(reported(root, 'block/p.go')).toEqual(BOTH);
  });

  it('asynctimerchan=0 below go 1.23 turns the new timers on (a Go 1.23 toolchain or later builds it): nothing to report', () => {
    const root = tempTree({ 'old/go.mod': mod('old', '1.22'), 'old/p.go': POLL('p'), 'on/go.mod': mod('on', '1.22\ngodebug asynctimerchan=0'), 'on/p.go': POLL('p') });
    expect(reported(root, 'old/p.go')).toEqual(BOTH);
    expect(reported(root, 'on/p.go')).toEqual([]);
  });

  it('a go.work listing the module with asynctimerchan=1 brings the old timers back in workspace mode', () => {
    const root = tempTree({
      'go.work': 'go 1.23\n\nuse (\n\t./m\n)\n\ngodebug asynctimerchan=1\n',
      'm/go.mod': mod('m', '1.23'),
      'm/p.go': POLL('p'),
      'other/go.mod': mod('other', '1.23'),
      'other/p.go': POLL('p'),
    });
    expect(reported(root, 'm/p.go')).toEqual(BOTH);
    // Not one of the workspace's modules: built in module mode only.
    expect(reported(root, 'other/p.go')).toEqual([]);
  });

  it('//go:debug asynctimerchan=1 in a file of package main applies to every file of that package, not to others', () => {
    const root = tempTree({
      'go.mod': mod('d', '1.23'),
      'main.go': '//go:debug asynctimerchan=1\n\npackage main\n\nfunc main() { Poll(nil, nil) }\n',
      'poll.go': POLL('main'),
      'lib/p.go': POLL('lib'),
      'cmd/x/main.go': '// Not a directive: after the package clause.\npackage main\n\n//go:debug asynctimerchan=1\n\nfunc main() {}\n',
      'cmd/x/poll.go': POLL('main'),
    });
    expect(reported(root, 'poll.go')).toEqual(BOTH);
    expect(reported(root, 'lib/p.go')).toEqual([]);
    expect(reported(root, 'cmd/x/poll.go')).toEqual([]);
  });

  it('reads godebug lines of go.mod and go.work', () => {
    expect(parseGoMod('module m\n\ngo 1.23\n\ngodebug asynctimerchan=1\ngodebug (\n\tpanicnil=1 // comment\n)\n', '/m').godebug).toEqual({ asynctimerchan: '1', panicnil: '1' });
    expect(parseGoMod('module m\n\ngo 1.23\n', '/m').godebug).toEqual({});
    expect(parseGoWork('go 1.23\n\nuse ./a\nuse (\n\t./b\n\t"./c"\n)\ngodebug asynctimerchan=1\n', '/go.work')).toEqual({ file: '/go.work', use: ['./a', './b', './c'], godebug: { asynctimerchan: '1' } });
    expect(timersCollected('1.23', [{}, { asynctimerchan: '1' }])).toBe(false);
    expect(timersCollected(undefined, undefined)).toBe(true);
    expect(timersCollected('1.21', [{ asynctimerchan: '0' }])).toBe(true);
  });
});

/** Heap kept after a GC by 100k tickers made and dropped unstopped: about 25 MB while they are uncollected. */
const LEAK = `package main

import (
	"fmt"
	"runtime"
	"time"
)

func leak() { _ = time.NewTicker(time.Hour) }

func main() {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range 100000 {
		leak()
	}
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Println((int64(after.HeapAlloc) - int64(before.HeapAlloc)) >> 20)
}
`;

describeWithGo('asynctimerchan checked with Go: is an unstopped ticker collected?', () => {
  it('collected at go 1.23 and with asynctimerchan=0 at go 1.22; kept with asynctimerchan=1 and at go 1.22', () => {
    const dir = tempTree({ 'main.go': LEAK });
    const keptMB = (goMod: string) => {
      writeFileSync(join(dir, 'go.mod'), `module example.com/leak\n\n${goMod}\n`);
      const res = go(['run', '.'], dir, { GOTOOLCHAIN: 'local' });
      expect(res.status, res.output).toBe(0);
      return Number(res.stdout.trim());
    };
    expect(keptMB('go 1.23')).toBeLessThan(5);
    expect(keptMB('go 1.23\n\ngodebug asynctimerchan=1')).toBeGreaterThan(10);
    expect(keptMB('go 1.22')).toBeGreaterThan(10);
    expect(keptMB('go 1.22\n\ngodebug asynctimerchan=0')).toBeLessThan(5);
  }, 120_000);
});
