/**
 * Clustering on two threads (src/cluster/threads.ts): the worker takes articles from a shared counter, and
 * whoever did an article, the clusters must be exactly those of clusterOpinions on one thread. The worker
 * runs from the compiled code (dist/, built before the tests), as under the real CLI.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLUSTER_DEFAULTS, clusterOpinions, type ClusterItem, type ClusterOptions } from '../../src/cluster/index.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { REPO } from '../support/paths.js';
import { TOPICS } from './examples.js';

const dist = async () => (await import(join(REPO, 'dist', 'cluster', 'threads.js'))) as typeof import('../../src/cluster/threads.js');

const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
const OPTIONS: ClusterOptions = { ...CLUSTER_DEFAULTS, tokens: (t) => segmenter.tokens(t), forms: segmenter.forms ?? null };

/** The example opinions spread over several articles of different sizes, 未归入 and 总体意见 among them. */
function items(): ClusterItem[] {
  const articles = ['20', '20', '20', '21', '21', 'unassigned', 'general', '22.1', '22', '23'];
  const texts = Object.values(TOPICS).flat();
  return texts.flatMap((text, i) => [0, 1].map((copy) => ({
    id: `r${String(i).padStart(3, '0')}-${copy}`,
    article: articles[(i + copy * 3) % articles.length]!,
    terms: segmenter.terms(copy === 0 ? text : `${text}另外，执法部门应当加强检查。`),
    text,
    submissions: 1 + (i % 3),
    points: [`联系点${i % 4}`],
    counties: [`县${i % 2}`],
    // 未归入 opinions with likely articles: named on the clusters they read like (Cluster.nearby) on either path.
    ...(articles[(i + copy * 3) % articles.length] === 'unassigned' ? { candidates: ['20', '21', '22'] } : {}),
  })));
}

describe('clustering on two threads', () => {
  it('gives the clusters of one thread, ids, order and labels included', async () => {
    const { clusterOpinionsInThreads } = await dist();
    const batch = items();
    const alone = clusterOpinions(batch, OPTIONS);
    expect(alone.length).toBeGreaterThan(5);
    let failed: string | null = null;
    const both = await clusterOpinionsInThreads(batch, OPTIONS, { minOpinions: 0, onThreadFailure: (m) => (failed = m) });
    expect(failed).toBeNull();
    expect(both).toEqual(alone);
    expect(alone.some((c) => c.nearby !== undefined)).toBe(true);
    // Without batch IDF each article weighs its own words: still the same on both paths.
    const own = { ...OPTIONS, batchIdf: false };
    expect(await clusterOpinionsInThreads(batch, own, { minOpinions: 0 })).toEqual(clusterOpinions(batch, own));
  });

  it('a worker that fails is said, and this thread clusters its articles to the same result', async () => {
    const { clusterOpinionsInThreads } = await dist();
    const dir = mkdtempSync(join(tmpdir(), 'yijian-cluster-worker-'));
    try {
      const broken = join(dir, 'broken-worker.mjs');
      // Takes the first article, as a real worker would, then dies before answering.
      writeFileSync(broken, `import { workerData } from 'node:worker_threads';
        Atomics.add(new Int32Array(workerData.next), 0, 1);
        throw new Error('模拟的线程故障');`);
      const batch = items();
      const messages: string[] = [];
      const both = await clusterOpinionsInThreads(batch, OPTIONS, { minOpinions: 0, workerUrl: pathToFileURL(broken), onThreadFailure: (m) => messages.push(m) });
      expect(both).toEqual(clusterOpinions(batch, OPTIONS));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('模拟的线程故障');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
