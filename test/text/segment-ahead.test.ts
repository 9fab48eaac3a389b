/**
 * Segmenting ahead (src/digest/segment-ahead.ts): a second thread segments opinions while files are read.
 * Whatever it hands back must be exactly what the digest's own segmenter gives; the thread runs from the
 * compiled code (dist/, built before the tests), as under the real CLI.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packTerms, packTexts, unpackTerms, unpackTexts, type AheadReply } from '../../src/digest/segment-ahead.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { REPO } from '../support/paths.js';

const dist = (path: string) => import(join(REPO, 'dist', path));

// Opinions as residents and companies write them, some repeated, some traditional, one only punctuation.
const OPINIONS = [
  '建议第十二条增加规定：禁止在楼道内飞线充电，物业公司应当设置充电桩。',
  '電動自行車停放點太少，建議小區統一規劃。',
  '外卖骑手闯红灯问题突出，建议加大处罚力度，罚款200元太低。',
  '同意。',
  '！！！',
  '养犬要办养犬登记，犬只要拴牵引绳，遛狗不牵绳的应当处罚。',
  '建议第十二条增加规定：禁止在楼道内飞线充电，物业公司应当设置充电桩。',
  '',
];

describe('what crosses to the segmenting thread and back', () => {
  it('gives back the very texts and terms it was given, empty ones included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 30 }), (texts) => {
        expect(unpackTexts(packTexts(texts))).toEqual(texts);
      }),
    );
    const terms = fc.array(fc.array(fc.stringMatching(/^[^\u0001]{1,6}$/u), { maxLength: 6 }), { maxLength: 20 });
    fc.assert(
      fc.property(terms, (termsOfTexts) => {
        expect(unpackTerms(packTerms(termsOfTexts))).toEqual(termsOfTexts);
      }),
    );
  });
});

describe('the segmenting thread', () => {
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);

  it('answers a batch with the terms the digest would compute, and stops when told', async () => {
    const stop = new SharedArrayBuffer(8);
    const worker = new Worker(join(REPO, 'dist/digest/segment-worker.js'), { workerData: { options: SEGMENTER_DEFAULTS, stop } });
    try {
      const replies: AheadReply[] = [];
      const next = () => new Promise<AheadReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage(packTexts(OPINIONS));
      replies.push(await next());
      expect(unpackTerms(replies[0]!)).toEqual(OPINIONS.map((text) => segmenter.terms(text)));
      expect(new Int32Array(stop)[1]).toBe(1);
      // Told to stop: the next batch is answered at once, with nothing segmented.
      Atomics.store(new Int32Array(stop), 0, 1);
      worker.postMessage(packTexts(OPINIONS));
      expect((await next()).counts).toHaveLength(0);
    } finally {
      await worker.terminate();
    }
  });

  it('a run of a few opinions starts no thread and gets nothing from it', async () => {
    const { startSegmentAhead } = (await dist('digest/segment-ahead.js')) as typeof import('../../src/digest/segment-ahead.js');
    const small = startSegmentAhead(SEGMENTER_DEFAULTS)!;
    small.add(OPINIONS);
    const segmented = await small.finish();
    expect(segmented.size).toBe(0);
    expect(segmented.take(OPINIONS[0]!)).toBeUndefined();
  });
});
