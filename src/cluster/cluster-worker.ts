/** The clustering thread of threads.ts: takes articles from the shared counter until none is left. */
import { parentPort, workerData } from 'node:worker_threads';
import { clusterArticleIds } from './article-clusters.js';
import { WORD_SEPARATOR, type ClusterJob, type ClusterReply } from './threads.js';

const job = workerData as ClusterJob;
const counter = new Int32Array(job.next);
const count = job.articleStarts.length - 1;
const wordOf = job.wordCount === 0 ? [] : job.wordText.split(WORD_SEPARATOR);
const batch = job.batch === null ? null : { words: { n: job.batch.n, df: job.batch.words }, grams: { n: job.batch.n, df: job.batch.grams } };
const scratch = { words: new Int32Array(job.wordCount).fill(-1), grams: new Int32Array(job.gramCount).fill(-1) };

const post = (reply: ClusterReply, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(reply, transfer);
try {
  for (let a = Atomics.add(counter, 0, 1); a < count; a = Atomics.add(counter, 0, 1)) {
    const work = clusterArticleIds(job, job.articleStarts[a]!, job.articleStarts[a + 1]!, {
      wordShare: job.wordShare, splitRatio: job.splitRatio, threshold: job.thresholds[a]!, batch, scratch, wordOf,
    });
    post({ kind: 'article', article: a, ...work }, [work.memberStarts, work.members, work.weightStarts, work.weightWords, work.weightValues].map((array) => array.buffer as ArrayBuffer));
  }
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
