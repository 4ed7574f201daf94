import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let gofmtPath: string | null | undefined;

/** Path of gofmt (PATH, then `go env GOROOT`), or undefined when no Go toolchain is installed. */
export function findGofmt(): string | undefined {
  if (gofmtPath !== undefined) return gofmtPath ?? undefined;
  gofmtPath = null;
  if (spawnSync('gofmt', ['-l'], { input: 'package x\n' }).status === 0) gofmtPath = 'gofmt';
  else {
    try {
      const root = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
      const candidate = join(root, 'bin', 'gofmt');
      if (spawnSync(candidate, ['-l'], { input: 'package x\n' }).status === 0) gofmtPath = candidate;
    } catch {
      // no go either
    }
  }
  return gofmtPath ?? undefined;
}

/**
 * For each text, whether gofmt would leave it unchanged. One gofmt process for all of them.
 * Returns undefined when gofmt is not available.
 */
export function gofmtClean(texts: string[]): boolean[] | undefined {
  const gofmt = findGofmt();
  if (!gofmt) return undefined;
  if (texts.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'goconc-gofmt-'));
  try {
    texts.forEach((t, i) => writeFileSync(join(dir, `f${i}.go`), t));
    const res = spawnSync(gofmt, ['-l', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const unclean = new Set(
      res.stdout
        .split('\n')
        .filter(Boolean)
        .map((p) => Number(/f(\d+)\.go$/.exec(p)?.[1])),
    );
    // gofmt lists files it cannot parse on stderr: they are not clean either.
    for (const m of res.stderr.matchAll(/f(\d+)\.go:/g)) unclean.add(Number(m[1]));
    return texts.map((_, i) => !unclean.has(i));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `gofmt -w` on files; returns a message when gofmt is missing or fails, undefined on success. */
export function gofmtWrite(paths: string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const gofmt = findGofmt();
  if (!gofmt) return 'note: gofmt not found; --gofmt skipped';
  const res = spawnSync(gofmt, ['-w', ...paths], { encoding: 'utf8' });
  return res.status === 0 ? undefined : `gofmt -w failed: ${res.stderr.trim()}`;
}

/** gofmt's output for one text, or undefined when gofmt is missing or rejects it. */
export function gofmtText(text: string): string | undefined {
  const gofmt = findGofmt();
  if (!gofmt) return undefined;
  const res = spawnSync(gofmt, [], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return res.status === 0 ? res.stdout : undefined;
}

/**
 * Whether Go's own parser reads a text without a syntax error (gofmt does), or undefined when no
 * gofmt is installed.
 */
export function goParses(text: string): boolean | undefined {
  return findGofmt() ? gofmtText(text) !== undefined : undefined;
}

/**
 * A fix can shift gofmt's alignment of neighbouring lines (trailing comments, struct fields):
 * when gofmt would change only horizontal white space, return its output; otherwise undefined.
 */
export function realignWithGofmt(text: string): string | undefined {
  const formatted = gofmtText(text);
  if (formatted === undefined) return undefined;
  const squash = (s: string) => s.replace(/[ \t]+/g, '');
  return squash(formatted) === squash(text) ? formatted : undefined;
}
