/**
 * The words of a Go name, as written: split at underscores, where a capital follows a lower-case
 * letter or digit, and before the last capital of a run that starts a word (`stopCh` → stop, Ch;
 * `HTTPServer` → HTTP, Server; `shutdown_chan` → shutdown, chan; `sha256Sum` → sha256, Sum).
 */
export function nameWords(name: string): string[] {
  return name.split(/_+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
}
