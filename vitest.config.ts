import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    globalSetup: ['test/support/build.mjs'],
    testTimeout: 60_000,
    // Progress lines go to stderr wherever it is not a terminal; tests that want them ask.
    env: { SEGSIM_PROGRESS: 'off' },
  },
});
