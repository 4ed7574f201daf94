import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for long runs: files done/total, findings so far, rate, ETA.
 * Only on a TTY, never with --quiet; otherwise a no-op.
 */
export function progressBar(enabled: boolean): { update(done: number, total: number, findings: number): void; stop(): void } {
  if (!enabled || !process.stderr.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'goconc {bar} {value}/{total} files | {findings} findings | {rate} files/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedBar = false;
  return {
    update(done, total, findings) {
      const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
      if (!startedBar) {
        bar.start(total, 0, { findings: 0, rate: 0 });
        startedBar = true;
      }
      // The total grows while discovery is still finding files.
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, { findings, rate });
    },
    stop() {
      if (startedBar) bar.stop();
    },
  };
}
