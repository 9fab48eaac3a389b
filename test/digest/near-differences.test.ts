/**
 * The near copies' differences of a digest (digest/build.ts): worked out beside the clustering, and a window the
 * segmenter reads around a change (dedupe/diff.ts) is segmented once however many copies make the same change.
 */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { createDigestText } from '../../src/digest/text.js';
import { textDifference } from '../../src/dedupe/diff.js';
import type { OpinionRecord, SheetReport } from '../../src/model.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
const LETTER = '我们小区的广大群众反映，电动自行车在楼道里充电很危险，建议物业在小区门口建设集中充电棚，并安排专人看管。';
/** Five copies that make one change inside a sentence (the window is segmented), two that add a signature. */
const COPIES = [...Array.from({ length: 5 }, () => LETTER.replace('广大群众', '广大老百姓')), `${LETTER}三号楼全体业主`, `${LETTER}三号楼全体业主`];

describe('near copies in a digest', () => {
  it('each copy says what it changes, and a window shared by copies is segmented once', async () => {
    const texts = [LETTER, ...COPIES, '建议延长电动自行车号牌的过渡期，给群众留出更换车辆的时间。'];
    const sheet: SheetReport = { file: 'a.csv', sheet: 'a', encoding: 'utf-8', headerRows: [1], columns: [], rows: texts.length, records: texts.length, rejects: 0, blanks: 0, problems: [] };
    const records: OpinionRecord[] = texts.map((opinion, i) => ({
      id: `a.csv#${i + 2}`, source: { file: 'a.csv', sheet: 'a', row: i + 2 }, seq: null, point: `联系点${i % 3}`, pointSource: 'column', county: null,
      submitter: null, submitterType: null, article: '第八条', opinion, suggestion: null, reason: null, contact: null, date: null,
    }));
    const calls = new Map<string, number>();
    const counting = { ...segmenter, tokens: (t: string) => (calls.set(t, (calls.get(t) ?? 0) + 1), segmenter.tokens(t)) };
    const digest = await buildDigest(
      { sheets: [sheet], failures: [], records, rejects: [] }, null,
      createDigestText(null, counting, { threshold: 0.15, minMargin: 0.1, minLead: 0.05, minLeadUnanchored: 0.05, examples: [] }),
      { near: 0.5, assignThreshold: 0.15, clusterThreshold: 0.08, date: null },
    );
    const copies = digest.records.filter((r) => r.difference !== undefined);
    // Exact copies of a near copy are near copies of the letter too: all seven.
    expect(copies).toHaveLength(7);
    for (const record of copies) expect(record.difference).toEqual(textDifference(LETTER, record.opinion, (t) => segmenter.tokens(t)));
    expect(copies[0]!.difference!.changes).toEqual([{ from: '广大群众', to: '广大老百姓' }]);
    // The window around 广大群众 → 广大老百姓, on the copies' side: five copies, one segmentation.
    const windows = [...calls].filter(([t]) => t.includes('老百姓') && t.length < 12);
    expect(windows).toHaveLength(1);
    expect(windows[0]![1]).toBe(1);
  });
});
