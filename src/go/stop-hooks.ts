import { nameWords } from './name-words.js';

/** What a hook run as a value stops says after its `On`: `OnStop`, `OnClose`, `onShutdown`, `OnTerminate`, `OnTearDown`. */
const STOPPED = new Set(['stop', 'stopped', 'close', 'closed', 'shutdown', 'terminate', 'terminated', 'destroy', 'dispose', 'cleanup', 'teardown']);

/**
 * Whether a method's name is that of a lifecycle hook its runner calls as the value stops, once
 * its work has ended (go-actor's `OnStop`, a service's `OnClose`, `OnShutdown`): `On` followed by
 * a word of stopping (or two run together, `OnShutDown`). Not `OnStart`, `OnMessage`, `OnEnd`
 * (OpenTelemetry's span processors: a span's end, not the value's), nor `Stop` itself (that asks
 * the work to stop, and may run while it still goes on).
 */
export function isStopHook(name: string): boolean {
  const words = nameWords(name).map((w) => w.toLowerCase());
  if (words[0] !== 'on' || words.length < 2) return false;
  return STOPPED.has(words[1]) || (words.length > 2 && STOPPED.has(words[1] + words[2]));
}
