/** The masking thread of mask-ahead.ts: masks each chunk of opinions it is sent, answers with those that change. */
import { parentPort } from 'node:worker_threads';
import { type AheadJob, unpackTexts } from '../digest/segment-ahead.js';
import { maskPersonalData } from '../text/mask.js';
import type { MaskReply } from './mask-ahead.js';

parentPort?.on('message', (job: AheadJob) => {
  const reply: MaskReply = { indices: [], masked: [] };
  unpackTexts(job).forEach((text, index) => {
    const masked = maskPersonalData(text);
    if (masked !== text) {
      reply.indices.push(index);
      reply.masked.push(masked);
    }
  });
  parentPort?.postMessage(reply);
});
