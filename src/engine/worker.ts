import { runTask, type Task } from './task.js';

/** Worker-thread entry (piscina): one task in, its file results out. */
export default function (task: Task) {
  return runTask(task);
}
