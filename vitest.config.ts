import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Go toolchain tests spawn processes; keep workers few on 2-core machines.
    maxWorkers: 2,
  },
});
