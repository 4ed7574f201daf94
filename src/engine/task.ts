import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { codemods } from '../../codemods/index.js';
import { boundMemory } from './memory.js';
import { PackageIndexCache } from './package-cache.js';
import { processPath, type FileResult, type ProcessOptions } from './process-path.js';
import type { Codemod } from './types.js';

/** A unit of work: the files of one package directory, so its package index is built once. */
export interface Task {
  files: { path: string; file: string }[];
  options: Omit<ProcessOptions, 'codemods'> & { codemodIds: string[] };
}

/**
 * Process a task's files in order. Runs in a worker thread (codemods looked up by id) or in the
 * main thread, where codemods may also be given directly (ones outside the registry, in tests).
 * `packages`: the package index and reads to use, when a previous task of the same package left them.
 */
export async function runTask(task: Task, given?: readonly Codemod[], packages = new PackageIndexCache(task.options.maxFileBytes)): Promise<FileResult[]> {
  const selected = given ?? codemods.filter((c) => task.options.codemodIds.includes(c.id));
  const opts: ProcessOptions = { ...task.options, codemods: selected };
  const out: FileResult[] = [];
  for (const [i, { path, file }] of task.files.entries()) {
    const result = processPath(path, file, opts, packages);
    out.push(result);
    // Native trees are freed only when the event loop turns: let it, in large packages too.
    const read = result.parsed ? packages.read(path) : undefined;
    if ((read?.ok && boundMemory(read.source.text.length)) || i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
  }
  return out;
}

const YIELD_EVERY = 16;
