import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithGo } from './support/go-toolchain.js';
import { REPO } from './support/paths.js';
import { tempTree } from './support/temp-tree.js';

/** `npm run trial` on a small module: its verdict, and the copy of the module left as it was. */
function trial(files: Record<string, string>, extra: string[] = []): { status: number | null; stdout: string; dir: string } {
  const dir = tempTree({ 'go.mod': 'module example.com/trial\n\ngo 1.22\n', ...files });
  const res = spawnSync(process.execPath, [join(REPO, 'test', 'trial', 'run-trial.mjs'), dir, '--timeout', '5s', '--reruns', '1', ...extra], { encoding: 'utf8' });
  return { status: res.status, stdout: res.stdout, dir };
}

const FANOUT = `package trial

import "sync"

// Fanout runs f for each item, each in a goroutine, and waits for them.
func Fanout(items []int, f func(int)) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(it)
		}()
	}
	wg.Wait()
}
`;

describeWithGo('npm run trial', () => {
  it('passes a rewrite the project tests still pass, and leaves the given directory alone', () => {
    // Not gofmt-clean before the rewrite (two blank lines): not the rewrite's doing.
    const unformatted = FANOUT.replace('\n\n// Fanout', '\n\n\n// Fanout');
    const test = `package trial

import (
	"sync/atomic"
	"testing"
)

func TestFanoutCallsEach(t *testing.T) {
	var n atomic.Int64
	Fanout(make([]int, 50), func(int) { n.Add(1) })
	if n.Load() != 50 {
		t.Fatalf("called %d times, want 50", n.Load())
	}
}
`;
    const res = trial({ 'fanout.go': unformatted, 'fanout_test.go': test });
    expect(res.stdout).toContain('goconc fix --write: 1 fixes applied in 1 files');
    expect(res.stdout).toContain('go test after:  1 tests passed, 0 failed');
    expect(res.stdout).not.toContain('gofmt');
    expect(res.stdout).toContain('trial: passed');
    expect(res.status).toBe(0);
    expect(readFileSync(join(res.dir, 'fanout.go'), 'utf8')).toBe(unformatted);
  });

  it('runs tests behind a build tag with --tags, and has no verdict without it', () => {
    const test = `//go:build integration

package trial

import (
	"sync/atomic"
	"testing"
)

func TestFanoutIntegration(t *testing.T) {
	var n atomic.Int64
	Fanout(make([]int, 3), func(int) { n.Add(1) })
	if n.Load() != 3 {
		t.Fatalf("called %d times, want 3", n.Load())
	}
}
`;
    const files = { 'fanout.go': FANOUT, 'fanout_integration_test.go': test };
    expect(trial(files).status).toBe(2);
    const tagged = trial(files, ['--tags', 'integration']);
    expect(tagged.stdout).toContain('go test after:  1 tests passed, 0 failed');
    expect(tagged.status).toBe(0);
  });

  it('copies what a nested module replaces by a local path, so both copies build', () => {
    const repo = tempTree({
      'lib/go.mod': 'module example.com/lib\n\ngo 1.22\n',
      'lib/lib.go': 'package lib\n\n// Double doubles x.\nfunc Double(x int) int { return 2 * x }\n',
      'app/go.mod': 'module example.com/trial\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n',
      'app/fanout.go': FANOUT,
      'app/fanout_test.go': `package trial

import (
	"sync/atomic"
	"testing"

	"example.com/lib"
)

func TestFanoutDoubles(t *testing.T) {
	var n atomic.Int64
	Fanout([]int{1, 2, 3}, func(i int) { n.Add(int64(lib.Double(i))) })
	if n.Load() != 12 {
		t.Fatalf("sum %d, want 12", n.Load())
	}
}
`,
    });
    const res = spawnSync(process.execPath, [join(REPO, 'test', 'trial', 'run-trial.mjs'), join(repo, 'app'), '--timeout', '5s', '--reruns', '1'], { encoding: 'utf8' });
    expect(res.stdout).toContain('goconc fix --write: 1 fixes applied in 1 files');
    expect(res.stdout).toContain('go test before: 1 tests passed, 0 failed');
    expect(res.stdout).toContain('trial: passed');
    expect(res.status).toBe(0);
    expect(readFileSync(join(repo, 'app', 'fanout.go'), 'utf8')).toBe(FANOUT);
  });

  it('fails a rewrite that makes a test hang, and shows where it hung', () => {
    // Each call waits until all have started: it needs every goroutine running at once, which
    // goconc cannot see (f is passed in).
    const test = `package trial

import (
	"sync"
	"testing"
)

func TestFanoutAllAtOnce(t *testing.T) {
	items := make([]int, 64)
	var started sync.WaitGroup
	started.Add(len(items))
	Fanout(items, func(int) {
		started.Done()
		started.Wait()
	})
}
`;
    const res = trial({ 'fanout.go': FANOUT, 'fanout_test.go': test });
    expect(res.stdout).toContain('✗ example.com/trial TestFanoutAllAtOnce: passes on the original, fails after the rewrite');
    expect(res.stdout).toMatch(/panic: test timed out after 5s[\s\S]*TestFanoutAllAtOnce/);
    expect(res.stdout).toContain('trial: FAILED');
    expect(res.status).toBe(1);
  });
});
