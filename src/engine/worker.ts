import { dirname } from 'node:path';
import { PackageIndexCache } from './package-cache.js';
import { runTask, type Task } from './task.js';

/**
 * The package index (and file reads) of the last package this thread worked on: a large package
 * comes in several chunks, most often one after the other to the same thread, and is then read
 * and indexed once rather than once per chunk.
 */
let last: { dir: string; packages: PackageIndexCache } | undefined;

/** Worker-thread entry (piscina): a batch of tasks in, each task's file results out. */
export default async function (tasks: Task[]) {
  const out = [];
  for (const task of tasks) {
    const dir = task.files.length > 0 ? dirname(task.files[0].path) : '';
    if (last?.dir !== dir) last = { dir, packages: new PackageIndexCache(task.options.maxFileBytes) };
    out.push(await runTask(task, undefined, last.packages));
  }
  return out;
}
