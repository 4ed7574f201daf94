import { spawnSync } from 'node:child_process';

export interface GoCheck {
  ok: boolean;
  output: string;
}

let goAvailable: boolean | undefined;

export function hasGo(): boolean {
  goAvailable ??= spawnSync('go', ['version']).status === 0;
  return goAvailable;
}

/**
 * `go build` then `go vet` of the given package directories (relative to the module dir, `./x`),
 * with the module's own settings: nothing is downloaded that GOFLAGS would not allow already.
 */
export function buildAndVet(moduleDir: string, packages: string[]): GoCheck {
  const run = (args: string[]) => spawnSync('go', args, { cwd: moduleDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const build = run(['build', '-o', devNull(), ...packages]);
  if (build.status !== 0) return { ok: false, output: `${build.stdout}${build.stderr}`.trim() };
  const vet = run(['vet', ...packages]);
  return { ok: vet.status === 0, output: `${vet.stdout}${vet.stderr}`.trim() };
}

function devNull(): string {
  return process.platform === 'win32' ? 'NUL' : '/dev/null';
}
