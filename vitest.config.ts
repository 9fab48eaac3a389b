import { defineConfig } from 'vitest/config';

/**
 * Test files that change state every later file in the same process would see, so they run in a process
 * of their own: segment.test.ts adds words to jieba's dictionary, which lives in the native addon and
 * can only grow. Add a file here when it changes process-wide state that cannot be put back; see
 * test/README.md.
 */
const ISOLATED = ['test/text/segment.test.ts'];

export default defineConfig({
  test: {
    // nodejieba is a native addon: test files run in child processes (forks), not worker threads.
    pool: 'forks',
    // Both cores: vitest's default on a 2-core machine is one worker, which runs the suite file by file.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // bench/suite-time.mjs: CPU per test file (see test/support/cpu-per-file.ts); off for `npm test`.
    setupFiles: process.env['YIJIAN_TEST_CPU'] ? ['test/support/cpu-per-file.ts'] : [],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: ISOLATED,
          // A worker process runs many test files one after another and keeps what they loaded (jieba's
          // dictionary, SheetJS, the compiled CLI): loading those once per file was a third of the suite's CPU.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
