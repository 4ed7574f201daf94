import { runTaskHere, type Task } from './task.js';

/** Worker-thread entry (piscina): a batch of tasks in, each task's file results out. */
export default async function (tasks: Task[]) {
  const out = [];
  for (const task of tasks) out.push(await runTaskHere(task));
  return out;
}
