/**
 * Masking ahead (src/report/mask-ahead.ts): a second thread masks the digest's opinions while digest.json is
 * written, and the view takes its masks instead of scanning again. The worker runs from the compiled code
 * (dist/, built before the tests), as under the real CLI.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import type { DigestRecord } from '../../src/model.js';
import { maskDigest, maskPersonalData } from '../../src/text/mask.js';
import { REPO } from '../support/paths.js';

const dist = async () => (await import(join(REPO, 'dist', 'report', 'mask-ahead.js'))) as typeof import('../../src/report/mask-ahead.js');

function record(index: number): DigestRecord {
  return {
    id: `r${index}`, source: { file: '东湖.xlsx', sheet: '意见', row: index + 2 }, seq: null, point: '东湖', pointSource: 'column', county: null,
    submitter: null, submitterType: null, article: null,
    // Every seventh opinion holds a phone number, every eleventh an ID number.
    opinion: index % 7 === 0 ? `建议第${index}条删去，电话1380013${String(index % 10_000).padStart(4, '0')}。` : index % 11 === 0 ? `身份证110101199003071234，第${index}条` : `建议第${index}条删去。`,
    suggestion: null, reason: null, contact: null, date: null,
    articles: [{ key: checkedKey('12'), source: 'column', confidence: 1, cited: null, notInDraft: false }],
    duplicateGroup: null, canonical: true, cluster: 'c1',
  };
}

describe('masking ahead', () => {
  it('masks every opinion of a large digest on a second thread, as maskPersonalData does', async () => {
    const { startMaskAhead } = await dist();
    const records = Array.from({ length: 23_456 }, (_, i) => record(i));
    const masking = startMaskAhead(records);
    expect(masking).not.toBeNull();
    // finish() waits for the chunks on their way (two at the start), then ends the thread wherever it is.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const masked = await masking!.finish();
    expect(masked.records).toBe(records);
    expect(masked.scanned).toBeGreaterThan(0);
    const expected = new Map<number, string>();
    records.forEach((r, i) => {
      const text = maskPersonalData(r.opinion);
      if (i < masked.scanned && text !== r.opinion) expected.set(i, text);
    });
    expect(expected.size).toBeGreaterThan(100);
    expect(masked.changed).toEqual(expected);
  });

  it('starts no thread for a small digest', async () => {
    const { startMaskAhead } = await dist();
    expect(startMaskAhead(Array.from({ length: 100 }, (_, i) => record(i)))).toBeNull();
  });

  it('maskDigest takes the masks it is given for those very records, and scans past what was scanned', () => {
    const records = [record(1), record(7), record(14)];
    const digest = { records, files: [], failures: [], duplicateGroups: [], clusters: [], rejects: [], draft: null } as unknown as Parameters<typeof maskDigest>[0];
    // Opinion 0 as if the thread had masked it (it would not have: the stand-in shows it was not scanned again).
    const given = { records, scanned: 2, changed: new Map([[0, '（已打码）']]) };
    const masked = maskDigest(digest, { contactFields: true, opinions: given }).records;
    expect(masked[0]!.opinion).toBe('（已打码）');
    // Scanned and unchanged: record 7 holds a phone, but the thread said it did not change, so it is taken as written.
    expect(masked[1]).toBe(records[1]);
    // Past `scanned`: scanned here.
    expect(masked[2]!.opinion).toBe(maskPersonalData(records[2]!.opinion));
    expect(masked[2]!.opinion).not.toBe(records[2]!.opinion);
    // Masks of another array of records are not used.
    expect(maskDigest(digest, { contactFields: true, opinions: { ...given, records: [...records] } }).records[0]).toBe(records[0]);
  });
});
