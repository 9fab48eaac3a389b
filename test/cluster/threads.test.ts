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
import { checkedKey } from '../../src/article-key.js';
import { buildDigest } from '../../src/digest/build.js';
import { createDigestText } from '../../src/digest/text.js';
import type { OpinionRecord, SheetReport } from '../../src/model.js';
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
    article: checkedKey(articles[(i + copy * 3) % articles.length]!),
    terms: segmenter.terms(copy === 0 ? text : `${text}另外，执法部门应当加强检查。`),
    text,
    submissions: 1 + (i % 3),
    points: [`联系点${i % 4}`],
    counties: [`县${i % 2}`],
    // 未归入 opinions with likely articles: named on the clusters they read like (Cluster.nearby) on either path.
    ...(articles[(i + copy * 3) % articles.length] === 'unassigned' ? { candidates: ['20', '21', '22'].map(checkedKey) } : {}),
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

  it("runs the caller's own work in turns beside the worker, to the end, on either path, and the clusters stay the same", async () => {
    const { clusterOpinionsInThreads } = await dist();
    const batch = items();
    const alone = clusterOpinions(batch, OPTIONS);
    let turns = 0;
    const beside = (): boolean => ++turns >= 5;
    expect(await clusterOpinionsInThreads(batch, OPTIONS, { minOpinions: 0, beside })).toEqual(alone);
    expect(turns).toBe(5);
    // One thread (fewer opinions than a worker is started for): done before clustering.
    turns = 0;
    expect(await clusterOpinionsInThreads(batch, OPTIONS, { minOpinions: 1e9, beside })).toEqual(alone);
    expect(turns).toBe(5);
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

  it('a digest hears of a failed worker (the CLI prints it as W_CLUSTER_THREAD) and keeps the same clusters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yijian-cluster-worker-'));
    try {
      const broken = join(dir, 'broken-worker.mjs');
      writeFileSync(broken, `throw new Error('模拟的线程故障');`);
      const texts = Object.values(TOPICS).flat();
      const sheet: SheetReport = { file: 'a.csv', sheet: 'a', encoding: 'utf-8', headerRows: [1], columns: [], rows: texts.length, records: texts.length, rejects: 0, blanks: 0, problems: [] };
      const records: OpinionRecord[] = texts.map((opinion, i) => ({
        id: `a.csv#${i + 2}`, source: { file: 'a.csv', sheet: 'a', row: i + 2 }, seq: null, point: `联系点${i % 3}`, pointSource: 'column', county: null,
        submitter: null, submitterType: null, article: `第${(i % 3) + 1}条`, opinion, suggestion: null, reason: null, contact: null, date: null,
      }));
      const build = (threads: Parameters<typeof buildDigest>[5]) => buildDigest(
        { sheets: [sheet], failures: [], records, rejects: [] }, null,
        createDigestText(null, segmenter, { threshold: 0.15, minMargin: 0.1, minLead: 0.05, minLeadUnanchored: 0.05, examples: [] }),
        { near: 0.5, assignThreshold: 0.15, clusterThreshold: 0.08, date: null }, undefined, threads,
      );
      const messages: string[] = [];
      const failed = await build({ minOpinions: 0, workerUrl: pathToFileURL(broken), onThreadFailure: (m) => messages.push(m) });
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('模拟的线程故障');
      expect(failed.clusters).toEqual((await build({})).clusters);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
