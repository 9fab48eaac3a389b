import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // nodejieba is a native addon: keep each test file in its own process, not a worker thread.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
