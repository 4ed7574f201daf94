/** A mistake in how goconc was called: reported without a stack, exit code 2. */
export class UsageError extends Error {}

export const EXIT = {
  /** Nothing found, or every fix applied. */
  clean: 0,
  /** Findings remain (scan) or fixes are pending / not applied (fix). */
  findings: 1,
  /** Usage error, unreadable or unparsable input, internal error. */
  error: 2,
} as const;

/** Exit code of a run stopped by SIGINT/SIGTERM (128 + SIGINT), as shells report it. */
export const INTERRUPTED = 130;
