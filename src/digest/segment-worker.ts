/** The segmenting thread of segment-ahead.ts: segments each batch it is sent until told to stop. */
import { parentPort, workerData } from 'node:worker_threads';
import { createSegmenter } from '../text/segment.js';
import { packTerms, unpackTexts, type AheadJob, type AheadSetup } from './segment-ahead.js';

const setup = workerData as AheadSetup;
const stop = new Int32Array(setup.stop);
// The digest's own options, read again here: dictionary files were already read once by the main thread,
// so a file that fails to read there never gets this far.
const segmenter = createSegmenter(setup.options);
// jieba loads on first use: now, while the batch is on its way.
segmenter.tokens('加载分词词典');
Atomics.store(stop, 1, 1);

parentPort?.on('message', (job: AheadJob | { kind: 'finish' }) => {
  if (job.kind === 'finish') {
    parentPort?.postMessage({ kind: 'finished' });
    return;
  }
  const done: string[][] = [];
  for (const text of unpackTexts(job)) {
    // Checked between opinions: reading has ended, and the main thread does the rest.
    if (Atomics.load(stop, 0) === 1) break;
    done.push(segmenter.terms(text));
  }
  const reply = packTerms(done);
  parentPort?.postMessage(reply, [reply.counts.buffer as ArrayBuffer]);
});
