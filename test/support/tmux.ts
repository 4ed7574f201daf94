import { spawnSync } from 'node:child_process';

export const tmuxAvailable = spawnSync('tmux', ['-V']).status === 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A program running in a real terminal (a detached tmux session on a private socket). */
export class Terminal {
  private readonly socket = `goconc-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  private readonly session = 'term';

  constructor(command: string, cwd: string, env: Record<string, string> = {}) {
    const exports = Object.entries(env).map(([k, v]) => `export ${k}='${v.replace(/'/g, `'\\''`)}';`).join(' ');
    // The exit code is printed after the program ends; the pane stays so it can be read.
    const script = `${exports} cd '${cwd}' && ${command}; echo "__EXIT=$?__"; sleep 600`;
    const res = spawnSync('tmux', ['-L', this.socket, 'new-session', '-d', '-s', this.session, '-x', '120', '-y', '50', script]);
    if (res.status !== 0) throw new Error(`tmux failed: ${res.stderr}`);
  }

  /** Type keys (tmux key names: 'y', 'Enter', 'C-c'). */
  send(...keys: string[]): void {
    spawnSync('tmux', ['-L', this.socket, 'send-keys', '-t', this.session, ...keys]);
  }

  /** The visible screen, trailing blank lines removed. */
  screen(): string {
    const res = spawnSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-t', this.session], { encoding: 'utf8' });
    return res.stdout.replace(/\s+$/, '') + '\n';
  }

  /** Everything printed so far, scrollback included. */
  history(): string {
    const res = spawnSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-S', '-5000', '-t', this.session], { encoding: 'utf8' });
    return res.stdout;
  }

  /** Wait until the screen (or history) matches, or fail with what it showed. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000, where: 'screen' | 'history' = 'screen'): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = where === 'screen' ? this.screen() : this.history();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the terminal shows:\n${text}`);
      await sleep(100);
    }
  }

  /** Wait for the program to end; returns its exit code. */
  async exitCode(timeoutMs = 15_000): Promise<number> {
    const text = await this.waitFor(/__EXIT=(\d+)__/, timeoutMs, 'history');
    return Number(/__EXIT=(\d+)__/.exec(text)![1]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
