import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import type { FileResult } from './process-path.js';
import { codemods as registry } from '../../codemods/index.js';
import { runTask, type Task } from './task.js';
import type { Codemod } from './types.js';

/** Below this many files a pool costs more (thread start, parser load) than it saves. */
const MIN_FILES_FOR_WORKERS = 64;

/**
 * The worker threads of a run: started once the run is known to be large enough (discovery
 * calls `start` as soon as it has found enough files, so threads load the parser and the codemods
 * while it goes on), stopped at the end.
 */
export class Workers {
  private started: { pool: Piscina; warmUps: Promise<unknown>[] } | undefined;
  private readonly script = workerScript();
  private readonly possible: boolean;

  constructor(
    private readonly jobs: number,
    given: readonly Codemod[],
    private readonly options: Task['options'],
  ) {
    // Workers find codemods by id in the registry: one from elsewhere runs here.
    this.possible = jobs > 1 && !!this.script && given.every((c) => registry.includes(c));
  }

  /** Whether a run of this many files goes to threads. */
  usefulFor(files: number): boolean {
    return this.possible && files >= MIN_FILES_FOR_WORKERS;
  }

  start(): Piscina {
    if (!this.started) {
      // Every thread compiles the same functions again, and a run is short: V8 optimizes a
      // function only once it has run about nine times longer than by default, and spends less
      // time compiling code the run would not gain from (--jobs 2 some 10–20% faster). One job
      // keeps the default: its compiling runs on an idle core.
      setFlagsFromString('--interrupt-budget=600000');
      const pool = new Piscina({ filename: this.script!, minThreads: this.jobs, maxThreads: this.jobs, idleTimeout: 1000 });
      const warmUps = Array.from({ length: this.jobs }, () => pool.run([{ files: [], options: this.options }] satisfies Task[]).catch(() => undefined));
      this.started = { pool, warmUps };
    }
    return this.started.pool;
  }

  /**
   * A thread stopped while it is still loading modules can bring the process down: every thread
   * finishes loading first, even when the run turned out too small to use them. The threads,
   * idle by then, end while the caller goes on (writing its report); the process exits after.
   */
  async stop(): Promise<void> {
    if (!this.started) return;
    await Promise.all(this.started.warmUps);
    this.started.pool.destroy().catch(() => undefined);
  }
}

/**
 * Run tasks on the worker threads (in the main thread for one job or few files) and return
 * their results in task order, whatever order they finish in: output does not depend on --jobs.
 */
export async function runTasks(tasks: Task[], workers: Workers, onProgress: (done: FileResult[]) => void, given: readonly Codemod[]): Promise<FileResult[][]> {
  const total = tasks.reduce((n, t) => n + t.files.length, 0);
  if (!workers.usefulFor(total)) {
    const out: FileResult[][] = [];
    for (const task of tasks) {
      const res = await runTask(task, given);
      out.push(res);
      onProgress(res);
    }
    return out;
  }
  const pool = workers.start();
  // Packages split into chunks of a few files, the largest packages queued first: no worker
  // is left with a long tail while the others idle. Results go back to their task's place.
  const chunks = tasks.flatMap((task, index) => chunk(task, CHUNK_FILES).map((part) => ({ index, part })));
  chunks.sort((a, b) => tasks[b.index].files.length - tasks[a.index].files.length || a.index - b.index);
  // Chunks go to the workers in batches: most packages are a few files the prefilter rules out,
  // and one message per package would leave workers waiting on the main thread.
  const batches: { index: number; order: number; part: Task }[][] = [[]];
  let filesInBatch = 0;
  for (const [order, c] of chunks.entries()) {
    if (filesInBatch >= BATCH_FILES) {
      batches.push([]);
      filesInBatch = 0;
    }
    batches[batches.length - 1].push({ ...c, order });
    filesInBatch += c.part.files.length;
  }
  const out: FileResult[][][] = tasks.map(() => []);
  await Promise.all(
    batches.map(async (batch) => {
      const res = (await pool.run(batch.map((b) => b.part))) as FileResult[][];
      batch.forEach((b, i) => (out[b.index][b.order] = res[i]));
      onProgress(res.flat());
    }),
  );
  return out.map((parts) => parts.flat());
}

/** Files per worker task (a thread keeps a package's index for its next chunk of the same package). */
const CHUNK_FILES = 24;
/** Files per message to a worker. */
const BATCH_FILES = 32;

function chunk(task: Task, size: number): Task[] {
  if (task.files.length <= size) return [task];
  const out: Task[] = [];
  for (let i = 0; i < task.files.length; i += size) out.push({ ...task, files: task.files.slice(i, i + size) });
  return out;
}

/** The compiled worker module (tests run the TypeScript sources, whose worker lives in dist/). */
function workerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const candidates = here.endsWith('.ts')
    ? [fileURLToPath(new URL('../../dist/src/engine/worker.js', import.meta.url))]
    : [fileURLToPath(new URL('./worker.js', import.meta.url))];
  return candidates.find((p) => existsSync(p));
}
