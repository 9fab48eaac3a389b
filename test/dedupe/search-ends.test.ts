/**
 * A digest that fails while the duplicate search is still running ends that search's thread: an in-process
 * run (a script, a test, `run()`) goes on after the failure and must not carry a busy worker with it.
 */
import { Worker } from 'node:worker_threads';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO } from '../support/paths.js';

const dist = (path: string) => import(join(REPO, 'dist', path));

describe('the duplicate search of a failed digest', () => {
  it('is ended as soon as buildDigest gives up, not left to finish on its own', async () => {
    // The compiled modules: only there does the search run in a worker thread.
    const { buildDigest } = await dist('digest/build.js');
    const { readSubmissions, normalizeIngestOptions } = await dist('ingest/index.js');
    const submissions = join(REPO, 'fixtures/submissions');
    const source = await readSubmissions(readdirSync(submissions).map((name) => join(submissions, name)), normalizeIngestOptions({}));
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const failing = {
      comparisonKey: (text: string) => text,
      terms: () => {
        throw new Error('分词失败（测试）');
      },
      cited: () => null,
      learn: () => undefined,
      guess: () => [],
    };
    await expect(buildDigest(source, null, failing, { near: 0.5, assignThreshold: 0.2, clusterThreshold: 0.035, date: null })).rejects.toThrow('分词失败');
    // Right after the failure, long before a search of 93 opinions in a fresh thread could have answered.
    expect(terminate).toHaveBeenCalled();
    terminate.mockRestore();
  });
});
