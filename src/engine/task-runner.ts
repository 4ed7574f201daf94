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
 * The worker threads of a run: started once the run is known to be large enough (the task queue
 * calls `start` as soon as discovery has found enough files, so threads load the parser and the
 * codemods while it goes on), stopped at the end.
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
 * Runs the tasks added to it, one package at a time, on the worker threads once enough files
 * have come to use them (in the main thread for one job or few files), and returns their results
 * in the order the tasks were added, whatever order they finish in: output does not depend on
 * --jobs. Tasks start while discovery goes on; `finish` is called when it is over.
 */
export class TaskQueue {
  private readonly tasks: Task[] = [];
  private files = 0;
  private readonly results: FileResult[][][] = [];
  private readonly running: Promise<void>[] = [];
  private pool: Piscina | undefined;
  /** Chunks not yet sent, and how many files they hold. */
  private batch: { index: number; order: number; part: Task }[] = [];
  private batchFiles = 0;

  constructor(
    private readonly workers: Workers,
    private readonly given: readonly Codemod[],
    private readonly onProgress: (done: FileResult[]) => void,
  ) {}

  add(task: Task): void {
    const index = this.tasks.push(task) - 1;
    this.files += task.files.length;
    this.results.push([]);
    if (!this.pool && this.workers.usefulFor(this.files)) {
      this.pool = this.workers.start();
      this.tasks.forEach((t, i) => this.queue(t, i));
    } else if (this.pool) this.queue(task, index);
  }

  /** Every task's file results, in the order the tasks came. */
  async finish(): Promise<FileResult[][]> {
    if (this.pool) {
      this.send();
      await Promise.all(this.running);
    } else {
      for (const [index, task] of this.tasks.entries()) {
        const res = await runTask(task, this.given);
        this.results[index] = [res];
        this.onProgress(res);
      }
    }
    return this.results.map((parts) => parts.flat());
  }

  /**
   * A package is split into chunks of a few files, so no worker is left with a long tail while
   * the others idle, and chunks go out in batches: most packages are a few files the prefilter
   * rules out, and one message per package would leave workers waiting on the main thread.
   */
  private queue(task: Task, index: number): void {
    for (const [order, part] of chunk(task, CHUNK_FILES).entries()) {
      this.batch.push({ index, order, part });
      this.batchFiles += part.files.length;
      if (this.batchFiles >= BATCH_FILES) this.send();
    }
  }

  private send(): void {
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
    this.batchFiles = 0;
    const done = this.pool!.run(batch.map((b) => b.part)).then((res: FileResult[][]) => {
      batch.forEach((b, i) => (this.results[b.index][b.order] = res[i]));
      this.onProgress(res.flat());
    });
    // A thread that fails before `finish` waits on it fails the run there, not the process now.
    done.catch(() => undefined);
    this.running.push(done);
  }
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

/**
 * The compiled worker module: beside this one in dist/src/engine/, or in the bundle's own
 * src/engine/ when this code runs from the bundle's src/cli/main.js (the same relative path from
 * either). Tests run the TypeScript sources, whose worker lives in dist/.
 */
function workerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const script = fileURLToPath(new URL(here.endsWith('.ts') ? '../../dist/src/engine/worker.js' : '../engine/worker.js', import.meta.url));
  return existsSync(script) ? script : undefined;
}
