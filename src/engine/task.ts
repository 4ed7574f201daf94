import { codemods } from '../../codemods/index.js';
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
 */
export function runTask(task: Task, given?: readonly Codemod[]): FileResult[] {
  const selected = given ?? codemods.filter((c) => task.options.codemodIds.includes(c.id));
  const opts: ProcessOptions = { ...task.options, codemods: selected };
  const packages = new PackageIndexCache();
  return task.files.map(({ path, file }) => processPath(path, file, opts, packages));
}
