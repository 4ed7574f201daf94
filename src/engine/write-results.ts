import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FileResult } from './process-path.js';
import { writeAtomically } from './write-file.js';

export interface WriteReport {
  written: FileResult[];
  /** True when SIGINT/SIGTERM stopped the writes; files not yet reached are untouched. */
  interrupted: boolean;
}

/**
 * Write every fixed file, one atomic rename each. A signal stops the loop between two files, so
 * an interrupted run leaves each file either as it was or fully fixed. A file that cannot be
 * written keeps its bytes; its fixes are reported as failed.
 */
export async function writeResults(files: FileResult[], root: string, onWritten: (f: FileResult) => void): Promise<WriteReport> {
  let interrupted = false;
  const stop = () => {
    interrupted = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const written: FileResult[] = [];
  const realRoot = safeRealpath(root);
  try {
    for (const f of files) {
      if (f.fixed === undefined) continue;
      // Let a pending signal handler run before touching the next file.
      await yieldToEventLoop();
      if (interrupted) break;
      const real = safeRealpath(f.path);
      const res =
        realRoot && real && real !== realRoot && !real.startsWith(realRoot + sep)
          ? { ok: false as const, reason: outsideRoot(f.path, root) }
          : writeAtomically(f.path, f.fixed, f.original!, f.mode!);
      if (res.ok) {
        written.push(f);
        onWritten(f);
      } else {
        f.status = 'error';
        f.reason = `not written: ${res.reason}`;
        f.failed.push(...f.applied.map((finding) => ({ finding, reason: res.reason })));
        f.applied = [];
      }
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return { written, interrupted };
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** Why a file outside the repository root is not written: given from elsewhere, or reached through a symbolic link. */
function outsideRoot(path: string, root: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel)
    ? `outside the repository root ${root} (run goconc from the repository that holds it)`
    : 'resolves (through a symbolic link) outside the repository root';
}
