import { spawnSync } from 'node:child_process';
import { dirname, join, relative, sep } from 'node:path';

/** A stable 32-bit FNV-1a hash: the same string always lands in the same shard. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface Shard {
  index: number;
  count: number;
}

/** `--shard k/n` → { index: k, count: n }; throws a message for anything else. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard takes k/n with 1 ≤ k ≤ n (e.g. 2/4), not "${text}"`);
  return { index, count };
}

/**
 * The files of shard k of n: a package (directory) belongs to exactly one shard, chosen by a hash
 * of its root-relative path, so shards partition the run exactly and stay stable as files change.
 */
export function inShard(files: string[], root: string, shard: Shard): string[] {
  return files.filter((f) => fnv1a(relative(root, dirname(f)).split(sep).join('/')) % shard.count === shard.index - 1);
}

/**
 * Go files changed since a git revision (committed, staged or not), plus untracked ones, as
 * absolute paths. Throws with git's message when the revision or repository is unusable.
 */
export function changedSince(rev: string, root: string): Set<string> {
  const git = (args: string[]) => {
    const res = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (res.error) throw new Error(`--since needs git: ${res.error.message}`);
    if (res.status !== 0) throw new Error(`--since ${rev}: ${res.stderr.trim() || `git ${args[0]} failed`}`);
    return res.stdout.split('\n').filter((l) => l.endsWith('.go'));
  };
  const changed = git(['diff', '--name-only', '--diff-filter=ACMR', '--relative', rev, '--']);
  const untracked = git(['ls-files', '--others', '--exclude-standard']);
  return new Set([...changed, ...untracked].map((f) => join(root, f)));
}
