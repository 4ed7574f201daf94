import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { FileResult } from './process-path.js';
import { codemods as registry } from '../../codemods/index.js';
import { runTask, type Task } from './task.js';
import type { Codemod } from './types.js';

/** Below this many files a pool costs more (thread start, parser load) than it saves. */
const MIN_FILES_FOR_WORKERS = 64;

/**
 * Run tasks on `jobs` worker threads (in the main thread for one job or few files) and return
 * their results in task order, whatever order they finish in: output does not depend on --jobs.
 */
export async function runTasks(tasks: Task[], jobs: number, onProgress: (done: FileResult[]) => void, given: readonly Codemod[]): Promise<FileResult[][]> {
  const total = tasks.reduce((n, t) => n + t.files.length, 0);
  const script = workerScript();
  // Workers find codemods by id in the registry: one from elsewhere runs here.
  const registered = given.every((c) => registry.includes(c));
  if (jobs <= 1 || total < MIN_FILES_FOR_WORKERS || !script || !registered) {
    const out: FileResult[][] = [];
    for (const task of tasks) {
      const res = await runTask(task, given);
      out.push(res);
      onProgress(res);
    }
    return out;
  }
  const pool = new Piscina({ filename: script, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000 });
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const res = (await pool.run(task)) as FileResult[];
        onProgress(res);
        return res;
      }),
    );
  } finally {
    await pool.destroy();
  }
}

/** The compiled worker module (tests run the TypeScript sources, whose worker lives in dist/). */
function workerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const candidates = here.endsWith('.ts')
    ? [fileURLToPath(new URL('../../dist/src/engine/worker.js', import.meta.url))]
    : [fileURLToPath(new URL('./worker.js', import.meta.url))];
  return candidates.find((p) => existsSync(p));
}
