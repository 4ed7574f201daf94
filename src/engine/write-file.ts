import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError } from './discover.js';

export type WriteResult = { ok: true } | { ok: false; reason: string };

/**
 * Replace a file's content atomically: write a temporary file beside it, keep the mode, rename
 * over the original. Refuses when the file changed since it was read (`read`, the text it had).
 */
export function writeAtomically(path: string, text: string, read: string, mode: number): WriteResult {
  if ((mode & 0o222) === 0) return { ok: false, reason: 'read-only file; not modified' };
  try {
    const now = readFileSync(path, 'utf8');
    if (now !== read) return { ok: false, reason: 'changed on disk since it was read; not overwritten' };
  } catch (err) {
    return { ok: false, reason: describeFsError(err) };
  }
  const tmp = join(dirname(path), `.${basename(path)}.goconc-${process.pid}-${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, { mode: mode & 0o7777, flag: 'wx' });
    chmodSync(tmp, mode & 0o7777);
    renameSync(tmp, path);
    return { ok: true };
  } catch (err) {
    rmSync(tmp, { force: true });
    return { ok: false, reason: describeFsError(err) };
  }
}
