/**
 * Clustering on two threads. Articles are clustered independently, so a worker thread (cluster-worker.ts)
 * and this one take them in turn from a shared counter, largest first, until none is left: on a 2-core
 * machine the second core, idle once the duplicate search is done, does about half the work. The worker
 * reads the batch's term ids where they are (shared memory, batch-ids.ts), runs the same numeric code
 * (article-clusters.ts) and sends back typed arrays; labels need the segmenter and stay on this thread.
 * Which thread did an article changes nothing: clusters get ids and order from their content alone.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Cluster } from '../model.js';
import { type ArticleClusters, clusterArticleIds } from './article-clusters.js';
import { sharedInt32 } from './batch-ids.js';
import { batchScratch, type ClusterItem, type ClusterOptions, clusterOpinions, describeClusters, finishClusters, markNearby, type NearbyPlan, planNearby, prepareClusterBatch } from './cluster.js';

/** What the worker is given: the batch's ids and frequencies (shared, not copied) and the articles' bounds. */
export interface ClusterJob {
  readonly wordStarts: Int32Array;
  readonly words: Int32Array;
  readonly gramStarts: Int32Array;
  readonly grams: Int32Array;
  /** Batch document frequencies, or null without batch IDF. */
  readonly batch: { n: number; words: Int32Array; grams: Int32Array } | null;
  readonly articleStarts: Int32Array;
  readonly thresholds: Float64Array;
  readonly wordShare: number;
  readonly splitRatio: number;
  /** Every word of the batch, by id, joined by WORD_SEPARATOR (equal weights are ordered by text). */
  readonly wordText: string;
  readonly wordCount: number;
  readonly gramCount: number;
  /** One Int32: the next article to take (Atomics.add). */
  readonly next: SharedArrayBuffer;
}

/** The worker's messages: an article done, all done, or a failure (this thread then does the rest). */
export type ClusterReply =
  | ({ kind: 'article'; article: number } & ArticleClusters)
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

/** Between words: terms come from normalised text, which holds no control characters. */
export const WORD_SEPARATOR = '\u0001';

/** Options of the two-thread run beside the clustering's own. */
export interface ThreadOptions {
  /** Told when the worker failed and this thread clustered its articles (the clusters are the same). */
  readonly onThreadFailure?: (message: string) => void;
  /** Below this many opinions no worker is started: starting one costs more than it saves. */
  readonly minOpinions?: number;
  /** The worker's module (tests start one that fails); cluster-worker.js beside this module by default. */
  readonly workerUrl?: URL;
  /**
   * The caller's own work for this thread while the worker clusters (digest/build.ts: the near copies' differences):
   * called in turns, the worker's answers taken between them, until it returns true, before this thread takes
   * its first article. Run to the end in every case (on one thread: before clustering). It must not depend on
   * the clusters; the clusters do not depend on it.
   */
  readonly beside?: () => boolean;
}

/** Opinions below which one thread clusters alone. */
const MIN_OPINIONS = 5_000;

/**
 * The young generation of the worker, in MiB. Clustering makes many short-lived arrays; a larger nursery
 * collects them less often (the main thread's --max-semi-space-size=32 cut clustering CPU by a fifth at 100k).
 */
const WORKER_YOUNG_MB = 96;

// tsc compiles cluster-worker.ts beside this module into dist/cluster/. Under vitest this module is loaded from
// src/*.ts, where Node 20 cannot start a .ts worker: then this thread clusters alone.
const WORKER_URL = new URL('./cluster-worker.js', import.meta.url);

/** clusterOpinions on this thread and a worker thread: the same clusters, in the same order. */
export async function clusterOpinionsInThreads(items: readonly ClusterItem[], options: ClusterOptions, threads: ThreadOptions = {}): Promise<Cluster[]> {
  const workerUrl = threads.workerUrl ?? WORKER_URL;
  if (items.length < (threads.minOpinions ?? MIN_OPINIONS) || !existsSync(fileURLToPath(workerUrl))) {
    if (threads.beside !== undefined) while (!threads.beside());
    return clusterOpinions(items, options);
  }
  const prepared = prepareClusterBatch(items, options, sharedInt32);
  const { ids, articleStarts, thresholds } = prepared;
  const count = prepared.articles.length;
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const job: ClusterJob = {
    wordStarts: ids.wordStarts,
    words: ids.words,
    gramStarts: ids.gramStarts,
    grams: ids.grams,
    batch: prepared.batch === null ? null : { n: prepared.batch.words.n, words: prepared.batch.words.df, grams: prepared.batch.grams.df },
    articleStarts,
    thresholds,
    wordShare: options.wordShare,
    splitRatio: options.splitRatio,
    wordText: ids.wordOf.join(WORD_SEPARATOR),
    wordCount: ids.wordOf.length,
    gramCount: ids.gramCount,
    next,
  };
  const clusters: Cluster[] = [];
  const described = new Uint8Array(count);
  const describe = (article: number, work: ArticleClusters): void => {
    for (const cluster of describeClusters(prepared, article, work, options)) clusters.push(cluster);
    described[article] = 1;
  };
  let failure: string | null = null;
  let answered = false;
  let nearby: NearbyPlan | null | undefined;
  const worker = new Worker(workerUrl, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
  const finished = new Promise<void>((resolve) => {
    worker.on('message', (reply: ClusterReply) => {
      if (reply.kind === 'article') describe(reply.article, reply);
      else {
        answered = true;
        if (reply.kind === 'failed') failure = reply.message;
        resolve();
      }
    });
    worker.once('error', (error) => {
      failure = error instanceof Error ? error.message : String(error);
      resolve();
    });
    worker.once('exit', (code) => {
      // A worker that has said it is done exits on its own; before that, an exit is a failure.
      if (!answered) failure ??= `线程意外退出（代码 ${code}）`;
      resolve();
    });
  });
  const scratch = batchScratch(ids);
  const work = (a: number): ArticleClusters => clusterArticleIds(ids, articleStarts[a]!, articleStarts[a + 1]!, {
    wordShare: options.wordShare, splitRatio: options.splitRatio, threshold: thresholds[a]!, batch: prepared.batch, scratch, wordOf: ids.wordOf,
  });
  try {
    // Work that needs no cluster, done here while the worker takes the largest articles; this thread then
    // joins in on what is left: the caller's, and the vectors of 可能同类 (markNearby).
    if (threads.beside !== undefined) {
      while (!threads.beside()) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    nearby = planNearby(prepared, options);
    for (let a = Atomics.add(counter, 0, 1); a < count; a = Atomics.add(counter, 0, 1)) {
      describe(a, work(a));
      // Lets the worker's answers in, so their labels are made while it works on.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await finished;
  } finally {
    // No more articles for the worker, whatever happened here.
    Atomics.store(counter, 0, count);
    void worker.terminate();
  }
  // Articles the worker took and never answered for: done here, to the same clusters.
  for (let a = 0; a < count; a++) if (described[a] === 0) describe(a, work(a));
  if (failure !== null) threads.onThreadFailure?.(failure);
  markNearby(prepared, clusters, options, nearby === undefined ? planNearby(prepared, options) : nearby);
  return finishClusters(clusters);
}
