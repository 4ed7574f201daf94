import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { describe, it } from 'vitest';

export const goAvailable = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;

/**
 * A describe block that needs the Go toolchain: runs when `go` is installed; in CI (CI set) a
 * missing toolchain is a failing test; elsewhere the block is skipped with a visible notice.
 */
export function describeWithGo(name: string, body: () => void): void {
  if (goAvailable) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs the Go toolchain', () => {
        throw new Error('the Go toolchain (go, gofmt) is not installed: CI must have it to check fixtures with Go itself');
      });
    });
  } else {
    console.warn(`NOTICE: Go toolchain not found; skipping "${name}". Install Go to run these checks.`);
    describe.skip(name, body);
  }
}

/** Run a go command; returns the result with combined output for assertion messages. */
export function go(args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> & { output: string } {
  const res = spawnSync('go', args, { cwd, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return Object.assign(res, { output: `${res.stdout}${res.stderr}` });
}
